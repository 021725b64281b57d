package io.cloudwarden.evidence.pack;

import io.cloudwarden.evidence.EvidenceErrorCode;
import io.cloudwarden.evidence.log.AppendReceipt;
import io.cloudwarden.evidence.log.AuditLedger;
import io.cloudwarden.evidence.log.AuditRecord;
import io.cloudwarden.evidence.log.InclusionProof;
import io.cloudwarden.evidence.log.LogInfo;
import io.cloudwarden.evidence.log.StoredCheckpoint;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.CursorPage;
import io.cloudwarden.shared.Cursors;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates evidence packs (docs/evidence/formats.md, "Evidence pack") for the tenant bound in
 * {@code TenantContext}, keeps each generated zip, and lists and returns them. A pack's proofs lead to the
 * newest checkpoint when it covers every item, otherwise to a checkpoint signed for the occasion. Generating
 * is recorded as {@code evidence.pack.generated} in the same transaction as the pack row.
 */
@Service
public class EvidencePacks {

    static final int MAX_LIMIT = 500;
    private static final Logger log = LoggerFactory.getLogger(EvidencePacks.class);
    private static final String SORT = "evidence-packs:created";

    private final EvidenceRepository repo;
    private final AuditLedger ledger;
    private final ControlCatalogue catalogue;
    private final EvidencePackWriter writer;
    private final EvidenceProperties props;
    private final IdentityManagement identity;
    private final Clock clock = Clock.systemUTC();

    EvidencePacks(EvidenceRepository repo, AuditLedger ledger, ControlCatalogue catalogue, EvidencePackWriter writer,
                  EvidenceProperties props, IdentityManagement identity) {
        this.repo = repo;
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.writer = writer;
        this.props = props;
        this.identity = identity;
    }

    /** A generated pack: its record and the zip. */
    public record GeneratedPack(EvidencePack pack, byte[] zip) {
    }

