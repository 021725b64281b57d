package io.cloudwarden.accounts.internal;

import io.cloudwarden.accounts.AccountChanged;
import io.cloudwarden.accounts.AccountCommand;
import io.cloudwarden.accounts.AccountsErrorCode;
import io.cloudwarden.accounts.CloudAccount;
import io.cloudwarden.accounts.SyncRun;
import io.cloudwarden.connector.spi.ConnectionCheck;
import io.cloudwarden.connector.spi.ConnectorContext;
import io.cloudwarden.connector.spi.ConnectorException;
import io.cloudwarden.connector.spi.ConnectorFactory;
import io.cloudwarden.connector.spi.Connector;
import io.cloudwarden.inventory.InventoryIngestion;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.CursorPage;
import io.cloudwarden.shared.Cursors;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.SecretCipher;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.shared.web.RequestActor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Implements {@link io.cloudwarden.accounts.AccountManagement}. */
@Component
public class AccountStore {

    static final int MAX_LIMIT = 500;

    private final AccountRepository repo;
    private final ConnectorRegistry connectors;
    private final SecretCipher cipher;
    private final JsonMapper json;
    private final InventoryIngestion inventory;
    private final Clock clock = Clock.systemUTC();

    private final ApplicationEventPublisher events;

    AccountStore(AccountRepository repo, ConnectorRegistry connectors, SecretCipher cipher, JsonMapper json,
                 InventoryIngestion inventory, ApplicationEventPublisher events) {
        this.events = events;
        this.repo = repo;
        this.connectors = connectors;
        this.cipher = cipher;
        this.json = json;
        this.inventory = inventory;
    }

