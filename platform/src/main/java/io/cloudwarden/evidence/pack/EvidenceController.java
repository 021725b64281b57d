package io.cloudwarden.evidence.pack;

import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.RequiresPermission;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.CursorPage;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Evidence items and their files, the control catalogue, evidence packs and auditor reports. */
@RestController
@RequestMapping("/api/v1/evidence")
@Tag(name = "evidence", description = "Evidence items, control catalogue, evidence packs and auditor reports")
class EvidenceController {

    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");
    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final EvidenceItems items;
    private final EvidencePacks packs;
    private final EvidenceReports reports;
    private final ControlCatalogue catalogue;
    private final EvidenceProperties props;
    private final JsonMapper json;

    EvidenceController(EvidenceItems items, EvidencePacks packs, EvidenceReports reports, ControlCatalogue catalogue,
                       EvidenceProperties props, JsonMapper json) {
        this.items = items;
        this.packs = packs;
        this.reports = reports;
        this.catalogue = catalogue;
        this.props = props;
        this.json = json;
    }

    /** A framework as {@code GET /controls} lists it; {@code controls} only when one framework or family is asked for. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FrameworkView(String id, String family, String name, String version, String source, boolean available,
                         int controlCount, List<ControlCatalogue.Control> controls) {
    }

    @RequiresPermission(Permission.EVIDENCE_MANAGE)
    @PostMapping("/items")
    @Operation(summary = "Record an evidence item without a file; it is appended to the audit log in the same transaction")
    ResponseEntity<EvidenceItem> record(@RequestBody EvidenceItemCommand command, HttpServletRequest request) {
        EvidenceItem item = items.record(command, Caller.of(request));
        return ResponseEntity.created(URI.create("/api/v1/evidence/items/" + item.id())).body(item);
    }

    @RequiresPermission(Permission.EVIDENCE_MANAGE)
    @PostMapping(path = "/items/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Record an evidence item with a file: multipart with a 'file' part and a 'metadata' part "
            + "holding the JSON of POST /items; the file's SHA-256, size and name go into the audit entry. "
            + "Files above cloudwarden.evidence.max-upload-size (default 25 MB) are refused with EVIDENCE_FILE_TOO_LARGE")
    ResponseEntity<EvidenceItem> upload(@RequestParam("file") MultipartFile file, @RequestParam("metadata") String metadata,
                                        HttpServletRequest request) {
        long limit = props.maxUploadSize().toBytes();
        if (file.getSize() > limit) {
            throw EvidenceItems.tooLarge(limit);
        }
        EvidenceItemCommand command;
        try {
            command = json.readValue(metadata, EvidenceItemCommand.class);
        } catch (JacksonException e) {
            throw new CloudwardenException(CommonErrorCode.MALFORMED_REQUEST,
                    "the metadata part is not the JSON of an evidence item (kind, title, description, controls, "
                            + "collectedAt, periodStart, periodEnd)", List.of(new FieldProblem("metadata", "is not valid")));
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EvidenceItem item = items.record(command, new EvidenceItems.Upload(file.getOriginalFilename(), file.getContentType(),
                content), Caller.of(request));
        return ResponseEntity.created(URI.create("/api/v1/evidence/items/" + item.id())).body(item);
    }

    @RequiresPermission(Permission.EVIDENCE_READ)
    @GetMapping("/items")
    @Operation(summary = "List evidence items, newest collected first, with optional filters and cursor paging; "
            + "framework takes a framework id (SOC2, CIS-AWS-5.0) or a family (CIS); from/to bound collectedAt")
    CursorPage<EvidenceItem> list(@RequestParam(required = false) String kind,
                                  @RequestParam(required = false) String control,
                                  @RequestParam(required = false) String framework,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                  @RequestParam(required = false) String cursor,
                                  @RequestParam(defaultValue = "50") int limit) {
        return items.list(kind, control, framework, from, to, cursor, limit);
    }

    @RequiresPermission(Permission.EVIDENCE_READ)
    @GetMapping("/items/{id}")
    @Operation(summary = "One evidence item, with its audit log index and file metadata")
    EvidenceItem get(@PathVariable UUID id) {
        return items.get(id);
    }

    @RequiresPermission(Permission.EVIDENCE_READ)
    @GetMapping("/items/{id}/file")
    @Operation(summary = "The item's file, as an attachment with its recorded media type")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/octet-stream",
            schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> file(@PathVariable UUID id) {
        EvidenceItems.StoredFile stored = items.file(id);
        EvidenceItem.FileInfo info = stored.item().file();
        MediaType type;
        try {
            type = MediaType.parseMediaType(info.mediaType());
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(info.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Evidence-SHA256", info.sha256())
                .body(stored.content());
    }

    @RequiresPermission(Permission.EVIDENCE_READ)
    @GetMapping("/controls")
    @Operation(summary = "The control catalogue: frameworks with their control ids and titles; framework takes an id "
            + "or a family. Without it, every framework is listed without its controls")
    List<FrameworkView> controls(@RequestParam(required = false) String framework) {
        if (framework == null || framework.isBlank()) {
            List<FrameworkView> all = new java.util.ArrayList<>(catalogue.frameworks().stream()
                    .map(f -> new FrameworkView(f.id(), f.family(), f.name(), f.version(), f.source(), true,
                            f.controls().size(), null)).toList());
            catalogue.unavailableFamilies().forEach(u -> all.add(new FrameworkView(u.family(), u.family(), u.name(),
                    null, null, false, 0, null)));
            return all;
        }
        return catalogue.resolve("framework", framework).stream()
                .map(f -> new FrameworkView(f.id(), f.family(), f.name(), f.version(), f.source(), true,
                        f.controls().size(), f.controls())).toList();
    }

    @RequiresPermission(Permission.EVIDENCE_EXPORT)
    @PostMapping("/packs")
    @Operation(summary = "Generate an evidence pack (zip, docs/evidence/formats.md) of a framework's evidence collected "
            + "in [from, to): files, inclusion proofs, signed checkpoint, verifier keys, pack.sig and summary.pdf. "
            + "The zip is kept: GET /packs/{id}/download returns the same bytes")
    @ApiResponse(responseCode = "201", content = @Content(mediaType = "application/zip",
            schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> generatePack(@RequestBody PackRequest body, HttpServletRequest request) {
        EvidencePacks.GeneratedPack generated = packs.generate(body, Caller.of(request));
        EvidencePack pack = generated.pack();
        return ResponseEntity.created(URI.create("/api/v1/evidence/packs/" + pack.id()))
                .contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(packFileName(pack)))
                .header("X-Evidence-Pack-Id", pack.id().toString())
                .header("X-Evidence-Pack-SHA256", pack.sha256())
                .body(generated.zip());
    }

    @RequiresPermission(Permission.EVIDENCE_READ)
    @GetMapping("/packs")
    @Operation(summary = "Generated packs, newest first, with cursor paging")
    CursorPage<EvidencePack> listPacks(@RequestParam(required = false) String cursor,
                                       @RequestParam(defaultValue = "50") int limit) {
        return packs.list(cursor, limit);
    }

    @RequiresPermission(Permission.EVIDENCE_READ)
    @GetMapping("/packs/{id}")
    @Operation(summary = "The record of one generated pack")
    EvidencePack getPack(@PathVariable UUID id) {
        return packs.get(id);
    }

    @RequiresPermission(Permission.EVIDENCE_EXPORT)
    @GetMapping("/packs/{id}/download")
    @Operation(summary = "The pack's zip, byte for byte as generated")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/zip",
            schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> downloadPack(@PathVariable UUID id) {
        EvidencePacks.GeneratedPack stored = packs.download(id);
        return ResponseEntity.ok().contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(packFileName(stored.pack())))
                .header("X-Evidence-Pack-SHA256", stored.pack().sha256())
                .body(stored.zip());
    }

    @RequiresPermission(Permission.EVIDENCE_EXPORT)
    @PostMapping("/reports")
    @Operation(summary = "Generate a signed board/auditor report for [from, to): a zip of report.json (evidence per "
            + "framework and control, controls without evidence, audit log size and checkpoint, activity counts), "
            + "report.pdf, report.sig, checkpoint.txt and keys.txt")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/zip",
            schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> report(@RequestBody ReportRequest body, HttpServletRequest request) {
        EvidenceReports.GeneratedReport report = reports.generate(body, Caller.of(request));
        return ResponseEntity.ok().contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("evidence-report-" + FILE_DATE.format(report.generatedAt()) + ".zip"))
                .header("X-Evidence-Report-SHA256", report.sha256())
                .body(report.zip());
    }

    /**
     * An upload above the servlet multipart limit (the larger of {@code cloudwarden.evidence.max-upload-size} and
     * {@code cloudwarden.web.max-upload-body}).
     * Multipart requests are resolved lazily, so the limit is hit inside this controller's handling.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e) {
        return ProblemResponses.response(EvidenceItems.tooLarge(props.maxUploadSize().toBytes()));
    }

    private static String packFileName(EvidencePack pack) {
        return "evidence-pack-" + pack.framework().replaceAll("[^A-Za-z0-9.-]", "_") + "-"
                + FILE_DATE.format(pack.createdAt()) + ".zip";
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
    }
}
