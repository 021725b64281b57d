package io.cloudwarden.cost.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudwarden.connector.simulator.FocusCostFileGenerator;
import io.cloudwarden.cost.focus.ConformanceReport;
import io.cloudwarden.cost.focus.FocusConformanceChecker;
import io.cloudwarden.cost.focus.FocusRow;
import io.cloudwarden.cost.imports.CostImport;
import io.cloudwarden.cost.imports.CostImports;
import io.cloudwarden.cost.ingest.CostFileReader;
import io.cloudwarden.cost.ingest.CostFormat;
import io.cloudwarden.cost.ingest.CostReadResult;
import io.cloudwarden.cost.ingest.CostRowSink;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A filtered slice of the ledger exported as FOCUS 1.2 CSV passes the conformance checker on every MUST rule. */
@PlatformTest
public class FocusExportApiTest {

    private static final String PASSWORD = "a-long-enough-test-password";

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    CostImports imports;
    @Autowired
    CostFileReader reader;
    @Autowired
    FocusConformanceChecker checker;

    ApiClient api;
    TenantId tenant;

    @BeforeEach
    void ledger() throws Exception {
        String name = "costx-" + UUID.randomUUID().toString().substring(0, 8);
        tenant = identity.createTenant(name, "CUSTOMER", null).id();
        identity.createUser(tenant, name, PASSWORD, List.of("ADMIN"));
        api = new ApiClient(port).login(name, PASSWORD);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        FocusCostFileGenerator.write(csv, 20_000, 7);
        byte[] bytes = csv.toByteArray();
        UUID id = TenantContext.callAs(tenant, () -> imports.register(CostImport.Source.CLI, "generated.csv", null,
                (long) bytes.length, null, "test"));
        CostImport done = imports.run(tenant, id, List.of(new CostImports.ImportFile("generated.csv", (long) bytes.length,
                () -> new ByteArrayInputStream(bytes))));
        assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo("SUCCEEDED");
        assertThat(done.rowsAccepted()).isEqualTo(20_000);
    }

    @Test
    void anExportedSlicePassesEveryApplicableMustRule() {
        JsonSlice all = export("/api/v1/cost/export/focus?from=2024-06-01&to=2026-06-01");
        assertThat(all.read().format()).isEqualTo(CostFormat.FOCUS_1_2);
        assertThat(all.rows()).hasSize(20_000);
        assertConformant(all);

        JsonSlice usage = export("/api/v1/cost/export/focus?from=2024-06-01&to=2026-06-01&filter=chargeCategory=Usage");
        assertThat(usage.rows()).isNotEmpty().hasSizeLessThan(20_000)
                .allSatisfy(r -> assertThat(r.get(io.cloudwarden.cost.focus.FocusColumn.CHARGE_CATEGORY)).isEqualTo("Usage"));
        assertConformant(usage);
    }

    @Test
    void theExportRoundTripsTheLedgersTotals() {
        JsonSlice all = export("/api/v1/cost/export/focus?from=2024-06-01&to=2026-06-01");
        var explorer = api.get("/api/v1/cost/explorer?metric=BilledCost&from=2024-06-01&to=2026-06-01").body();
        assertThat(all.read().acceptedTotalsByCurrency().get(explorer.get("currency").asString()))
                .isEqualByComparingTo(explorer.get("total").asString());
    }

    /**
     * Provider capabilities the simulator's data has (model ApplicabilityCriteria): with them declared, the rules
     * that depend on them are applicable and checked too.
     */
    public static final java.util.Set<String> SIMULATOR_CAPABILITIES = java.util.Set.of("ACCOUNT_NAMING_SUPPORTED",
            "BILLING_BASED_ON_PROVISIONED_RESOURCES_SUPPORTED", "COMMITMENT_DISCOUNT_SUPPORTED",
            "MULTIPLE_PRICING_CATEGORIES_SUPPORTED", "NEGOTIATED_PRICING_SUPPORTED", "PUBLIC_PRICE_LIST_SUPPORTED",
            "REGION_SUPPORTED", "RESOURCE_TYPE_ASSIGNMENT_SUPPORTED", "SUB_ACCOUNT_SUPPORTED", "TAGGING_SUPPORTED",
            "UNIT_PRICING_SUPPORTED", "USAGE_MEASUREMENT_SUPPORTED");

    private void assertConformant(JsonSlice slice) {
        assertConformant(slice, java.util.Set.of());
        assertConformant(slice, SIMULATOR_CAPABILITIES);
    }

    private void assertConformant(JsonSlice slice, java.util.Set<String> capabilities) {
        FocusConformanceChecker.Session session = checker.begin(capabilities);
        slice.rows().forEach(session::check);
        ConformanceReport report = session.finish();
        List<String> failedMust = report.withStatus(ConformanceReport.Status.FAILED).stream()
                .filter(r -> r.keyword() != null && r.keyword().startsWith("MUST"))
                .map(r -> r.ruleId() + " (" + r.failed() + " rows, first " + r.firstFailingRows() + "): " + r.description()).toList();
        assertThat(failedMust).as("MUST rules the export fails with provider capabilities %s", capabilities).isEmpty();
        assertThat(report.withStatus(ConformanceReport.Status.PASSED)).hasSizeGreaterThan(100);
    }

    private record JsonSlice(CostReadResult read, List<FocusRow> rows) {
    }

    private JsonSlice export(String path) {
        ApiClient.Response r = api.getText(path);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/csv");
        List<FocusRow> rows = new ArrayList<>();
        CostReadResult read = reader.read(new ByteArrayInputStream(r.raw().getBytes(StandardCharsets.UTF_8)), "export.csv",
                new CostRowSink() {
                    @Override
                    public void accept(FocusRow row) {
                        rows.add(row);
                    }

                    @Override
                    public void quarantine(long sourceRow, String reason, Map<String, String> raw) {
                        throw new AssertionError("the export has a row the reader quarantines: " + sourceRow + " " + reason);
                    }
                });
        return new JsonSlice(read, rows);
    }
}
