package io.cloudwarden.cost;

import io.cloudwarden.shared.ErrorCode;
import org.springframework.http.HttpStatus;

/** Error codes of cost ingestion. */
public enum CostErrorCode implements ErrorCode {
    /** The file is not a cost export of any supported format (an inventory CSV, an image, random text...). */
    COST_FILE_NOT_RECOGNISED(HttpStatus.BAD_REQUEST, "Not a cost export"),
    /** The file looked like a supported format but could not be read (truncated gzip, broken Parquet...). */
    COST_FILE_UNREADABLE(HttpStatus.BAD_REQUEST, "Cost file unreadable"),
    /** The file is empty or has a header and no structure to detect. */
    COST_FILE_EMPTY(HttpStatus.BAD_REQUEST, "Cost file empty");

    private final Spec spec;

    CostErrorCode(HttpStatus status, String title) {
        this.spec = new Spec(status, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
