package io.cloudwarden.evidence.web;

import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.RequiresPermission;
import io.cloudwarden.evidence.EvidenceErrorCode;
import io.cloudwarden.evidence.anchor.AnchorCheck;
import io.cloudwarden.evidence.anchor.AnchorStatus;
import io.cloudwarden.evidence.log.AuditExport;
import io.cloudwarden.evidence.log.AuditLedger;
import io.cloudwarden.evidence.log.AuditRecord;
import io.cloudwarden.evidence.log.AuditTimeline;
import io.cloudwarden.evidence.log.InclusionProof;
import io.cloudwarden.evidence.log.LedgerAdministration;
import io.cloudwarden.evidence.log.LogInfo;
import io.cloudwarden.evidence.log.StoredCheckpoint;
import io.cloudwarden.evidence.log.StoredEntry;
import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.verify.VerificationReport;
import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CursorPage;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The tenant's audit log: timeline, entries, proofs, checkpoints and keys. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit", description = "The tamper-evident audit log: timeline, proofs, checkpoints, keys")
class AuditController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64 = Base64.getEncoder();

    /** An entry as the timeline shows it; {@code canonical} is the exact text that was hashed. */
    record EntryView(long index, Instant timestamp, String actor, String action, String outcome, String target,
                     String sourceIp, JsonNode details, String leafHash, String canonical, String proof) {
    }

    record LogView(String origin, String hashAlgorithm, long treeSize, String rootHash, Integer onlineRetentionDays,
                   Integer evidenceRetentionDays, CheckpointView latestCheckpoint) {
    }

    record CheckpointView(long treeSize, String rootHash, String note, Instant createdAt) {
    }

    record InclusionView(long index, long treeSize, String leafHash, List<String> proof, String rootHash,
                         String canonical, CheckpointView checkpoint) {
    }

    record ConsistencyView(long first, long second, List<String> proof, String firstRoot, String secondRoot) {
    }

    record KeysView(String origin, List<String> verifierKeys) {
    }

    private final AuditLedger ledger;
    private final LedgerAdministration admin;
    private final AuditTimeline timeline;
    private final AnchorCheck anchors;
    private final AuditExport export;

    AuditController(AuditLedger ledger, LedgerAdministration admin, AuditTimeline timeline, AnchorCheck anchors,
                    AuditExport export) {
        this.ledger = ledger;
        this.admin = admin;
        this.timeline = timeline;
        this.anchors = anchors;
        this.export = export;
    }

    @RequiresPermission(Permission.EVIDENCE_EXPORT)
    @GetMapping(path = "/bundle", produces = "application/zip")
    @Operation(summary = "The whole online log as a bundle zip (entries, stored leaf hashes, signed checkpoints, keys, "
            + "anchored checkpoints) for ./cloudwarden verify-log; the export is itself audited")
    ResponseEntity<StreamingResponseBody> bundle(@AuthenticationPrincipal Jwt user, HttpServletRequest request)
            throws java.io.IOException {
        TenantId tenant = TenantContext.require();
        ledger.append(new AuditRecord(tenant, Instant.now(), actor(user), "evidence.audit.bundle-exported",
                AuditableEvent.Outcome.SUCCESS, "audit-log", request.getRemoteAddr(), Map.of()));
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("cloudwarden-bundle");
        java.nio.file.Path zip = dir.resolve("bundle.zip");
        try {
            export.exportBundle(tenant, zip);
        } catch (java.io.IOException | RuntimeException e) {
            deleteQuietly(zip, dir);
            throw e;
        }
        StreamingResponseBody body = out -> {
            try {
                java.nio.file.Files.copy(zip, out);
            } finally {
                deleteQuietly(zip, dir);
            }
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-bundle-" + tenant + ".zip\"")
                .contentLength(java.nio.file.Files.size(zip))
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(body);
    }

    @RequiresPermission(Permission.AUDIT_READ)
    @PostMapping("/verify")
    @Operation(summary = "Verify the log in place, as verify-log does offline: every entry against its stored hash and "
            + "the signed checkpoints, the signatures, and the anchored checkpoints; names the first bad index")
    VerificationReport verify() {
        return export.verify(TenantContext.require());
    }

    private static void deleteQuietly(java.nio.file.Path... paths) {
        for (java.nio.file.Path p : paths) {
            try {
                java.nio.file.Files.deleteIfExists(p);
            } catch (java.io.IOException ignored) {
                // a temporary file; the OS cleans its temp directory
            }
        }
    }

    @RequiresPermission(Permission.AUDIT_READ)
    @GetMapping("/anchors")
    @Operation(summary = "For each anchoring target, its newest anchored checkpoint compared with the local log: OK, "
            + "NOT_ANCHORED, UNAVAILABLE, or a rollback or rewrite of the database detected")
    List<AnchorStatus> anchors() {
        return anchors.check(TenantContext.require());
    }

    @RequiresPermission(Permission.AUDIT_READ)
    @GetMapping("/log")
    @Operation(summary = "The tenant's log: origin, hash algorithm, size, root and latest signed checkpoint")
    LogView log() {
        TenantId tenant = TenantContext.require();
        return view(ledger.log(tenant), ledger.latestCheckpoint(tenant).orElse(null));
    }

    @RequiresPermission(Permission.AUDIT_MANAGE)
    @PutMapping("/log")
    @Operation(summary = "Change the tenant's audit settings: hashAlgorithm (SHA-256 or SHA3-256, only while the log is "
            + "empty), onlineRetentionDays and evidenceRetentionDays (1 to 36500, or null for the installation default); "
            + "each change is audited")
    LogView settings(@RequestBody JsonNode body, @AuthenticationPrincipal Jwt user, HttpServletRequest request) {
        if (body == null || !body.isObject() || body.isEmpty()) {
            throw new CloudwardenException(EvidenceErrorCode.INVALID_AUDIT_SETTINGS,
                    "Send an object with hashAlgorithm and/or onlineRetentionDays.");
        }
        List<String> unknown = body.propertyNames().stream()
                .filter(k -> !List.of("hashAlgorithm", "onlineRetentionDays", "evidenceRetentionDays").contains(k)).toList();
        if (!unknown.isEmpty()) {
            throw new CloudwardenException(EvidenceErrorCode.INVALID_AUDIT_SETTINGS, "Unknown settings: " + unknown + ".");
        }
        TenantId tenant = TenantContext.require();
        if (body.has("hashAlgorithm")) {
            MerkleHasher hasher;
            try {
                hasher = MerkleHasher.forName(body.get("hashAlgorithm").asString(""));
            } catch (IllegalArgumentException e) {
                throw new CloudwardenException(EvidenceErrorCode.UNKNOWN_HASH_ALGORITHM, e.getMessage());
            }
            admin.setHashAlgorithm(tenant, hasher, actor(user), request.getRemoteAddr());
        }
        if (body.has("onlineRetentionDays")) {
            admin.setOnlineRetention(tenant, days(body, "onlineRetentionDays"), actor(user), request.getRemoteAddr());
        }
        if (body.has("evidenceRetentionDays")) {
            admin.setEvidenceRetention(tenant, days(body, "evidenceRetentionDays"), actor(user), request.getRemoteAddr());
        }
        return log();
    }

    @RequiresPermission(Permission.AUDIT_READ)
    @GetMapping("/entries")
    @Operation(summary = "The audit timeline, newest first, filtered by actor, action (or dotted prefix), target, "
            + "resource, outcome and time [from, to); cursor paged")
    CursorPage<EntryView> entries(@RequestParam(required = false) String actor,
                                  @RequestParam(required = false) String action,
                                  @RequestParam(required = false) String target,
                                  @RequestParam(required = false) String resource,
                                  @RequestParam(required = false) String outcome,
                                  @RequestParam(required = false) Instant from,
                                  @RequestParam(required = false) Instant to,
                                  @RequestParam(required = false) String cursor,
                                  @RequestParam(defaultValue = "50") int limit) {
        AuditTimeline.Filter filter = filter(actor, action, target, resource, outcome, from, to);
        CursorPage<StoredEntry> page = timeline.page(TenantContext.require(), filter, cursor, limit);
        return new CursorPage<>(page.items().stream().map(AuditController::view).toList(), page.nextCursor());
    }

    @RequiresPermission(Permission.AUDIT_READ)
    @GetMapping("/entries/{index}")
    @Operation(summary = "One entry, with the exact canonical text that was hashed and a link to its inclusion proof")
    EntryView entry(@PathVariable long index) {
        return ledger.entry(TenantContext.require(), index).map(AuditController::view)
                .orElseThrow(() -> new CloudwardenException(EvidenceErrorCode.AUDIT_ENTRY_NOT_FOUND,
                        "There is no entry " + index + " in this tenant's audit log."));
    }

    @RequiresPermission(Permission.EVIDENCE_EXPORT)
    @GetMapping("/entries/export")
    @Operation(summary = "Export the filtered timeline as CSV or JSON Lines; the export is itself audited")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "csv") String format,
                                                 @RequestParam(required = false) String actor,
                                                 @RequestParam(required = false) String action,
                                                 @RequestParam(required = false) String target,
                                                 @RequestParam(required = false) String resource,
                                                 @RequestParam(required = false) String outcome,
                                                 @RequestParam(required = false) Instant from,
                                                 @RequestParam(required = false) Instant to,
                                                 @AuthenticationPrincipal Jwt user, HttpServletRequest request) {
        boolean csv = switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> true;
            case "json", "jsonl" -> false;
            default -> throw new CloudwardenException(EvidenceErrorCode.INVALID_AUDIT_FILTER,
                    "format must be csv or json (got '" + format + "').");
        };
        TenantId tenant = TenantContext.require();
        AuditTimeline.Filter filter = filter(actor, action, target, resource, outcome, from, to);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", csv ? "csv" : "json");
        details.put("filter", filterMap(filter));
        // Recorded before the first byte leaves: an export that cannot be audited does not happen.
        ledger.append(new AuditRecord(tenant, Instant.now(), actor(user), "evidence.audit.exported",
                AuditableEvent.Outcome.SUCCESS, "audit-log", request.getRemoteAddr(), details));
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            AtomicLong rows = new AtomicLong();
            if (csv) {
                writer.write("index,timestamp,actor,action,outcome,target,leaf_hash,entry\r\n");
            }
            TenantContext.runAs(tenant, () -> timeline.each(tenant, filter, e -> {
                try {
                    if (csv) {
                        writer.write(e.index() + "," + e.occurredAt() + "," + Csv.field(e.actor()) + "," + Csv.field(e.action())
                                + "," + e.outcome().wireName() + "," + Csv.field(e.target()) + "," + B64.encodeToString(e.leafHash())
                                + "," + Csv.field(new String(e.entry(), StandardCharsets.UTF_8)) + "\r\n");
                    } else {
                        writer.write(new String(e.entry(), StandardCharsets.UTF_8));
                        writer.write('\n');
                    }
                    rows.incrementAndGet();
                } catch (java.io.IOException io) {
                    throw new java.io.UncheckedIOException(io);
                }
            }));
            writer.flush();
        };
        String name = "audit-" + tenant + (csv ? ".csv" : ".jsonl");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : new MediaType("application", "jsonl"))
                .body(body);
    }

    @RequiresPermission(Permission.AUDIT_READ)
    @GetMapping("/proofs/inclusion")
    @Operation(summary = "Inclusion proof of an entry (by index or base64 leaf hash) in the tree of treeSize entries "
            + "(default: the latest checkpoint's size)")
    InclusionView inclusion(@RequestParam(required = false) Long index, @RequestParam(required = false) String leafHash,
                            @RequestParam(required = false) Long treeSize) {
        TenantId tenant = TenantContext.require();
        if ((index == null) == (leafHash == null)) {
            throw new CloudwardenException(EvidenceErrorCode.INVALID_PROOF_REQUEST, "Give exactly one of index and leafHash.");
        }
        long at = index != null ? index : admin.indexOfLeaf(tenant, decode(leafHash, "leafHash"));
        long size = treeSize != null ? treeSize : ledger.latestCheckpoint(tenant).map(StoredCheckpoint::treeSize)
                .filter(s -> s > at).orElseGet(() -> ledger.checkpointNow(tenant).treeSize());
        InclusionProof p = ledger.inclusionProof(tenant, at, size);
        CheckpointView checkpoint = admin.checkpoint(tenant, size).map(AuditController::view).orElse(null);
        return new InclusionView(p.index(), p.treeSize(), B64.encodeToString(p.leafHash()),
                p.proof().stream().map(B64::encodeToString).toList(), B64.encodeToString(p.rootHash()),
                new String(p.entry(), StandardCharsets.UTF_8), checkpoint);
    }

    @RequiresPermission(Permission.AUDIT_READ)
    @GetMapping("/proofs/consistency")
    @Operation(summary = "Consistency proof between two tree sizes (default second: the latest checkpoint's size)")
    ConsistencyView consistency(@RequestParam long first, @RequestParam(required = false) Long second) {
        TenantId tenant = TenantContext.require();
        long to = second != null ? second : ledger.latestCheckpoint(tenant).map(StoredCheckpoint::treeSize).orElse(0L);
        List<byte[]> proof = ledger.consistencyProof(tenant, first, to);
        return new ConsistencyView(first, to, proof.stream().map(B64::encodeToString).toList(),
                B64.encodeToString(ledger.rootHash(tenant, first)), B64.encodeToString(ledger.rootHash(tenant, to)));
    }

    @RequiresPermission(Permission.AUDIT_READ)
    @GetMapping("/checkpoints")
    @Operation(summary = "Signed checkpoints, newest first; cursor paged")
    CursorPage<CheckpointView> checkpoints(@RequestParam(required = false) String cursor,
                                           @RequestParam(defaultValue = "50") int limit) {
        CursorPage<StoredCheckpoint> page = admin.checkpoints(TenantContext.require(), cursor, limit);
        return new CursorPage<>(page.items().stream().map(AuditController::view).toList(), page.nextCursor());
    }

    @RequiresPermission(Permission.AUDIT_READ)
    @GetMapping("/checkpoints/latest")
    @Operation(summary = "The newest signed checkpoint")
    CheckpointView latestCheckpoint() {
        return ledger.latestCheckpoint(TenantContext.require()).map(AuditController::view)
                .orElseThrow(() -> new CloudwardenException(EvidenceErrorCode.CHECKPOINT_NOT_FOUND,
                        "No checkpoint has been signed yet: the log has no entries."));
    }

    @RequiresPermission(Permission.AUDIT_MANAGE)
    @PostMapping("/checkpoints")
    @Operation(summary = "Sign a checkpoint of the current tree now")
    CheckpointView checkpointNow() {
        return view(ledger.checkpointNow(TenantContext.require()));
    }

    @RequiresPermission(Permission.AUDIT_READ)
    @GetMapping("/keys")
    @Operation(summary = "The log's checkpoint verifier keys (signed-note form), current and retired")
    KeysView keys() {
        TenantId tenant = TenantContext.require();
        return new KeysView(ledger.log(tenant).origin(), ledger.verifierKeys(tenant));
    }

    @RequiresPermission(Permission.AUDIT_MANAGE)
    @PostMapping("/keys/rotate")
    @Operation(summary = "Retire the checkpoint signing key and generate a new one; old keys stay published")
    KeysView rotate(@AuthenticationPrincipal Jwt user, HttpServletRequest request) {
        TenantId tenant = TenantContext.require();
        admin.rotateKey(tenant, actor(user), request.getRemoteAddr());
        return keys();
    }

    private static Integer days(JsonNode body, String name) {
        JsonNode days = body.get(name);
        if (days.isNull()) {
            return null;
        }
        if (!days.isIntegralNumber() || !days.canConvertToInt()) {
            throw new CloudwardenException(EvidenceErrorCode.INVALID_AUDIT_SETTINGS,
                    name + " must be a whole number of days, or null for the default.");
        }
        return days.asInt();
    }

    static String actor(Jwt user) {
        return user == null ? "system" : "user:" + user.getSubject();
    }

    private static AuditTimeline.Filter filter(String actor, String action, String target, String resource, String outcome,
                                               Instant from, Instant to) {
        AuditableEvent.Outcome o = null;
        if (outcome != null) {
            try {
                o = AuditableEvent.Outcome.valueOf(outcome.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CloudwardenException(EvidenceErrorCode.INVALID_AUDIT_FILTER,
                        "outcome must be success, failure or denied (got '" + outcome + "').");
            }
        }
        return new AuditTimeline.Filter(actor, action, target, resource, o, from, to);
    }

    private static Map<String, Object> filterMap(AuditTimeline.Filter f) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (f.actor() != null) m.put("actor", f.actor());
        if (f.action() != null) m.put("action", f.action());
        if (f.target() != null) m.put("target", f.target());
        if (f.resource() != null) m.put("resource", f.resource());
        if (f.outcome() != null) m.put("outcome", f.outcome().wireName());
        if (f.from() != null) m.put("from", f.from().toString());
        if (f.to() != null) m.put("to", f.to().toString());
        return m;
    }

    private static byte[] decode(String base64, String field) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new CloudwardenException(EvidenceErrorCode.INVALID_PROOF_REQUEST, field + " is not base64.");
        }
    }

    static EntryView view(StoredEntry e) {
        String canonical = new String(e.entry(), StandardCharsets.UTF_8);
        JsonNode parsed = JSON.readTree(canonical);
        return new EntryView(e.index(), e.occurredAt(), e.actor(), e.action(), e.outcome().wireName(), e.target(),
                parsed.hasNonNull("sourceIp") ? parsed.get("sourceIp").asString() : null,
                parsed.get("details"), B64.encodeToString(e.leafHash()), canonical,
                "/api/v1/audit/proofs/inclusion?index=" + e.index());
    }

    static CheckpointView view(StoredCheckpoint c) {
        return new CheckpointView(c.treeSize(), B64.encodeToString(c.rootHash()), c.note(), c.createdAt());
    }

    private static LogView view(LogInfo log, StoredCheckpoint latest) {
        return new LogView(log.origin(), log.hasher().standardName(), log.treeSize(), B64.encodeToString(log.rootHash()),
                log.onlineRetentionDays(), log.evidenceRetentionDays(), latest == null ? null : view(latest));
    }
}
