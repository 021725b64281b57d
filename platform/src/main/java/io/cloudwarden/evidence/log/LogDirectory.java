package io.cloudwarden.evidence.log;

import io.cloudwarden.evidence.EvidenceErrorCode;
import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.TenantId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The per-tenant log rows: origin, hash algorithm, size and root. The tenant must be bound. */
@Component
class LogDirectory {

    record LogRow(TenantId tenant, String origin, MerkleHasher hasher, long treeSize, byte[] rootHash,
                  Integer onlineRetentionDays, Integer evidenceRetentionDays) {
        LogInfo info() {
            return new LogInfo(origin, hasher, treeSize, rootHash, onlineRetentionDays, evidenceRetentionDays);
        }
    }

    private final JdbcClient jdbc;
    private final AuditProperties props;

    LogDirectory(JdbcClient jdbc, AuditProperties props) {
        this.jdbc = jdbc;
        this.props = props;
    }

    String origin(TenantId tenant) {
        return props.originPrefix() + "/" + tenant;
    }

    /** The log, created with the configured hash algorithm if it does not exist yet. */
    LogRow getOrCreate(TenantId tenant) {
        return find(tenant, false).orElseGet(() -> {
            create(tenant, MerkleHasher.forName(props.hashAlgorithm()));
            return find(tenant, false).orElseThrow();
        });
    }

    /** The log row, locked until the transaction ends (the caller must be in one). */
    LogRow lockForAppend(TenantId tenant) {
        return find(tenant, true).orElseGet(() -> {
            create(tenant, MerkleHasher.forName(props.hashAlgorithm()));
            return find(tenant, true).orElseThrow();
        });
    }

    /** Chooses the hash algorithm; only possible while the log has no entries. */
    LogRow setHashAlgorithm(TenantId tenant, MerkleHasher hasher) {
        LogRow log = lockForAppend(tenant);
        if (log.hasher() == hasher) {
            return log;
        }
        if (log.treeSize() > 0) {
            throw new CloudwardenException(EvidenceErrorCode.AUDIT_LOG_NOT_EMPTY,
                    "The log already has " + log.treeSize() + " entries hashed with " + log.hasher().standardName()
                            + "; the hash algorithm is fixed once the first entry is appended.");
        }
        jdbc.sql("update audit_logs set hash_algorithm = ?, root_hash = ? where tenant_id = ?")
                .params(hasher.standardName(), hasher.emptyRoot(), tenant.value()).update();
        return new LogRow(tenant, log.origin(), hasher, 0, hasher.emptyRoot(), log.onlineRetentionDays(),
                log.evidenceRetentionDays());
    }

    private void create(TenantId tenant, MerkleHasher hasher) {
        jdbc.sql("""
                insert into audit_logs (tenant_id, origin, hash_algorithm, root_hash) values (?, ?, ?, ?)
                on conflict (tenant_id) do nothing""")
                .params(tenant.value(), origin(tenant), hasher.standardName(), hasher.emptyRoot()).update();
    }

    private Optional<LogRow> find(TenantId tenant, boolean lock) {
        return jdbc.sql("select origin, hash_algorithm, tree_size, root_hash, online_retention_days, evidence_retention_days"
                        + " from audit_logs"
                        + " where tenant_id = ?" + (lock ? " for update" : ""))
                .param(tenant.value())
                .query((rs, n) -> new LogRow(tenant, rs.getString(1), MerkleHasher.forName(rs.getString(2)),
                        rs.getLong(3), rs.getBytes(4), (Integer) rs.getObject(5), (Integer) rs.getObject(6)))
                .optional();
    }
}
