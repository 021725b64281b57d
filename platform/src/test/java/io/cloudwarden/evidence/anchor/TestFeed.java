package io.cloudwarden.evidence.anchor;

import io.cloudwarden.evidence.note.NoteVerifier;
import io.cloudwarden.shared.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link CheckpointFeed} over in-memory {@link TestLog}s, replaceable to simulate a rollback or rewrite. */
final class TestFeed implements CheckpointFeed {

    private final Map<TenantId, TestLog> logs = new LinkedHashMap<>();

    TestFeed put(TestLog log) {
        logs.put(log.tenant, log);
        return this;
    }

    @Override
    public List<LogCheckpoint> latestCheckpoints() {
        List<LogCheckpoint> out = new ArrayList<>();
        logs.values().stream().filter(l -> l.size() > 0).forEach(l -> out.add(l.checkpoint()));
        return out;
    }

    @Override
    public String origin(TenantId tenant) {
        return logs.get(tenant).origin;
    }

    @Override
    public List<byte[]> consistencyProof(TenantId tenant, long oldSize, long newSize) {
        return logs.get(tenant).tree().consistencyProof(oldSize, newSize);
    }

    @Override
    public Optional<byte[]> rootAt(TenantId tenant, long size) {
        TestLog log = logs.get(tenant);
        return size > log.size() ? Optional.empty() : Optional.of(log.tree().rootHash(size));
    }

    @Override
    public List<NoteVerifier> verifiers(TenantId tenant) {
        return List.of(logs.get(tenant).signer.verifier());
    }
}
