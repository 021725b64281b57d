package io.cloudwarden.evidence.pack;

import io.cloudwarden.evidence.EvidenceErrorCode;
import io.cloudwarden.evidence.log.AuditLedger;
import io.cloudwarden.evidence.log.AuditRecord;
import io.cloudwarden.evidence.log.LogInfo;
import io.cloudwarden.evidence.log.StoredCheckpoint;
import io.cloudwarden.evidence.log.StoredEntry;
import io.cloudwarden.evidence.note.NoteVerifier;
import io.cloudwarden.evidence.note.SignedNote;
import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Board and auditor reports: for a period, the evidence per framework and control, the controls without
 * evidence, the audit log's size and a fresh signed checkpoint, and activity counts. The result is a zip of
 * {@code report.json}, {@code report.pdf}, {@code report.sig} (a signed note over
 * {@code cloudwarden evidence report\n<hex SHA-256 of report.json>\n}), {@code checkpoint.txt} and
 * {@code keys.txt}. Generating one is recorded as {@code evidence.report.generated}; reports are not stored.
 *
 * <p>Audit actions by outcome are counted by reading the log's entries of the period one by one (the ledger
 * has no aggregate query): the first entry of the period is found by binary search on entry time, then at
 * most {@code cloudwarden.evidence.report-scan-entries} entries are read; {@code complete} says whether that
 * covered the whole period. Entry times follow log order to within the ledger's commit delay, so entries at
 * the period's edges may be counted in the neighbouring period.
 */
@Service
public class EvidenceReports {

    /** The format name in report.json. */
    public static final String FORMAT = "cloudwarden-evidence-report/1";
    /** The first line of the text report.sig signs; the second is the hex SHA-256 of report.json. */
    public static final String SIGNED_HEADER = "cloudwarden evidence report";

    private final EvidenceRepository repo;
    private final AuditLedger ledger;
    private final ControlCatalogue catalogue;
    private final EvidenceProperties props;
    private final EvidencePacks packs;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final Clock clock = Clock.systemUTC();

    EvidenceReports(EvidenceRepository repo, AuditLedger ledger, ControlCatalogue catalogue, EvidenceProperties props,
                    EvidencePacks packs) {
        this.repo = repo;
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.props = props;
        this.packs = packs;
    }

    /** A generated report zip and the hex SHA-256 of its report.json. */
    public record GeneratedReport(byte[] zip, String sha256, Instant generatedAt) {
    }

    /** Action counts read from the audit log for a period. */
    record ActionCounts(Map<String, Map<String, Long>> counts, long scanned, boolean complete) {
    }

