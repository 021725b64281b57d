package io.cloudwarden.inventory.internal;

import io.cloudwarden.connector.spi.ResourceSink;
import io.cloudwarden.inventory.IngestionReference;
import io.cloudwarden.inventory.IngestionRequest;
import io.cloudwarden.inventory.persistence.SnapshotMerge;
import io.cloudwarden.inventory.persistence.SnapshotStager;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Stages a snapshot the way ingestion does, then rolls the transaction back. */
@Service
class StagingOnlyReference implements IngestionReference {

    private final SnapshotMerge merge;
    private final TransactionTemplate tx;

    StagingOnlyReference(SnapshotMerge merge, PlatformTransactionManager transactions) {
        this.merge = merge;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public long copyOnly(IngestionRequest request, Consumer<ResourceSink> collector) {
        Long rows = tx.execute(status -> {
            status.setRollbackOnly();
            merge.prepare(request.accountId());
            SnapshotStager stager = merge.openStager(request.provider(), request.progress());
            collector.accept(stager);
            merge.completeStaging(stager);
            return stager.rows();
        });
        return rows == null ? 0 : rows;
    }
}
