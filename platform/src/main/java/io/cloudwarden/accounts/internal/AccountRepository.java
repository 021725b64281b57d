package io.cloudwarden.accounts.internal;

import io.cloudwarden.accounts.SyncRun;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL for accounts and sync runs. Every statement also filters by tenant explicitly; row-level security is
 * the backstop, not the mechanism.
 */
@Repository
class AccountRepository {

    private static final String COLUMNS = """
            id, tenant_id, name, connector, provider, config::text, secrets, enabled, sync_interval_seconds,
            next_sync_at, sync_sequence, consecutive_failures, lease_until, created_at, updated_at""";
    private static final String RUN_COLUMNS = """
            id, account_id, sequence, trigger, attempt, status, started_at, finished_at, duration_ms, resources,
            created, modified, deleted, unchanged, error_code, error_message""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AccountRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(AccountRow a) {
        jdbc.sql("""
                        insert into cloud_accounts (id, tenant_id, name, connector, provider, config, secrets, enabled,
                            sync_interval_seconds, next_sync_at)
                        values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, now())""")
                .params(a.id(), a.tenantId(), a.name(), a.connector(), a.provider(), json.writeValueAsString(a.config()),
                        a.secrets(), a.enabled(), a.syncIntervalSeconds())
                .update();
    }

    void update(AccountRow a) {
        jdbc.sql("""
                        update cloud_accounts set name = ?, config = ?::jsonb, secrets = ?, enabled = ?,
                            sync_interval_seconds = ?, updated_at = now(),
                            next_sync_at = case when ? and not enabled then now() else next_sync_at end
                        where tenant_id = ? and id = ?""")
                .params(a.name(), json.writeValueAsString(a.config()), a.secrets(), a.enabled(), a.syncIntervalSeconds(),
                        a.enabled(), a.tenantId(), a.id())
                .update();
    }

    Optional<AccountRow> find(UUID tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from cloud_accounts where tenant_id = ? and id = ?")
                .params(tenant, id).query(this::account).optional();
    }

    /** Accounts ordered by name then id, after the given position, with optional filters. */
    List<AccountRow> list(UUID tenant, String provider, String connector, Boolean enabled, String afterName, UUID afterId, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from cloud_accounts
                        where tenant_id = :tenant
                          and (cast(:provider as text) is null or provider = :provider)
                          and (cast(:connector as text) is null or connector = :connector)
                          and (cast(:enabled as boolean) is null or enabled = :enabled)
                          and (cast(:afterName as text) is null or (name, id) > (:afterName, :afterId))
                        order by name, id limit :limit""")
                .param("tenant", tenant).param("provider", provider).param("connector", connector)
                .param("enabled", enabled).param("afterName", afterName).param("afterId", afterId).param("limit", limit)
                .query(this::account).list();
    }

    boolean nameTaken(UUID tenant, String name, UUID except) {
        return jdbc.sql("select count(*) from cloud_accounts where tenant_id = ? and name = ? and id <> ?")
                .params(tenant, name, except).query(Long.class).single() > 0;
    }

    void delete(UUID tenant, UUID id) {
        jdbc.sql("delete from cloud_accounts where tenant_id = ? and id = ?").params(tenant, id).update();
    }

    /** Asks for a sync as soon as possible; one already running is followed by another. */
    void requestSync(UUID tenant, UUID id) {
        jdbc.sql("update cloud_accounts set next_sync_at = now(), sync_requested = true where tenant_id = ? and id = ?")
                .params(tenant, id).update();
    }

    Optional<SyncRun> lastRun(UUID tenant, UUID accountId) {
        return jdbc.sql("select " + RUN_COLUMNS + " from sync_runs where tenant_id = ? and account_id = ? order by started_at desc limit 1")
                .params(tenant, accountId).query(AccountRepository::run).optional();
    }

    /** The latest run of each of {@code accountIds}, in one query. */
    Map<UUID, SyncRun> lastRuns(UUID tenant, List<UUID> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, SyncRun> byAccount = new java.util.HashMap<>();
        jdbc.sql("select distinct on (account_id) " + RUN_COLUMNS + """
                         from sync_runs where tenant_id = ? and account_id = any(?)
                        order by account_id, started_at desc""")
                .params(tenant, accountIds.toArray(UUID[]::new))
                .query(AccountRepository::run).list().forEach(r -> byAccount.put(r.accountId(), r));
        return byAccount;
    }

    List<SyncRun> runs(UUID tenant, UUID accountId, String status, Instant beforeStarted, UUID beforeId, int limit) {
        return jdbc.sql("select " + RUN_COLUMNS + """
                         from sync_runs
                        where tenant_id = :tenant and account_id = :account
                          and (cast(:status as text) is null or status = :status)
                          and (cast(:before as timestamptz) is null or (started_at, id) < (:before, :beforeId))
                        order by started_at desc, id desc limit :limit""")
                .param("tenant", tenant).param("account", accountId).param("status", status)
                .param("before", beforeStarted == null ? null : Timestamp.from(beforeStarted)).param("beforeId", beforeId)
                .param("limit", limit)
                .query(AccountRepository::run).list();
    }

    private AccountRow account(ResultSet rs, int n) throws SQLException {
        Map<String, String> config = json.readValue(rs.getString(6), new TypeReference<Map<String, String>>() { });
        return new AccountRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), config, rs.getBytes(7), rs.getBoolean(8), rs.getLong(9), instant(rs, 10), rs.getLong(11),
                rs.getInt(12), instant(rs, 13), instant(rs, 14), instant(rs, 15));
    }

    static SyncRun run(ResultSet rs, int n) throws SQLException {
        return new SyncRun(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3), rs.getString(4),
                rs.getInt(5), rs.getString(6), instant(rs, 7), instant(rs, 8), nullableLong(rs, 9), nullableLong(rs, 10),
                nullableLong(rs, 11), nullableLong(rs, 12), nullableLong(rs, 13), nullableLong(rs, 14), rs.getString(15),
                rs.getString(16));
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static Long nullableLong(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }
}
