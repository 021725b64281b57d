package io.cloudwarden.cost.ingest;

import io.cloudwarden.cost.CostErrorCode;
import io.cloudwarden.shared.CloudwardenException;

/** The file is not a cost export Cloudwarden can read; the message names what was expected. */
public class CostFileRefusedException extends CloudwardenException {

    public CostFileRefusedException(CostErrorCode code, String message) {
        super(code, message);
    }
}
