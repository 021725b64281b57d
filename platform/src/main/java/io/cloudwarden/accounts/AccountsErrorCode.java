package io.cloudwarden.accounts;

import io.cloudwarden.shared.ErrorCode;
import org.springframework.http.HttpStatus;

/** Error codes of the accounts API and of sync runs. */
public enum AccountsErrorCode implements ErrorCode {
    ACCOUNT_NOT_FOUND(HttpStatus.NOT_FOUND, "Account not found"),
    UNKNOWN_CONNECTOR(HttpStatus.BAD_REQUEST, "Unknown connector"),
    INVALID_ACCOUNT_CONFIG(HttpStatus.BAD_REQUEST, "Invalid account configuration"),
    ACCOUNT_NAME_TAKEN(HttpStatus.CONFLICT, "Account name taken"),
    ACCOUNT_DISABLED(HttpStatus.CONFLICT, "Account disabled"),
    SYNC_RUNNING(HttpStatus.CONFLICT, "Sync running"),
    /** Recorded on a sync run whose node stopped before finishing it. */
    SYNC_INTERRUPTED(HttpStatus.INTERNAL_SERVER_ERROR, "Sync interrupted"),
    /** Recorded on a sync run abandoned because another node took over its account's lease. */
    SYNC_LEASE_LOST(HttpStatus.CONFLICT, "Sync lease lost"),
    /** Recorded on a sync run that failed for a reason other than a connector error. */
    SYNC_INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Sync failed");

    private final Spec spec;

    AccountsErrorCode(HttpStatus status, String title) {
        this.spec = new Spec(status, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