    @Transactional
    public GeneratedReport generate(ReportRequest request, Caller caller) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request == null) {
            problems.add(new FieldProblem("from", "is required"));
        } else {
            EvidencePacks.checkPeriod(request.from(), request.to(), problems);
        }
        if (!problems.isEmpty()) {
            throw CloudwardenException.invalid("the report request has invalid fields", problems);
        }
        TenantId tenant = TenantContext.require();
        Instant from = request.from().truncatedTo(ChronoUnit.MICROS);
        Instant to = request.to().truncatedTo(ChronoUnit.MICROS);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<EvidenceItem> items = repo.itemsInPeriod(tenant.value(), from, to);
        List<ControlCatalogue.Framework> frameworks = frameworks(request.frameworks(), items);

        List<Map<String, Object>> frameworkJson = new ArrayList<>();
        List<EvidencePdf.FrameworkCoverage> coverage = new ArrayList<>();
        for (ControlCatalogue.Framework f : frameworks) {
            List<Map<String, Object>> covered = new ArrayList<>();
            List<Map<String, Object>> uncovered = new ArrayList<>();
            List<EvidencePdf.ControlRow> coveredRows = new ArrayList<>();
            List<String[]> uncoveredRows = new ArrayList<>();
            Set<String> frameworkItems = new LinkedHashSet<>();
            for (ControlCatalogue.Control c : f.controls()) {
                List<EvidenceItem> withControl = items.stream().filter(i -> i.controls().contains(c.id())).toList();
                if (withControl.isEmpty()) {
                    uncovered.add(Map.of("control", c.id(), "title", c.title()));
                    uncoveredRows.add(new String[] {c.id(), c.title()});
                    continue;
                }
                withControl.forEach(i -> frameworkItems.add(i.id().toString()));
                covered.add(Map.of("control", c.id(), "title", c.title(),
                        "items", withControl.stream().map(i -> i.id().toString()).toList()));
                coveredRows.add(new EvidencePdf.ControlRow(c.id(), c.title(), withControl.stream()
                        .map(i -> new EvidencePdf.ItemRow(i.title(), i.kind(), i.collectedAt(), i.logIndex())).toList()));
            }
            Map<String, Object> fj = new LinkedHashMap<>();
            fj.put("framework", f.id());
            fj.put("name", f.name());
            fj.put("controls", f.controls().size());
            fj.put("controlsWithEvidence", covered.size());
            fj.put("items", frameworkItems.size());
            fj.put("coverage", covered);
            fj.put("withoutEvidence", uncovered);
            frameworkJson.add(fj);
            coverage.add(new EvidencePdf.FrameworkCoverage(f.id(), f.name(), f.controls().size(), coveredRows,
                    uncoveredRows, frameworkItems.size()));
        }

        LogInfo logInfo = ledger.log(tenant);
        StoredCheckpoint checkpoint = ledger.checkpointNow(tenant);
        List<String> keys = ledger.verifierKeys(tenant);
        Map<String, Long> recorded = repo.itemsRecordedByKind(tenant.value(), from, to);
        long packsGenerated = repo.packsGenerated(tenant.value(), from, to);
        ActionCounts actions = countActions(tenant, checkpoint.treeSize(), from, to);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("format", FORMAT);
        report.put("tenant", tenant.toString());
        report.put("period", Map.of("from", from.toString(), "to", to.toString()));
        report.put("generatedAt", now.toString());
        report.put("itemCount", items.size());
        report.put("frameworks", frameworkJson);
        Map<String, Object> auditLog = new LinkedHashMap<>();
        auditLog.put("origin", logInfo.origin());
        auditLog.put("hashAlgorithm", logInfo.hasher().standardName());
        auditLog.put("treeSize", checkpoint.treeSize());
        auditLog.put("rootHash", Base64.getEncoder().encodeToString(checkpoint.rootHash()));
        auditLog.put("checkpoint", checkpoint.note());
        report.put("auditLog", auditLog);
        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("evidenceItemsRecorded", recorded);
        activity.put("evidencePacksGenerated", packsGenerated);
        List<Map<String, Object>> actionRows = new ArrayList<>();
        actions.counts().forEach((action, outcomes) -> outcomes.forEach((outcome, n) ->
                actionRows.add(Map.of("action", action, "outcome", outcome, "count", n))));
        activity.put("auditActions", Map.of("complete", actions.complete(), "entriesRead", actions.scanned(),
                "counts", actionRows));
        report.put("activity", activity);

        byte[] reportJson = (json.writeValueAsString(report) + "\n").getBytes(StandardCharsets.UTF_8);
        String sha = EvidencePackWriter.hex(EvidencePackWriter.sha256(reportJson));
        String signedText = SIGNED_HEADER + "\n" + sha + "\n";
        String signature = ledger.signNote(tenant, signedText);
        try {
            SignedNote.verify(signature, keys.stream().map(NoteVerifier::parse).toList());
        } catch (IllegalArgumentException e) {
            throw new CloudwardenException(EvidenceErrorCode.EVIDENCE_INTEGRITY_FAILED,
                    "the report signature does not verify with the log's keys: " + e.getMessage());
        }

        List<String[]> activityRows = new ArrayList<>();
        recorded.forEach((kind, n) -> activityRows.add(new String[] {"Evidence items recorded: " + kind, Long.toString(n)}));
        activityRows.add(new String[] {"Evidence packs generated", Long.toString(packsGenerated)});
        actionRows.forEach(r -> activityRows.add(new String[] {"Audit: " + r.get("action") + " (" + r.get("outcome") + ")",
                r.get("count").toString()}));
        activityRows.add(new String[] {"Audit log entries read", actions.scanned() + (actions.complete() ? ""
                : " (limit cloudwarden.evidence.report-scan-entries reached: counts are partial)")});
        byte[] pdf = EvidencePdf.report(new EvidencePdf.ReportSummary(packs.tenantLabel(tenant), from, to, now,
                items.size(), coverage, activityRows, logInfo.origin(), checkpoint.treeSize(),
                Base64.getEncoder().encodeToString(checkpoint.rootHash()), logInfo.hasher().standardName(),
                checkpoint.note(), sha, signature));

        byte[] zip = zip(now, reportJson, pdf, signature, checkpoint.note(), keys);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("period", Map.of("from", from.toString(), "to", to.toString()));
        details.put("frameworks", frameworks.stream().map(ControlCatalogue.Framework::id).toList());
        details.put("itemCount", items.size());
        details.put("sha256", sha);
        ledger.append(new AuditRecord(tenant, now, caller.actor(), "evidence.report.generated",
                AuditableEvent.Outcome.SUCCESS, "evidence-report:" + sha, caller.sourceIp(), details));
        return new GeneratedReport(zip, sha, now);
    }

    private List<ControlCatalogue.Framework> frameworks(List<String> requested, List<EvidenceItem> items) {
        Set<ControlCatalogue.Framework> out = new LinkedHashSet<>();
        if (requested != null && !requested.isEmpty()) {
            for (int i = 0; i < requested.size(); i++) {
                out.addAll(catalogue.resolve("frameworks[" + i + "]", requested.get(i)));
            }
            return List.copyOf(out);
        }
        Set<String> used = new LinkedHashSet<>();
        items.forEach(i -> i.controls().forEach(c -> used.add(ControlCatalogue.frameworkOf(c))));
        catalogue.frameworks().stream().filter(f -> used.contains(f.id())).forEach(out::add);
        return List.copyOf(out);
    }

    /** Counts entries of [from, to) by action and outcome; see the class comment for the method and its limit. */
    ActionCounts countActions(TenantId tenant, long size, Instant from, Instant to) {
        long lo = 0;
        long hi = size;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            Optional<StoredEntry> e = ledger.entry(tenant, mid);
            if (e.isEmpty() || e.get().occurredAt().isBefore(from)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        long scanned = 0;
        long index = lo;
        boolean complete = true;
        while (index < size) {
            if (scanned >= props.reportScanEntries()) {
                complete = false;
                break;
            }
            Optional<StoredEntry> e = ledger.entry(tenant, index++);
            scanned++;
            if (e.isEmpty()) {
                continue;
            }
            if (!e.get().occurredAt().isBefore(to)) {
                break;
            }
            counts.computeIfAbsent(e.get().action(), a -> new TreeMap<>()).merge(e.get().outcome().wireName(), 1L, Long::sum);
        }
        return new ActionCounts(counts, scanned, complete);
    }

    private static byte[] zip(Instant time, byte[] reportJson, byte[] pdf, String signature,
                              String checkpoint, List<String> keys) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FileTime fileTime = FileTime.from(time);
        StringBuilder keyLines = new StringBuilder();
        keys.forEach(k -> keyLines.append(k).append('\n'));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("report.json", reportJson);
        entries.put("report.pdf", pdf);
        entries.put("report.sig", signature.getBytes(StandardCharsets.UTF_8));
        entries.put("checkpoint.txt", checkpoint.getBytes(StandardCharsets.UTF_8));
        entries.put("keys.txt", keyLines.toString().getBytes(StandardCharsets.UTF_8));
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setLastModifiedTime(fileTime);
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