    @Transactional
    public CloudAccount register(AccountCommand cmd) {
        UUID tenant = tenant();
        List<FieldProblem> problems = new ArrayList<>();
        String name = cmd.name() == null ? "" : cmd.name().trim();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new FieldProblem("name", "must be 1 to 200 characters"));
        }
        if (cmd.connector() == null || cmd.connector().isBlank()) {
            problems.add(new FieldProblem("connector", "is required"));
        }
        checkInterval(cmd.syncIntervalSeconds(), problems);
        if (!problems.isEmpty()) {
            throw CloudwardenException.invalid("the account has invalid fields", problems);
        }
        ConnectorFactory factory = connectors.require(cmd.connector());
        AccountConfig config = AccountConfig.validate(factory, cmd.config() == null ? Map.of() : cmd.config());
        UUID id = UUID.randomUUID();
        if (repo.nameTaken(tenant, name, id)) {
            throw new CloudwardenException(AccountsErrorCode.ACCOUNT_NAME_TAKEN, "an account named '" + name + "' exists already");
        }
        repo.insert(new AccountRow(id, tenant, name, factory.name(), config.provider(factory).wireName(), config.plain(),
                seal(config.secrets()), cmd.enabled() == null || cmd.enabled(),
                cmd.syncIntervalSeconds() == null ? 3600 : cmd.syncIntervalSeconds(), null, 0, 0, null, null, null));
        publish(tenant, id, name, AccountChanged.Change.REGISTERED, factory.name(), cmd.config());
        return get(id);
    }

    @Transactional
    public CloudAccount update(UUID id, AccountCommand cmd) {
        AccountRow row = require(id);
        List<FieldProblem> problems = new ArrayList<>();
        if (cmd.connector() != null && !cmd.connector().equals(row.connector())) {
            problems.add(new FieldProblem("connector", "cannot be changed; register a new account instead"));
        }
        String name = cmd.name() == null ? row.name() : cmd.name().trim();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new FieldProblem("name", "must be 1 to 200 characters"));
        }
        checkInterval(cmd.syncIntervalSeconds(), problems);
        if (!problems.isEmpty()) {
            throw CloudwardenException.invalid("the account has invalid fields", problems);
        }
        ConnectorFactory factory = connectors.require(row.connector());
        Map<String, String> merged = new HashMap<>(row.config());
        merged.putAll(unseal(row.secrets()));
        if (cmd.config() != null) {
            cmd.config().forEach((k, v) -> {
                if (v == null) {
                    merged.remove(k);
                } else {
                    merged.put(k, v);
                }
            });
        }
        AccountConfig config = AccountConfig.validate(factory, merged);
        if (!config.provider(factory).wireName().equals(row.provider())) {
            throw CloudwardenException.invalid("the provider of an account cannot change",
                    List.of(new FieldProblem("config.provider", "cannot be changed; register a new account instead")));
        }
        if (repo.nameTaken(row.tenantId(), name, id)) {
            throw new CloudwardenException(AccountsErrorCode.ACCOUNT_NAME_TAKEN, "an account named '" + name + "' exists already");
        }
        repo.update(new AccountRow(id, row.tenantId(), name, row.connector(), row.provider(), config.plain(),
                seal(config.secrets()), cmd.enabled() == null ? row.enabled() : cmd.enabled(),
                cmd.syncIntervalSeconds() == null ? row.syncIntervalSeconds() : cmd.syncIntervalSeconds(),
                null, 0, 0, null, null, null));
        publish(row.tenantId(), id, name, AccountChanged.Change.UPDATED, row.connector(), cmd.config());
        return get(id);
    }

    /** Records the change in the audit log, in this transaction: if the ledger refuses, the change rolls back. */
    private void publish(UUID tenant, UUID id, String name, AccountChanged.Change change, String connector,
                         Map<String, String> config) {
        List<String> keys = config == null ? List.of() : config.keySet().stream().sorted().toList();
        events.publishEvent(new AccountChanged(new TenantId(tenant), id, name, change, connector, keys,
                RequestActor.actor(), RequestActor.sourceIp(), clock.instant()));
    }

    @Transactional
    public void delete(UUID id) {
        AccountRow row = require(id);
        if (row.syncRunning(clock.instant())) {
            throw new CloudwardenException(AccountsErrorCode.SYNC_RUNNING,
                    "a sync of this account is running; delete it when the sync has finished");
        }
        repo.delete(row.tenantId(), id);
        inventory.retireAccount(new TenantId(row.tenantId()), id);
        publish(row.tenantId(), id, row.name(), AccountChanged.Change.DELETED, row.connector(), null);
    }

    public CloudAccount get(UUID id) {
        AccountRow row = require(id);
        return view(row, repo.lastRun(row.tenantId(), id).orElse(null));
    }

    public CursorPage<CloudAccount> list(String provider, String connector, Boolean enabled, String cursor, int limit) {
        checkLimit(limit);
        String afterName = null;
        UUID afterId = null;
        if (cursor != null && !cursor.isBlank()) {
            List<String> pos = Cursors.decode(cursor, "accounts:name", 2);
            afterName = pos.get(0);
            afterId = parseCursorId(pos.get(1));
        }
        List<AccountRow> rows = repo.list(tenant(), provider == null ? null : provider.toLowerCase(), connector, enabled,
                afterName, afterId, limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            AccountRow last = rows.get(limit - 1);
            next = Cursors.encode("accounts:name", List.of(last.name(), last.id().toString()));
        }
        Map<UUID, SyncRun> lastRuns = repo.lastRuns(tenant(), rows.stream().map(AccountRow::id).toList());
        return new CursorPage<>(rows.stream().map(r -> view(r, lastRuns.get(r.id()))).toList(), next);
    }

    public ConnectionCheck testConnection(UUID id) {
        AccountRow row = require(id);
        try (Connector connector = open(row)) {
            return connector.testConnection();
        } catch (ConnectorException e) {
            return ConnectionCheck.failure(e.kind(), e.getMessage());
        }
    }

    @Transactional
    public CloudAccount requestSync(UUID id) {
        AccountRow row = require(id);
        if (!row.enabled()) {
            throw new CloudwardenException(AccountsErrorCode.ACCOUNT_DISABLED, "the account is disabled; enable it to sync");
        }
        repo.requestSync(row.tenantId(), id);
        return get(id);
    }

    public CursorPage<SyncRun> syncHistory(UUID id, String status, String cursor, int limit) {
        checkLimit(limit);
        if (status != null && !Set.of("RUNNING", "SUCCEEDED", "FAILED").contains(status)) {
            throw new CloudwardenException(CommonErrorCode.INVALID_FILTER, "unknown status '" + status + "'",
                    List.of(new FieldProblem("status", "must be RUNNING, SUCCEEDED or FAILED")));
        }
        AccountRow row = require(id);
        Instant before = null;
        UUID beforeId = null;
        if (cursor != null && !cursor.isBlank()) {
            List<String> pos = Cursors.decode(cursor, "syncs:started", 2);
            try {
                before = Instant.parse(pos.get(0));
            } catch (RuntimeException e) {
                throw new CloudwardenException(CommonErrorCode.INVALID_CURSOR, "the cursor is not valid");
            }
            beforeId = parseCursorId(pos.get(1));
        }
        List<SyncRun> runs = repo.runs(row.tenantId(), id, status, before, beforeId, limit + 1);
        String next = null;
        if (runs.size() > limit) {
            runs = runs.subList(0, limit);
            SyncRun last = runs.get(limit - 1);
            next = Cursors.encode("syncs:started", List.of(last.startedAt().toString(), last.id().toString()));
        }
        return new CursorPage<>(runs, next);
    }

    /** Creates a connector for an account with its secrets decrypted; the caller closes it. */
    Connector open(AccountRow row) {
        ConnectorFactory factory = connectors.require(row.connector());
        return factory.create(new AccountConfig(row.config(), unseal(row.secrets())).toConnectorConfig(factory),
                new ConnectorContext(row.name(), clock));
    }

    AccountRow require(UUID id) {
        return repo.find(tenant(), id).orElseThrow(() -> new CloudwardenException(AccountsErrorCode.ACCOUNT_NOT_FOUND,
                "account " + id + " was not found"));
    }

    private CloudAccount view(AccountRow r, SyncRun lastRun) {
        List<String> secretKeys = new ArrayList<>(unseal(r.secrets()).keySet());
        return new CloudAccount(r.id(), r.name(), r.connector(), r.provider(), r.config(), secretKeys, r.enabled(),
                r.syncIntervalSeconds(), r.nextSyncAt(), r.syncRunning(clock.instant()), r.consecutiveFailures(),
                lastRun, r.createdAt(), r.updatedAt());
    }

    private byte[] seal(Map<String, String> secrets) {
        return secrets.isEmpty() ? null : cipher.encrypt(json.writeValueAsString(secrets));
    }

    private Map<String, String> unseal(byte[] blob) {
        return blob == null ? Map.of() : json.readValue(cipher.decrypt(blob), new TypeReference<TreeMap<String, String>>() { });
    }

    private static UUID tenant() {
        return TenantContext.require().value();
    }

    private static UUID parseCursorId(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new CloudwardenException(CommonErrorCode.INVALID_CURSOR, "the cursor is not valid");
        }
    }

    private static void checkInterval(Long seconds, List<FieldProblem> problems) {
        if (seconds != null && (seconds < 60 || seconds > 604_800)) {
            problems.add(new FieldProblem("syncIntervalSeconds", "must be between 60 and 604800"));
        }
    }

    static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new CloudwardenException(CommonErrorCode.INVALID_FILTER, "limit must be between 1 and " + MAX_LIMIT,
                    List.of(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT)));
        }
    }
}
