package io.cloudwarden.evidence.pack;

import io.cloudwarden.evidence.log.AppendReceipt;
import io.cloudwarden.evidence.log.AuditLedger;
import io.cloudwarden.evidence.log.AuditRecord;
import io.cloudwarden.evidence.log.InclusionProof;
import io.cloudwarden.evidence.log.LogInfo;
import io.cloudwarden.evidence.log.StoredCheckpoint;
import io.cloudwarden.evidence.log.StoredEntry;
import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.merkle.MerkleTree;
import io.cloudwarden.evidence.note.Checkpoint;
import io.cloudwarden.evidence.note.NoteSigner;
import io.cloudwarden.evidence.note.SignedNote;
import io.cloudwarden.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * TEST ONLY: an in-memory {@link AuditLedger} built on the reference {@link MerkleTree} and a
 * {@link NoteSigner}, which gives {@link EvidencePackWriterTest} real proofs and signatures without a
 * database. Entries are the sorted-key JSON of formats.md's members (the JCS form for the ASCII keys and
 * simple values the tests use). The API tests run against the real ledger.
 */
public final class InMemoryLedgerForPackTests implements AuditLedger {

    /** The origin prefix of every test log. */
    public static final String ORIGIN_PREFIX = "cloudwarden.test/evidence";

    private static final DateTimeFormatter RFC3339_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private final MerkleHasher hasher = MerkleHasher.SHA_256;
    private final NoteSigner key = NoteSigner.generate("cloudwarden.test");
    private final Map<TenantId, List<StoredEntry>> logs = new HashMap<>();
    private final Map<TenantId, List<StoredCheckpoint>> checkpoints = new HashMap<>();

    /** The origin of a tenant's test log. */
    public static String origin(TenantId tenant) {
        return ORIGIN_PREFIX + "/" + tenant;
    }

    @Override
    public AppendReceipt appendInTransaction(AuditRecord record) {
        return append(record);
    }

    @Override
    public synchronized AppendReceipt append(AuditRecord record) {
        List<StoredEntry> log = log0(record.tenant());
        long index = log.size();
        Map<String, Object> entry = new TreeMap<>();
        entry.put("index", index);
        entry.put("timestamp", RFC3339_MILLIS.format(record.occurredAt()));
        entry.put("tenant", record.tenant().toString());
        entry.put("actor", record.actor());
        entry.put("action", record.action());
        entry.put("outcome", record.outcome().wireName());
        if (record.target() != null) {
            entry.put("target", record.target());
        }
        if (record.sourceIp() != null) {
            entry.put("sourceIp", record.sourceIp());
        }
        if (!record.details().isEmpty()) {
            entry.put("details", record.details());
        }
        byte[] bytes = json.writeValueAsString(entry).getBytes(StandardCharsets.UTF_8);
        byte[] leaf = hasher.leafHash(bytes);
        log.add(new StoredEntry(index, record.occurredAt(), record.actor(), record.action(), record.outcome(),
                record.target(), bytes, leaf));
        return new AppendReceipt(record.tenant(), index, bytes, leaf);
    }

    @Override
    public synchronized LogInfo log(TenantId tenant) {
        List<StoredEntry> log = log0(tenant);
        return new LogInfo(origin(tenant), hasher, log.size(), tree(log).rootHash(log.size()), null, null);
    }

    @Override
    public synchronized Optional<StoredEntry> entry(TenantId tenant, long index) {
        List<StoredEntry> log = log0(tenant);
        return index < 0 || index >= log.size() ? Optional.empty() : Optional.of(log.get((int) index));
    }

    @Override
    public synchronized InclusionProof inclusionProof(TenantId tenant, long index, long treeSize) {
        List<StoredEntry> log = log0(tenant);
        MerkleTree tree = tree(log);
        StoredEntry e = log.get((int) index);
        return new InclusionProof(index, treeSize, e.entry(), e.leafHash(), tree.inclusionProof(index, treeSize),
                tree.rootHash(treeSize));
    }

    @Override
    public synchronized List<byte[]> consistencyProof(TenantId tenant, long firstSize, long secondSize) {
        return tree(log0(tenant)).consistencyProof(firstSize, secondSize);
    }

    @Override
    public synchronized byte[] rootHash(TenantId tenant, long treeSize) {
        return tree(log0(tenant)).rootHash(treeSize);
    }

    @Override
    public synchronized Optional<StoredCheckpoint> latestCheckpoint(TenantId tenant) {
        List<StoredCheckpoint> list = checkpoints.getOrDefault(tenant, List.of());
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    @Override
    public synchronized StoredCheckpoint checkpointNow(TenantId tenant) {
        long size = log0(tenant).size();
        Optional<StoredCheckpoint> latest = latestCheckpoint(tenant);
        if (latest.isPresent() && latest.get().treeSize() == size) {
            return latest.get();
        }
        byte[] root = rootHash(tenant, size);
        String note = SignedNote.sign(new Checkpoint(origin(tenant), size, root).text(), key.withName(origin(tenant)));
        StoredCheckpoint cp = new StoredCheckpoint(size, root, note, Instant.now());
        checkpoints.computeIfAbsent(tenant, t -> new ArrayList<>()).add(cp);
        return cp;
    }

    @Override
    public List<String> verifierKeys(TenantId tenant) {
        return List.of(key.withName(origin(tenant)).verifier().encoded());
    }

    @Override
    public String signNote(TenantId tenant, String text) {
        return SignedNote.sign(text, key.withName(origin(tenant)));
    }

    /** Every entry of a tenant's log, for assertions. */
    public synchronized List<StoredEntry> entries(TenantId tenant) {
        return List.copyOf(log0(tenant));
    }

    private List<StoredEntry> log0(TenantId tenant) {
        return logs.computeIfAbsent(tenant, t -> new ArrayList<>());
    }

    private MerkleTree tree(List<StoredEntry> log) {
        List<StoredEntry> snapshot = List.copyOf(log);
        return new MerkleTree(hasher, i -> snapshot.get((int) i).leafHash());
    }
}
