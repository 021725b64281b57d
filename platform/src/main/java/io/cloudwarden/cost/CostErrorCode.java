package io.cloudwarden.cost;

import io.cloudwarden.shared.ErrorCode;
import org.springframework.http.HttpStatus;

/** Error codes of the cost API. Allocation, chargeback and budget codes carry their area as a prefix. */
public enum CostErrorCode implements ErrorCode {
    ALLOCATION_RULE_INVALID(HttpStatus.BAD_REQUEST, "Invalid allocation rule"),
    ALLOCATION_SHARED_COST_INVALID(HttpStatus.BAD_REQUEST, "Invalid shared-cost rule"),
    ALLOCATION_REALLOCATION_NOT_FOUND(HttpStatus.NOT_FOUND, "Re-allocation job not found"),
    ALLOCATION_PERIOD_INVALID(HttpStatus.BAD_REQUEST, "Invalid period"),
    CHARGEBACK_MONTH_INVALID(HttpStatus.BAD_REQUEST, "Invalid chargeback month"),
    CHARGEBACK_DIMENSION_INVALID(HttpStatus.BAD_REQUEST, "Invalid chargeback dimension"),
    CHARGEBACK_FORMAT_INVALID(HttpStatus.BAD_REQUEST, "Unsupported chargeback format"),
    BUDGET_INVALID(HttpStatus.BAD_REQUEST, "Invalid budget"),
    BUDGET_NOT_FOUND(HttpStatus.NOT_FOUND, "Budget not found"),
    BUDGET_NAME_TAKEN(HttpStatus.CONFLICT, "Budget name taken");

    private final Spec spec;

    CostErrorCode(HttpStatus status, String title) {
        this.spec = new Spec(status, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
