package io.cloudwarden.cost.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the monthly partitions of {@code cost_rows} ready for a window of months around today (ADR 35). Creating a
 * partition locks {@code cost_rows} exclusively, so it happens here, in a short transaction of its own before a
 * load starts, never inside a load's transaction (where it would block every reader until the load commits). The
 * window is checked at most once a day per node.
 */
@Component
class LedgerPartitions {

    private final JdbcClient jdbc;
    private final TransactionTemplate separate;
    private final LedgerProperties props;
    private final AtomicReference<LocalDate> ensuredOn = new AtomicReference<>();
    private Clock clock = Clock.systemUTC();

    LedgerPartitions(JdbcClient jdbc, PlatformTransactionManager transactions, LedgerProperties props) {
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.props = props;
    }

    /** Makes sure the partitions of the window exist (once a day). */
    void ensureWindow() {
        LocalDate today = LocalDate.now(clock);
        if (today.equals(ensuredOn.get())) {
            return;
        }
        ensure(today.withDayOfMonth(1).minusMonths(props.partitionMonthsBack()),
                today.withDayOfMonth(1).plusMonths(props.partitionMonthsAhead()));
        ensuredOn.set(today);
    }

    /** Creates the partitions of the months from {@code from} to {@code to} that are missing. */
    void ensure(LocalDate from, LocalDate to) {
        separate.executeWithoutResult(s -> jdbc.sql("select cw_cost_ensure_partitions(?, ?)").params(from, to).query().singleRow());
    }

    void useClock(Clock clock) {
        this.clock = clock;
        ensuredOn.set(null);
    }
}
