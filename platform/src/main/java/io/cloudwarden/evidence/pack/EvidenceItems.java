package io.cloudwarden.evidence.pack;

import io.cloudwarden.evidence.EvidenceErrorCode;
import io.cloudwarden.evidence.log.AppendReceipt;
import io.cloudwarden.evidence.log.AuditLedger;
import io.cloudwarden.evidence.log.AuditRecord;
import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.CursorPage;
import io.cloudwarden.shared.Cursors;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.TenantContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and reads evidence items of the tenant bound in {@code TenantContext}. Recording appends an
 * {@code evidence.item.recorded} entry to the audit log in the same transaction as the row, and keeps the
 * entry's index on the row: either both commit or neither does.
 */
@Service
public class EvidenceItems {

    static final int MAX_LIMIT = 500;
    private static final Duration FUTURE_SKEW = Duration.ofMinutes(5);
    private static final String SORT = "evidence:collected";

    private final EvidenceRepository repo;
    private final AuditLedger ledger;
    private final ControlCatalogue catalogue;
    private final EvidenceProperties props;
    private final Clock clock = Clock.systemUTC();

    EvidenceItems(EvidenceRepository repo, AuditLedger ledger, ControlCatalogue catalogue, EvidenceProperties props) {
        this.repo = repo;
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.props = props;
    }

    /** An uploaded file: its name as the client gave it, its declared media type and its bytes. */
    public record Upload(String fileName, String mediaType, byte[] content) {
    }

    /** Records an item without a file. */
    @Transactional
    public EvidenceItem record(EvidenceItemCommand command, Caller caller) {
        return record(command, null, caller);
    }

