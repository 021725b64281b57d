package io.cloudwarden.cost.ledger;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cloudwarden.cost.ledger.*}: how the ledger stores rows (ADR 35).
 *
 * @param partitionMonthsBack  monthly partitions of {@code cost_rows} kept ready this many months before the current
 *                             one (default 37: three years of history and the month before); older rows are stored in
 *                             the default partition
 * @param partitionMonthsAhead and this many after it (default 3)
 * @param directCopy           write rows with {@code COPY} straight into the ledger through the bulk loader role when
 *                             the database has it (default true); false stages every load in a temporary table first
 */
@ConfigurationProperties("cloudwarden.cost.ledger")
public record LedgerProperties(Integer partitionMonthsBack, Integer partitionMonthsAhead, Boolean directCopy) {

    public LedgerProperties {
        partitionMonthsBack = partitionMonthsBack == null ? 37 : partitionMonthsBack;
        partitionMonthsAhead = partitionMonthsAhead == null ? 3 : partitionMonthsAhead;
        directCopy = directCopy == null || directCopy;
        if (partitionMonthsBack < 0 || partitionMonthsAhead < 0) {
            throw new IllegalArgumentException("cloudwarden.cost.ledger.partition-months-back and -ahead must not be negative");
        }
    }
}
