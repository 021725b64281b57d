package io.cloudwarden.cost.web;

import io.cloudwarden.cost.imports.CostImport;
import io.cloudwarden.cost.imports.CostImportQueue;
import io.cloudwarden.cost.imports.CostImports;
import io.cloudwarden.cost.imports.ObjectStoreFiles;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.CursorPage;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.RequiresPermission;
import io.cloudwarden.shared.web.RequestActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Cost imports: upload a cost export or name one in the object store; follow the job; read its report and quarantine. */
@RestController
@RequestMapping("/api/v1/cost/imports")
@Tag(name = "cost", description = "The FOCUS cost ledger: explorer, savings, resource cost")
class CostImportController {

    private static final int MAX_LIMIT = 500;
    private static final int MAX_FILES = 1000;

    private final CostImports imports;
    private final CostImportQueue queue;
    private final ObjectStoreFiles objectStore;

    CostImportController(CostImports imports, CostImportQueue queue, ObjectStoreFiles objectStore) {
        this.imports = imports;
        this.queue = queue;
        this.objectStore = objectStore;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RequiresPermission(Permission.COST_IMPORT)
    @Operation(summary = "Upload cost exports (one or more parts named 'file', imported together as one import): FOCUS 1.0-1.2, "
            + "AWS CUR (legacy, 2.0, FOCUS), Azure cost details, GCP billing export or OCI, as CSV, gzip CSV or JSON lines",
            description = "An import replaces every (billing account, billing period) its files contain, so upload all files "
                    + "of a period together (e.g. a month of daily files). The import runs in the background; follow it with "
                    + "GET /api/v1/cost/imports/{id}.")
    CostImport upload(@RequestPart("file") List<MultipartFile> files) throws IOException {
        if (files.isEmpty() || files.size() > MAX_FILES) {
            throw new CloudwardenException(CommonErrorCode.VALIDATION_FAILED, "send 1 to " + MAX_FILES + " files",
                    List.of(new FieldProblem("file", "1 to " + MAX_FILES + " parts")));
        }
        List<String> names = files.stream().map(f -> fileName(f.getOriginalFilename())).toList();
        long size = files.stream().mapToLong(MultipartFile::getSize).sum();
        UUID id = imports.register(CostImport.Source.UPLOAD, displayName(names), null, size, null, RequestActor.actor());
        List<CostImportQueue.Spooled> spooled = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path spool = queue.spoolFile(id, i);
            try (InputStream in = files.get(i).getInputStream()) {
                Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING);
            }
            spooled.add(new CostImportQueue.Spooled(names.get(i), spool));
        }
        queue.submitSpooled(id, spooled);
        return imports.find(id).orElseThrow();
    }

    @PostMapping(consumes = {MediaType.APPLICATION_OCTET_STREAM_VALUE, "text/csv", "application/gzip", "application/x-ndjson"})
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RequiresPermission(Permission.COST_IMPORT)
    @Operation(summary = "Upload one cost export as the request body (for large files and scripts)")
    CostImport uploadBody(@Parameter(description = "the file's name, shown in the import list") @RequestParam String fileName,
                          HttpServletRequest request) throws IOException {
        String name = fileName(fileName);
        long length = request.getContentLengthLong();
        UUID id = imports.register(CostImport.Source.CLI, name, null, length >= 0 ? length : null, null, RequestActor.actor());
        Path spool = queue.spoolFile(id, 0);
        try (InputStream in = request.getInputStream()) {
            Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING);
        }
        queue.submitSpooled(id, List.of(new CostImportQueue.Spooled(name, spool)));
        return imports.find(id).orElseThrow();
    }

    record ObjectStoreImport(@NotBlank String location) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RequiresPermission(Permission.COST_IMPORT)
    @Operation(summary = "Import a cost export from the object store: {\"location\": \"s3://<bucket>/tenants/<tenant id>/<key>\"}",
            description = "Only the configured bucket (cloudwarden.cost.object-store.bucket) and only keys under the tenant's own "
                    + "prefix tenants/<tenant id>/ may be named.")
    CostImport fromObjectStore(@Valid @RequestBody ObjectStoreImport body) {
        ObjectStoreFiles.Location location = objectStore.resolve(body.location());
        UUID id = imports.register(CostImport.Source.OBJECT_STORE, location.fileName(), body.location(), location.size(), null,
                RequestActor.actor());
        queue.submit(id, List.of(new CostImports.ImportFile(location.fileName(), location.size(), () -> objectStore.open(location))));
        return imports.find(id).orElseThrow();
    }

    @GetMapping
    @RequiresPermission(Permission.COST_READ)
    @Operation(summary = "Imports, newest first (cursor-paged)")
    CursorPage<CostImport> list(@Parameter(description = "QUEUED, RUNNING, SUCCEEDED, FAILED or REFUSED")
                                @RequestParam(required = false) String status,
                                @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        if (status != null && java.util.Arrays.stream(CostImport.Status.values()).noneMatch(s -> s.name().equals(status))) {
            throw new CloudwardenException(CommonErrorCode.INVALID_FILTER, "status must be QUEUED, RUNNING, SUCCEEDED, FAILED or REFUSED",
                    List.of(new FieldProblem("status", "unknown status")));
        }
        return imports.list(status, cursor, limit(limit));
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.COST_READ)
    @Operation(summary = "One import with its progress and, once finished, its report")
    CostImport get(@PathVariable UUID id) {
        return imports.find(id).orElseThrow(() -> notFound(id));
    }

    @GetMapping("/{id}/quarantine")
    @RequiresPermission(Permission.COST_READ)
    @Operation(summary = "The rows an import quarantined, with their row numbers, reasons and raw values")
    CursorPage<?> quarantine(@PathVariable UUID id, @RequestParam(required = false) String cursor,
                             @RequestParam(required = false) Integer limit) {
        CostImport job = imports.find(id).orElseThrow(() -> notFound(id));
        return imports.quarantined(job, cursor, limit(limit));
    }

    private static int limit(Integer limit) {
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw new CloudwardenException(CommonErrorCode.INVALID_FILTER, "limit must be 1 to " + MAX_LIMIT,
                    List.of(new FieldProblem("limit", "must be 1 to " + MAX_LIMIT)));
        }
        return n;
    }

    private static String fileName(String name) {
        String n = name == null ? "" : Path.of(name.replace('\\', '/')).getFileName() == null ? "" : Path.of(name.replace('\\', '/')).getFileName().toString();
        if (n.isBlank() || n.length() > 255) {
            throw new CloudwardenException(CommonErrorCode.VALIDATION_FAILED, "the file needs a name of 1 to 255 characters",
                    List.of(new FieldProblem("fileName", "must be 1 to 255 characters")));
        }
        return n;
    }

    /** How a multi-file import is listed: its first file and how many more. */
    static String displayName(List<String> names) {
        return names.size() == 1 ? names.get(0) : names.get(0) + " and " + (names.size() - 1) + " more";
    }

    private static CloudwardenException notFound(UUID id) {
        return new CloudwardenException(CommonErrorCode.NOT_FOUND, "no cost import " + id);
    }
}
