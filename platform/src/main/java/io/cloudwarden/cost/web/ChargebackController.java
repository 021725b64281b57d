package io.cloudwarden.cost.web;

import io.cloudwarden.cost.CostErrorCode;
import io.cloudwarden.cost.chargeback.Chargeback;
import io.cloudwarden.cost.chargeback.ChargebackCsv;
import io.cloudwarden.cost.chargeback.ChargebackPdf;
import io.cloudwarden.cost.chargeback.ChargebackReport;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Showback/chargeback by allocation dimension and month, as JSON, CSV or PDF. */
@RestController
@RequestMapping("/api/v1/cost/chargeback")
@Tag(name = "cost-chargeback", description = "Showback and chargeback reports")
class ChargebackController {

    private final Chargeback chargeback;
    private final IdentityManagement identity;

    ChargebackController(Chargeback chargeback, IdentityManagement identity) {
        this.chargeback = chargeback;
        this.identity = identity;
    }

    @GetMapping
    @RequiresPermission(Permission.COST_READ)
    @Operation(summary = "Chargeback of a month (default last month) by team, project, environment or costCenter, with shared costs split")
    ChargebackReport report(@RequestParam(required = false) String month, @RequestParam(defaultValue = "team") String dimension) {
        return build(month, dimension);
    }

    @GetMapping("/export")
    @RequiresPermission(Permission.COST_EXPORT)
    @Operation(summary = "The chargeback as a file: format=csv (columns in docs/cost/allocation.md) or format=pdf")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String month, @RequestParam(defaultValue = "team") String dimension,
                                  @RequestParam(defaultValue = "csv") String format) {
        if (!format.equals("csv") && !format.equals("pdf")) {
            throw new CloudwardenException(CostErrorCode.CHARGEBACK_FORMAT_INVALID, "format must be csv or pdf",
                    List.of(new FieldProblem("format", "must be csv or pdf, was " + format)));
        }
        ChargebackReport report = build(month, dimension);
        String name = "chargeback-" + report.month() + "-" + dimension + "." + format;
        byte[] body;
        MediaType type;
        if (format.equals("csv")) {
            body = ChargebackCsv.render(report).getBytes(StandardCharsets.UTF_8);
            type = new MediaType("text", "csv", StandardCharsets.UTF_8);
        } else {
            String tenant = identity.findTenant(TenantContext.require()).map(t -> t.name()).orElse("");
            body = ChargebackPdf.render(report, tenant, Instant.now());
            type = MediaType.APPLICATION_PDF;
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }

    private ChargebackReport build(String month, String dimension) {
        YearMonth m = Months.month(month, "month", CostErrorCode.CHARGEBACK_MONTH_INVALID);
        if (!Chargeback.knows(dimension)) {
            throw new CloudwardenException(CostErrorCode.CHARGEBACK_DIMENSION_INVALID, "dimension must be team, project, environment or costCenter",
                    List.of(new FieldProblem("dimension", "unknown dimension " + dimension)));
        }
        return chargeback.report(m, dimension);
    }
}
