package io.cloudwarden.cost.budget;

import io.cloudwarden.cost.BudgetThresholdCrossed;
import io.cloudwarden.cost.CostSettingsChanged;
import io.cloudwarden.cost.CostsIngested;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates budgets (ADR 30) after each ledger load (for the periods the load touched, once it committed) and on a
 * schedule (the current period of every budget). A threshold reached is recorded once per (budget, period, kind,
 * threshold) and announced with {@link BudgetThresholdCrossed} in the same transaction, so the audit log gets it
 * exactly once however often costs are re-ingested. Projected spend is the month-to-date run rate
 * ({@code RUN_RATE_MTD}): spend to date / elapsed days × days in the period, evaluated for the running period only.
 */
@Service
@EnableScheduling
public class BudgetEvaluator {

    /** The projection method until forecasting lands. */
    public static final String PROJECTION_METHOD = "RUN_RATE_MTD";

    private static final Logger log = LoggerFactory.getLogger(BudgetEvaluator.class);

    private final JdbcClient jdbc;
    private final BudgetStore store;
    private final BudgetSpend spend;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private Clock clock = Clock.systemUTC();

    BudgetEvaluator(JdbcClient jdbc, BudgetStore store, BudgetSpend spend, ApplicationEventPublisher events,
                    PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.store = store;
        this.spend = spend;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Actual and projected spend of a budget's period as of a day. */
    record Evaluation(BudgetPeriods.Span span, BigDecimal amount, Map<LocalDate, BigDecimal> daily, BigDecimal actual,
                      BigDecimal projected, boolean running) {
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    void useClock(Clock clock) {
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onCostsIngested(CostsIngested e) {
        try {
            TenantContext.runAs(e.tenant(), () -> evaluate(e.tenant(), e.from(), e.to()));
        } catch (RuntimeException ex) {
            log.error("Budget evaluation after import {} failed; the schedule retries", e.importId(), ex);
        }
    }

    /** A saved filter changed: the budgets scoped by it now measure other rows, so the running periods are evaluated again. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onSavedFilterChanged(CostSettingsChanged e) {
        if (!"saved_filter".equals(e.what()) || !"updated".equals(e.change())) {
            return;
        }
        try {
            TenantContext.runAs(e.tenantId(), () -> evaluate(e.tenantId(), today(), today()));
        } catch (RuntimeException ex) {
            log.error("Budget evaluation after a saved filter changed failed; the schedule retries", ex);
        }
    }

    @Scheduled(fixedDelayString = "${cloudwarden.cost.budgets.evaluation-interval:1h}", initialDelayString = "${cloudwarden.cost.budgets.evaluation-interval:1h}")
    void evaluateAll() {
        List<UUID> tenants = jdbc.sql("select * from cw_cost_budget_tenants()").query(UUID.class).list();
        for (UUID t : tenants) {
            TenantId tenant = new TenantId(t);
            try {
                TenantContext.runAs(tenant, () -> evaluate(tenant, today(), today()));
            } catch (RuntimeException ex) {
                log.error("Budget evaluation of tenant {} failed", t, ex);
            }
        }
    }

    /** Evaluates every budget of the tenant for each of its periods that overlaps {@code from}..{@code to}; returns crossings emitted. */
    int evaluate(TenantId tenant, LocalDate from, LocalDate to) {
        LocalDate today = today();
        LocalDate last = to.isAfter(today) ? today : to;
        int emitted = 0;
        for (Budget b : store.list(tenant)) {
            for (BudgetPeriods.Span span = BudgetPeriods.containing(b.period(), from); !span.start().isAfter(last);
                 span = BudgetPeriods.containing(b.period(), span.end().plusDays(1))) {
                BudgetPeriods.Span s = span;
                emitted += tx.execute(st -> crossings(tenant, b, measure(tenant, b, s, today)));
            }
        }
        return emitted;
    }

    Evaluation measure(TenantId tenant, Budget b, BudgetPeriods.Span span, LocalDate today) {
        Map<LocalDate, BigDecimal> daily = spend.daily(tenant, b, span, today);
        BigDecimal actual = daily.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean running = span.contains(today);
        BigDecimal projected = actual;
        if (running) {
            long elapsed = today.toEpochDay() - span.start().toEpochDay() + 1;
            projected = actual.multiply(BigDecimal.valueOf(span.days())).divide(BigDecimal.valueOf(elapsed), 2, RoundingMode.HALF_EVEN);
        }
        return new Evaluation(span, BudgetPeriods.amount(b, span), daily, actual, projected, running);
    }

    private int crossings(TenantId tenant, Budget b, Evaluation e) {
        Budget.Thresholds t = b.thresholds() == null ? Budget.Thresholds.DEFAULT : b.thresholds();
        List<BudgetThresholdCrossed> crossed = new ArrayList<>();
        check(tenant, b, e, "ACTUAL", e.actual(), t.actual(), crossed);
        if (e.running()) {
            check(tenant, b, e, "PROJECTED", e.projected(), t.projected(), crossed);
        }
        crossed.forEach(events::publishEvent);
        return crossed.size();
    }

    private void check(TenantId tenant, Budget b, Evaluation e, String kind, BigDecimal spend, List<BigDecimal> thresholds,
                       List<BudgetThresholdCrossed> out) {
        if (thresholds == null) {
            return;
        }
        for (BigDecimal pct : thresholds.stream().sorted().toList()) {
            BigDecimal limit = e.amount().multiply(pct).divide(BigDecimal.valueOf(100));
            if (spend.compareTo(limit) >= 0 && store.recordCrossing(tenant, b.id(), e.span().start(), kind, pct, e.amount(), spend)) {
                out.add(new BudgetThresholdCrossed(tenant, b.id(), b.name(), e.span().start(), kind, pct, e.amount(), spend,
                        b.currency(), Instant.now()));
            }
        }
    }
}
