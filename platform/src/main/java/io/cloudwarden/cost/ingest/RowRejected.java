package io.cloudwarden.cost.ingest;

/** A row cannot be converted; the message is the quarantine reason. Carries no stack trace (cheap). */
final class RowRejected extends Exception {

    RowRejected(String reason) {
        super(reason, null, false, false);
    }
}
