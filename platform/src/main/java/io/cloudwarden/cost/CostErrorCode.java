package io.cloudwarden.cost;

import io.cloudwarden.shared.ErrorCode;
import org.springframework.http.HttpStatus;

/** Error codes of the cost module. Allocation, chargeback, budget and saved-filter codes carry their area as a prefix. */
public enum CostErrorCode implements ErrorCode {
    /** The file is not a cost export of any supported format (an inventory CSV, an image, random text...). */
    COST_FILE_NOT_RECOGNISED(HttpStatus.BAD_REQUEST, "Not a cost export"),
    /** The file looked like a supported format but could not be read (truncated gzip, broken Parquet...). */
    COST_FILE_UNREADABLE(HttpStatus.BAD_REQUEST, "Cost file unreadable"),
    /** The file is empty or has a header and no structure to detect. */
    COST_FILE_EMPTY(HttpStatus.BAD_REQUEST, "Cost file empty"),
    /** An object-store import named a location that is not an s3:// URL of the configured bucket. */
    COST_LOCATION_INVALID(HttpStatus.BAD_REQUEST, "Invalid object-store location"),
    /** An object-store import named a key outside the tenant's own prefix. */
    COST_LOCATION_FORBIDDEN(HttpStatus.FORBIDDEN, "Object-store location not allowed"),
    /** The named object does not exist. */
    COST_OBJECT_NOT_FOUND(HttpStatus.NOT_FOUND, "Object not found"),
    /** No object store is configured (cloudwarden.cost.object-store.bucket), or it cannot be reached. */
    COST_OBJECT_STORE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Object store unavailable"),
    ALLOCATION_RULE_INVALID(HttpStatus.BAD_REQUEST, "Invalid allocation rule"),
    ALLOCATION_SHARED_COST_INVALID(HttpStatus.BAD_REQUEST, "Invalid shared-cost rule"),
    ALLOCATION_REALLOCATION_NOT_FOUND(HttpStatus.NOT_FOUND, "Re-allocation job not found"),
    ALLOCATION_PERIOD_INVALID(HttpStatus.BAD_REQUEST, "Invalid period"),
    CHARGEBACK_MONTH_INVALID(HttpStatus.BAD_REQUEST, "Invalid chargeback month"),
    CHARGEBACK_DIMENSION_INVALID(HttpStatus.BAD_REQUEST, "Invalid chargeback dimension"),
    CHARGEBACK_FORMAT_INVALID(HttpStatus.BAD_REQUEST, "Unsupported chargeback format"),
    BUDGET_INVALID(HttpStatus.BAD_REQUEST, "Invalid budget"),
    BUDGET_NOT_FOUND(HttpStatus.NOT_FOUND, "Budget not found"),
    BUDGET_NAME_TAKEN(HttpStatus.CONFLICT, "Budget name taken"),
    /** A saved filter's name, filters, group-by, metric or granularity is not valid; every problem is listed. */
    SAVED_FILTER_INVALID(HttpStatus.BAD_REQUEST, "Invalid saved filter"),
    SAVED_FILTER_NOT_FOUND(HttpStatus.NOT_FOUND, "Saved filter not found"),
    SAVED_FILTER_NAME_TAKEN(HttpStatus.CONFLICT, "Saved filter name taken"),
    /** The saved filter scopes one or more budgets (named in the message); change or delete those first. */
    SAVED_FILTER_IN_USE(HttpStatus.CONFLICT, "Saved filter in use");

    private final Spec spec;

    CostErrorCode(HttpStatus status, String title) {
        this.spec = new Spec(status, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