    /** Builds, signs, records and stores a pack of the framework's evidence collected in the period. */
    @Transactional
    public GeneratedPack generate(PackRequest request, Caller caller) {
        if (request == null) {
            throw CloudwardenException.invalid("the request body is missing", List.of(new FieldProblem("framework", "is required")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (request.framework() == null || request.framework().isBlank()) {
            problems.add(new FieldProblem("framework", "is required, e.g. SOC2 or CIS-AWS-5.0"));
        }
        checkPeriod(request.from(), request.to(), problems);
        if (!problems.isEmpty()) {
            throw CloudwardenException.invalid("the pack request has invalid fields", problems);
        }
        List<ControlCatalogue.Framework> frameworks = catalogue.resolve("framework", request.framework());
        List<ControlCatalogue.Control> scope = scope(frameworks, request.controls());
        Instant from = request.from().truncatedTo(ChronoUnit.MICROS);
        Instant to = request.to().truncatedTo(ChronoUnit.MICROS);
        TenantId tenant = TenantContext.require();

        List<EvidenceItem> items = repo.itemsForControls(tenant.value(),
                scope.stream().map(ControlCatalogue.Control::id).toList(), from, to, props.maxPackItems() + 1);
        if (items.isEmpty()) {
            throw new CloudwardenException(EvidenceErrorCode.NO_EVIDENCE_IN_PERIOD, "no evidence item of "
                    + frameworkLabel(frameworks, request.framework()) + " (or of the chosen controls) was collected between "
                    + from + " and " + to);
        }
        if (items.size() > props.maxPackItems()) {
            throw new CloudwardenException(EvidenceErrorCode.EVIDENCE_PACK_TOO_LARGE, "the pack would hold more than "
                    + props.maxPackItems() + " items (cloudwarden.evidence.max-pack-items); choose a shorter period or fewer controls");
        }
        long bytes = items.stream().filter(i -> i.file() != null).mapToLong(i -> i.file().size()).sum();
        if (bytes > props.maxPackSize().toBytes()) {
            throw new CloudwardenException(EvidenceErrorCode.EVIDENCE_PACK_TOO_LARGE, "the pack's files total " + bytes
                    + " bytes, more than cloudwarden.evidence.max-pack-size; choose a shorter period or fewer controls");
        }
        Map<UUID, byte[]> files = new HashMap<>();
        for (EvidenceItem item : items) {
            if (item.file() != null) {
                files.put(item.id(), repo.itemContent(tenant.value(), item.id()).orElseThrow(() ->
                        integrity("the file of evidence item " + item.id() + " is missing")));
            }
        }

        LogInfo logInfo = ledger.log(tenant);
        long needed = items.stream().mapToLong(EvidenceItem::logIndex).max().orElse(0) + 1;
        StoredCheckpoint checkpoint = ledger.latestCheckpoint(tenant).filter(c -> c.treeSize() >= needed)
                .orElseGet(() -> ledger.checkpointNow(tenant));
        if (checkpoint.treeSize() < needed) {
            throw integrity("the newest checkpoint (size " + checkpoint.treeSize() + ") does not cover log index " + (needed - 1));
        }
        Map<Long, InclusionProof> proofs = new HashMap<>();
        for (EvidenceItem item : items) {
            proofs.put(item.logIndex(), ledger.inclusionProof(tenant, item.logIndex(), checkpoint.treeSize()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String framework = frameworkLabel(frameworks, request.framework());
        EvidencePackWriter.Output out;
        try {
            out = writer.write(new EvidencePackWriter.Input(tenant.toString(), tenantName(tenant), framework,
                    frameworkName(frameworks), scope, from, to, now, logInfo.origin(), logInfo.hasher(), checkpoint.note(),
                    ledger.verifierKeys(tenant), items, files, proofs), text -> ledger.signNote(tenant, text));
        } catch (EvidenceIntegrityException e) {
            throw integrity(e.getMessage());
        }

        UUID id = UUID.randomUUID();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("framework", framework);
        details.put("period", Map.of("from", from.toString(), "to", to.toString()));
        details.put("itemCount", items.size());
        details.put("sha256", out.indexSha256());
        details.put("zipSha256", out.zipSha256());
        details.put("treeSize", out.treeSize());
        AppendReceipt receipt = ledger.appendInTransaction(new AuditRecord(tenant, now, caller.actor(), "evidence.pack.generated",
                AuditableEvent.Outcome.SUCCESS, "evidence-pack:" + id, caller.sourceIp(), details));
        EvidencePack pack = new EvidencePack(id, framework, scope.stream().map(ControlCatalogue.Control::id).toList(),
                from, to, items.size(), out.treeSize(), out.indexSha256(), out.zipSha256(), out.zip().length,
                receipt.index(), caller.actor(), now);
        repo.insertPack(tenant.value(), pack, out.zip());
        return new GeneratedPack(pack, out.zip());
    }

    public EvidencePack get(UUID id) {
        return repo.findPack(TenantContext.require().value(), id).orElseThrow(() -> notFound(id));
    }

    /** The stored zip, byte for byte as it was generated. */
    public GeneratedPack download(UUID id) {
        EvidencePack pack = get(id);
        byte[] zip = repo.packContent(TenantContext.require().value(), id).orElseThrow(() -> notFound(id));
        return new GeneratedPack(pack, zip);
    }

    /** Generated packs, newest first. */
    public CursorPage<EvidencePack> list(String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new CloudwardenException(CommonErrorCode.INVALID_FILTER, "limit must be between 1 and " + MAX_LIMIT,
                    List.of(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        Instant before = null;
        UUID beforeId = null;
        if (cursor != null && !cursor.isBlank()) {
            List<String> pos = Cursors.decode(cursor, SORT, 2);
            try {
                before = Instant.parse(pos.get(0));
                beforeId = UUID.fromString(pos.get(1));
            } catch (RuntimeException e) {
                throw new CloudwardenException(CommonErrorCode.INVALID_CURSOR, "the cursor is not valid");
            }
        }
        List<EvidencePack> rows = repo.listPacks(TenantContext.require().value(), before, beforeId, limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            EvidencePack last = rows.get(limit - 1);
            next = Cursors.encode(SORT, List.of(last.createdAt().toString(), last.id().toString()));
        }
        return new CursorPage<>(rows, next);
    }

    /** The controls a pack covers: the requested subset (which must belong to the frameworks) or all of them. */
    private List<ControlCatalogue.Control> scope(List<ControlCatalogue.Framework> frameworks, List<String> requested) {
        List<ControlCatalogue.Control> all = frameworks.stream().flatMap(f -> f.controls().stream()).toList();
        if (requested == null || requested.isEmpty()) {
            return all;
        }
        List<String> canonical = catalogue.canonical("controls", requested);
        Set<String> ids = frameworks.stream().map(ControlCatalogue.Framework::id).collect(Collectors.toSet());
        List<FieldProblem> outside = new ArrayList<>();
        for (int i = 0; i < canonical.size(); i++) {
            if (!ids.contains(ControlCatalogue.frameworkOf(canonical.get(i)))) {
                outside.add(new FieldProblem("controls", "'" + canonical.get(i) + "' is not a control of "
                        + String.join(", ", ids.stream().sorted().toList())));
            }
        }
        if (!outside.isEmpty()) {
            throw new CloudwardenException(EvidenceErrorCode.UNKNOWN_CONTROL,
                    "the chosen controls must belong to the pack's framework", outside);
        }
        return canonical.stream().map(c -> catalogue.control(c).orElseThrow()).toList();
    }

    static void checkPeriod(Instant from, Instant to, List<FieldProblem> problems) {
        if (from == null) {
            problems.add(new FieldProblem("from", "is required (RFC 3339, e.g. 2026-01-01T00:00:00Z)"));
        }
        if (to == null) {
            problems.add(new FieldProblem("to", "is required (RFC 3339, exclusive)"));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(new FieldProblem("to", "must be after from"));
        }
    }

    static String frameworkLabel(List<ControlCatalogue.Framework> frameworks, String requested) {
        return frameworks.size() == 1 ? frameworks.get(0).id() : requested.trim().toUpperCase(Locale.ROOT);
    }

    static String frameworkName(List<ControlCatalogue.Framework> frameworks) {
        return frameworks.stream().map(ControlCatalogue.Framework::name).collect(Collectors.joining("; "));
    }

    /** The tenant's name, or null when it cannot be read. */
    String tenantName(TenantId tenant) {
        return identity.findTenant(tenant).map(io.cloudwarden.identity.Tenant::name).orElse(null);
    }

    /** The tenant as shown in PDFs: its name and id. */
    String tenantLabel(TenantId tenant) {
        String name = tenantName(tenant);
        return name == null ? tenant.toString() : name + " (" + tenant + ")";
    }

    private static CloudwardenException integrity(String message) {
        log.error("Evidence integrity check failed: {}", message);
        return new CloudwardenException(EvidenceErrorCode.EVIDENCE_INTEGRITY_FAILED, message
                + "; no pack was produced; check the audit log with ./cloudwarden verify-log");
    }

    private static CloudwardenException notFound(UUID id) {
        return new CloudwardenException(EvidenceErrorCode.EVIDENCE_PACK_NOT_FOUND, "evidence pack " + id + " was not found");
    }
}
