package io.cloudwarden.evidence.anchor;

import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** An {@link AnchorStore} in memory that, like the table's row-level security, sees only the bound tenant. */
final class InMemoryAnchorStore implements AnchorStore {

    final List<AnchorRecord> rows = new ArrayList<>();

    @Override
    public synchronized void record(AnchorRecord attempt) {
        if (!TenantContext.require().equals(attempt.tenant())) {
            throw new IllegalStateException("another tenant's row");
        }
        rows.add(attempt);
    }

    @Override
    public synchronized Optional<AnchorRecord> lastAnchored(String target, String origin) {
        TenantId tenant = TenantContext.require();
        return rows.stream()
                .filter(r -> r.tenant().equals(tenant) && r.target().equals(target) && r.origin().equals(origin)
                        && r.status() == AnchorRecord.Status.ANCHORED)
                .max(Comparator.comparingLong(AnchorRecord::treeSize));
    }

    synchronized List<AnchorRecord> rows() {
        return List.copyOf(rows);
    }
}