    /** Records an item with a file ({@code upload} may be null for none). */
    @Transactional
    public EvidenceItem record(EvidenceItemCommand command, Upload upload, Caller caller) {
        if (command == null) {
            throw CloudwardenException.invalid("the item is missing", List.of(new FieldProblem("metadata", "is required")));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<FieldProblem> problems = new ArrayList<>();
        EvidenceKind kind = command.kind() == null ? null : EvidenceKind.fromWire(command.kind()).orElse(null);
        if (kind == null) {
            problems.add(new FieldProblem("kind", "must be one of " + String.join(", ", EvidenceKind.wireNames())));
        }
        String title = command.title() == null ? "" : command.title().trim();
        if (title.isEmpty() || title.length() > 300) {
            problems.add(new FieldProblem("title", "must be 1 to 300 characters"));
        }
        String description = command.description() == null || command.description().isBlank() ? null : command.description().trim();
        if (description != null && description.length() > 10_000) {
            problems.add(new FieldProblem("description", "must be at most 10000 characters"));
        }
        List<String> rawControls = command.controls() == null ? List.of() : command.controls();
        if (rawControls.isEmpty() || rawControls.size() > 100) {
            problems.add(new FieldProblem("controls", "must name 1 to 100 controls, e.g. SOC2:CC6.1"));
        }
        Instant collectedAt = command.collectedAt() == null ? now : command.collectedAt().truncatedTo(ChronoUnit.MICROS);
        if (collectedAt.isAfter(now.plus(FUTURE_SKEW))) {
            problems.add(new FieldProblem("collectedAt", "must not be in the future"));
        }
        Instant periodStart = micros(command.periodStart());
        Instant periodEnd = micros(command.periodEnd());
        if (periodStart != null && periodEnd != null && !periodStart.isBefore(periodEnd)) {
            problems.add(new FieldProblem("periodEnd", "must be after periodStart"));
        }
        EvidenceItem.FileInfo file = null;
        if (upload != null) {
            file = fileInfo(upload, problems);
        }
        if (!problems.isEmpty()) {
            throw CloudwardenException.invalid("the evidence item has invalid fields", problems);
        }
        List<String> controls = catalogue.canonical("controls", rawControls);

        UUID id = UUID.randomUUID();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", kind.wireName());
        details.put("title", title);
        details.put("controls", controls);
        if (file != null) {
            details.put("fileName", file.name());
            details.put("size", file.size());
            details.put("sha256", file.sha256());
        }
        AppendReceipt receipt = ledger.appendInTransaction(new AuditRecord(TenantContext.require(), now, caller.actor(),
                "evidence.item.recorded", AuditableEvent.Outcome.SUCCESS, "evidence:" + id, caller.sourceIp(), details));
        EvidenceItem item = new EvidenceItem(id, kind.wireName(), title, description, controls, collectedAt, periodStart,
                periodEnd, receipt.index(), file, caller.actor(), now);
        repo.insertItem(tenant(), item, upload == null ? null : upload.content());
        return item;
    }

    public EvidenceItem get(UUID id) {
        return repo.findItem(tenant(), id).orElseThrow(() -> notFound(id));
    }

    /** The item with its file content. */
    public StoredFile file(UUID id) {
        EvidenceItem item = get(id);
        if (item.file() == null) {
            throw new CloudwardenException(EvidenceErrorCode.EVIDENCE_FILE_NOT_FOUND,
                    "evidence item " + id + " was recorded without a file");
        }
        byte[] content = repo.itemContent(tenant(), id).orElseThrow(() -> notFound(id));
        return new StoredFile(item, content);
    }

    /** An item and its file's bytes. */
    public record StoredFile(EvidenceItem item, byte[] content) {
    }

    /**
     * Items newest first ({@code collectedAt}), filtered.
     *
     * @param kind      a kind's wire name, or null
     * @param control   a control id, or null
     * @param framework a framework id or family, or null
     * @param from      collected at or after, or null
     * @param to        collected before, or null
     */
    public CursorPage<EvidenceItem> list(String kind, String control, String framework, Instant from, Instant to,
                                         String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new CloudwardenException(CommonErrorCode.INVALID_FILTER, "limit must be between 1 and " + MAX_LIMIT,
                    List.of(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        if (kind != null && EvidenceKind.fromWire(kind).isEmpty()) {
            throw new CloudwardenException(CommonErrorCode.INVALID_FILTER, "unknown kind '" + kind + "'",
                    List.of(new FieldProblem("kind", "must be one of " + String.join(", ", EvidenceKind.wireNames()))));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new CloudwardenException(CommonErrorCode.INVALID_FILTER, "'from' must be before 'to'",
                    List.of(new FieldProblem("to", "must be after from")));
        }
        String canonicalControl = control == null ? null : catalogue.canonical("control", List.of(control)).get(0);
        List<String> frameworks = framework == null ? null
                : catalogue.resolve("framework", framework).stream().map(ControlCatalogue.Framework::id).toList();
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
        List<EvidenceItem> rows = repo.listItems(tenant(), kind, canonicalControl, frameworks, from, to, before, beforeId,
                limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            EvidenceItem last = rows.get(limit - 1);
            next = Cursors.encode(SORT, List.of(last.collectedAt().toString(), last.id().toString()));
        }
        return new CursorPage<>(rows, next);
    }

    private EvidenceItem.FileInfo fileInfo(Upload upload, List<FieldProblem> problems) {
        if (upload.content() == null || upload.content().length == 0) {
            problems.add(new FieldProblem("file", "is empty"));
            return null;
        }
        long limit = props.maxUploadSize().toBytes();
        if (upload.content().length > limit) {
            throw tooLarge(limit);
        }
        String name = safeFileName(upload.fileName());
        String mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE;
        if (upload.mediaType() != null && !upload.mediaType().isBlank()) {
            try {
                mediaType = MediaType.parseMediaType(upload.mediaType()).toString();
            } catch (InvalidMediaTypeException e) {
                problems.add(new FieldProblem("file", "has an invalid media type"));
            }
            if (mediaType.length() > 255) {
                problems.add(new FieldProblem("file", "has a media type longer than 255 characters"));
            }
        }
        return new EvidenceItem.FileInfo(name, mediaType, upload.content().length, sha256Hex(upload.content()));
    }

    /** The error for an upload above the configured limit. */
    static CloudwardenException tooLarge(long limit) {
        return new CloudwardenException(EvidenceErrorCode.EVIDENCE_FILE_TOO_LARGE, "the file is larger than the "
                + (limit / (1024 * 1024) > 0 ? limit / (1024 * 1024) + " MB" : limit + " bytes")
                + " limit (cloudwarden.evidence.max-upload-size)", List.of(new FieldProblem("file", "is too large")));
    }

    /**
     * The last path segment of a client file name, without control characters, at most 255 characters; a
     * file name is shown to auditors and used inside packs, so it must never carry a path.
     */
    static String safeFileName(String raw) {
        String name = raw == null ? "" : raw;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder out = new StringBuilder();
        name.codePoints().filter(cp -> !Character.isISOControl(cp) && cp != '"' && cp != ':' && cp != '*'
                && cp != '?' && cp != '<' && cp != '>' && cp != '|').forEach(out::appendCodePoint);
        String clean = out.toString().trim();
        while (clean.startsWith(".")) {
            clean = clean.substring(1);
        }
        if (clean.isEmpty()) {
            clean = "evidence.bin";
        }
        return clean.length() > 255 ? clean.substring(clean.length() - 255) : clean;
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant micros(Instant i) {
        return i == null ? null : i.truncatedTo(ChronoUnit.MICROS);
    }

    private static CloudwardenException notFound(UUID id) {
        return new CloudwardenException(EvidenceErrorCode.EVIDENCE_ITEM_NOT_FOUND, "evidence item " + id + " was not found");
    }

    private static UUID tenant() {
        return TenantContext.require().value();
    }
}
