package io.cloudwarden.evidence.anchor;

import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.testsupport.PlatformTest;
import io.cloudwarden.testsupport.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The anchor store on the real schema: round trip, latest anchored only, tenant isolation, append-only rows. */
@PlatformTest
class JdbcAnchorStoreTest {

    @Autowired
    AnchorStore store;

    @Autowired
    JdbcClient jdbc;

    @Value("${cloudwarden.db.url}")
    String dbUrl;

    static AnchorRecord attempt(TestLog log, long size, AnchorRecord.Status status, String cosignature) {
        LogCheckpoint cp = log.checkpointAt(size);
        return new AnchorRecord(log.tenant, log.origin, "witness:http://w.test", size, cp.rootHash(), cp.note(), cosignature,
                status == AnchorRecord.Status.ANCHORED ? "http://w.test/add-checkpoint" : null,
                Instant.now().truncatedTo(ChronoUnit.MICROS), status, status == AnchorRecord.Status.FAILED ? "HTTP 503" : null);
    }

    @Test
    void recordsAttemptsAndReturnsTheLargestAnchoredOneOfTheBoundTenantOnly() {
        TestLog log = new TestLog().append(9);
        AnchorRecord small = attempt(log, 4, AnchorRecord.Status.ANCHORED, "\u2014 w.test AAAA\n");
        AnchorRecord large = attempt(log, 7, AnchorRecord.Status.ANCHORED, null);
        AnchorRecord failed = attempt(log, 9, AnchorRecord.Status.FAILED, null);
        TenantContext.runAs(log.tenant, () -> {
            store.record(large);
            store.record(small);
            store.record(failed);
        });

        Optional<AnchorRecord> last = TenantContext.callAs(log.tenant, () -> store.lastAnchored("witness:http://w.test", log.origin));
        assertThat(last).hasValueSatisfying(r -> {
            assertThat(r.treeSize()).isEqualTo(7);
            assertThat(r.rootHash()).isEqualTo(large.rootHash());
            assertThat(r.note()).isEqualTo(large.note());
            assertThat(r.anchoredAt()).isEqualTo(large.anchoredAt());
            assertThat(r.status()).isEqualTo(AnchorRecord.Status.ANCHORED);
            assertThat(r.tenant()).isEqualTo(log.tenant);
        });
        assertThat(TenantContext.callAs(log.tenant, () -> store.lastAnchored("directory:/elsewhere", log.origin))).isEmpty();
        assertThat(TenantContext.callAs(TenantId.random(), () -> store.lastAnchored("witness:http://w.test", log.origin))).isEmpty();
        assertThat(TestDatabase.owner(dbUrl).queryForObject(
                "select count(*) from audit_anchors where tenant_id = ?", Long.class, log.tenant.value())).isEqualTo(3);
    }

    @Test
    void theApplicationCannotRecordForAnotherTenantNorChangeRecordedRows() {
        TestLog log = new TestLog().append(2);
        TenantId other = TenantId.random();
        assertThatThrownBy(() -> TenantContext.runAs(other, () -> store.record(attempt(log, 2, AnchorRecord.Status.ANCHORED, null))))
                .isInstanceOf(IllegalStateException.class);
        TenantContext.runAs(log.tenant, () -> store.record(attempt(log, 2, AnchorRecord.Status.ANCHORED, null)));
        assertThatThrownBy(() -> TenantContext.runAs(log.tenant,
                () -> jdbc.sql("delete from audit_anchors where origin = ?").param(log.origin).update()))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> TenantContext.runAs(log.tenant,
                () -> jdbc.sql("update audit_anchors set tree_size = 99 where origin = ?").param(log.origin).update()))
                .rootCause().hasMessageContaining("permission denied");
    }
}
