package io.cloudwarden.accounts;

import io.cloudwarden.accounts.internal.AccountStore;
import io.cloudwarden.connector.spi.ConnectionCheck;
import io.cloudwarden.shared.CursorPage;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The accounts module's API: register, change, disable and delete cloud accounts, test their connection,
 * request syncs and read sync history. All calls act for the tenant bound in {@code TenantContext}.
 */
@Service
public class AccountManagement {

    private final AccountStore store;

    AccountManagement(AccountStore store) {
        this.store = store;
    }

    public CloudAccount register(AccountCommand command) {
        return store.register(command);
    }

    public CloudAccount update(UUID id, AccountCommand command) {
        return store.update(id, command);
    }

    /** Deletes the account and its sync history, and marks its resources deleted (their history is kept). */
    public void delete(UUID id) {
        store.delete(id);
    }

    public CloudAccount get(UUID id) {
        return store.get(id);
    }

    /**
     * Lists accounts by name.
     *
     * @param provider  only this provider (aws, azure, gcp), or null
     * @param connector only this connector type, or null
     * @param enabled   only enabled or disabled accounts, or null
     */
    public CursorPage<CloudAccount> list(String provider, String connector, Boolean enabled, String cursor, int limit) {
        return store.list(provider, connector, enabled, cursor, limit);
    }

    public ConnectionCheck testConnection(UUID id) {
        return store.testConnection(id);
    }

    /** Schedules a sync as soon as possible; if one is running, another follows it. */
    public CloudAccount requestSync(UUID id) {
        return store.requestSync(id);
    }

    /** Sync runs of an account, newest first; {@code status} filters to RUNNING, SUCCEEDED or FAILED. */
    public CursorPage<SyncRun> syncHistory(UUID id, String status, String cursor, int limit) {
        return store.syncHistory(id, status, cursor, limit);
    }
}
