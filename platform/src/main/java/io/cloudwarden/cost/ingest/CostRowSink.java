package io.cloudwarden.cost.ingest;

import io.cloudwarden.cost.focus.FocusRow;
import java.util.Map;

/**
 * Receives the rows of one cost file as {@link CostFileReader} converts them, in source order. A row is
 * either accepted (converted to FOCUS 1.2 with every ledger-required column present) or quarantined with
 * the reason and the raw source row; no row is dropped.
 */
public interface CostRowSink {

    /** An accepted FOCUS 1.2 row. The reader does not reuse the instance after the call. */
    void accept(FocusRow row);

    /**
     * A row that could not be converted.
     *
     * @param sourceRow the row's number in the file (1 = first data row)
     * @param reason    what is wrong, naming the column and value
     * @param raw       the source row, column name to raw text, in file order
     */
    void quarantine(long sourceRow, String reason, Map<String, String> raw);
}
