package io.cloudwarden.accounts.web;

import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.RequiresPermission;
import io.cloudwarden.accounts.AccountCommand;
import io.cloudwarden.accounts.AccountManagement;
import io.cloudwarden.accounts.CloudAccount;
import io.cloudwarden.accounts.SyncRun;
import io.cloudwarden.connector.spi.ConnectionCheck;
import io.cloudwarden.shared.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Cloud accounts: CRUD, connection test, sync-now and sync history. */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "accounts", description = "Cloud accounts, their connection and their syncs")
class AccountsController {

    private final AccountManagement accounts;

    AccountsController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @RequiresPermission(Permission.ACCOUNTS_READ)
    @GetMapping
    @Operation(summary = "List accounts by name, with optional filters and cursor paging")
    CursorPage<CloudAccount> list(@RequestParam(required = false) String provider,
                                  @RequestParam(required = false) String connector,
                                  @RequestParam(required = false) Boolean enabled,
                                  @RequestParam(required = false) String cursor,
                                  @RequestParam(defaultValue = "50") int limit) {
        return accounts.list(provider, connector, enabled, cursor, limit);
    }

    @RequiresPermission(Permission.ACCOUNTS_MANAGE)
    @PostMapping
    @Operation(summary = "Register an account; the configuration is validated against the connector's metadata")
    ResponseEntity<CloudAccount> register(@RequestBody AccountCommand command) {
        CloudAccount created = accounts.register(command);
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + created.id())).body(created);
    }

    @RequiresPermission(Permission.ACCOUNTS_READ)
    @GetMapping("/{id}")
    @Operation(summary = "One account, with its last sync; secret values are never returned")
    CloudAccount get(@PathVariable UUID id) {
        return accounts.get(id);
    }

    @RequiresPermission(Permission.ACCOUNTS_MANAGE)
    @PatchMapping("/{id}")
    @Operation(summary = "Change name, configuration, cadence or enabled; absent secret fields keep their value")
    CloudAccount update(@PathVariable UUID id, @RequestBody AccountCommand command) {
        return accounts.update(id, command);
    }

    @RequiresPermission(Permission.ACCOUNTS_MANAGE)
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an account; its resources are marked deleted and their history kept")
    void delete(@PathVariable UUID id) {
        accounts.delete(id);
    }

    @RequiresPermission(Permission.ACCOUNTS_SYNC)
    @PostMapping("/{id}/test")
    @Operation(summary = "Test the connection with the stored credentials")
    ConnectionCheck test(@PathVariable UUID id) {
        return accounts.testConnection(id);
    }

    @RequiresPermission(Permission.ACCOUNTS_SYNC)
    @PostMapping("/{id}/sync")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Sync now: the sync starts within seconds; poll the account or its sync history")
    CloudAccount sync(@PathVariable UUID id) {
        return accounts.requestSync(id);
    }

    @RequiresPermission(Permission.ACCOUNTS_READ)
    @GetMapping("/{id}/syncs")
    @Operation(summary = "Sync history, newest first")
    CursorPage<SyncRun> syncs(@PathVariable UUID id, @RequestParam(required = false) String status,
                              @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        return accounts.syncHistory(id, status, cursor, limit);
    }
}
