package io.cloudwarden.cost.budget;

import io.cloudwarden.cost.CostErrorCode;
import io.cloudwarden.cost.CostSettingsChanged;
import io.cloudwarden.cost.explorer.SavedFilters;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.shared.web.RequestActor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Budgets of the tenant in context: create, read, change, delete, and their status (ADR 30). */
@Service
public class Budgets {

    private final BudgetStore store;
    private final BudgetEvaluator evaluator;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final SavedFilters savedFilters;

    Budgets(BudgetStore store, BudgetEvaluator evaluator, ApplicationEventPublisher events, TransactionTemplate tx,
            SavedFilters savedFilters) {
        this.store = store;
        this.savedFilters = savedFilters;
        this.evaluator = evaluator;
        this.events = events;
        this.tx = tx;
    }

    public List<Budget> list() {
        return store.list(TenantContext.require());
    }

    public Budget get(UUID id) {
        return store.get(TenantContext.require(), id);
    }

    /** Creates a budget and evaluates it against the spend already in the ledger. */
    public Budget create(Budget command) {
        TenantId tenant = TenantContext.require();
        Budget b = normalise(UUID.randomUUID(), command);
        tx.executeWithoutResult(s -> {
            store.insert(tenant, b, RequestActor.actor());
            audit(tenant, "created", b);
        });
        evaluator.evaluate(tenant, evaluator.today(), evaluator.today());
        return store.get(tenant, b.id());
    }

    public Budget update(UUID id, Budget command) {
        TenantId tenant = TenantContext.require();
        Budget b = normalise(id, command);
        tx.executeWithoutResult(s -> {
            store.update(tenant, b);
            audit(tenant, "updated", b);
        });
        evaluator.evaluate(tenant, evaluator.today(), evaluator.today());
        return store.get(tenant, id);
    }

    public void delete(UUID id) {
        TenantId tenant = TenantContext.require();
        tx.executeWithoutResult(s -> {
            Budget b = store.get(tenant, id);
            store.delete(tenant, id);
            audit(tenant, "deleted", b);
        });
    }

    /** The status of the period containing {@code asOf} (default: today, UTC). */
    public BudgetStatus status(UUID id, LocalDate asOf) {
        TenantId tenant = TenantContext.require();
        Budget b = store.get(tenant, id);
        LocalDate day = asOf == null ? evaluator.today() : asOf;
        BudgetPeriods.Span span = BudgetPeriods.containing(b.period(), day);
        BudgetEvaluator.Evaluation e = evaluator.measure(tenant, b, span, day);
        Map<String, Instant> crossed = store.crossings(tenant, id, span.start());
        Budget.Thresholds t = b.thresholds() == null ? Budget.Thresholds.DEFAULT : b.thresholds();
        List<BudgetStatus.Threshold> thresholds = new ArrayList<>();
        addThresholds("ACTUAL", t.actual(), e.amount(), crossed, thresholds);
        addThresholds("PROJECTED", t.projected(), e.amount(), crossed, thresholds);
        List<BudgetStatus.BurnDownPoint> burn = new ArrayList<>();
        BigDecimal cumulative = BigDecimal.ZERO;
        for (long d = 0; d < span.days(); d++) {
            LocalDate date = span.start().plusDays(d);
            cumulative = cumulative.add(e.daily().getOrDefault(date, BigDecimal.ZERO));
            BigDecimal line = e.amount().multiply(BigDecimal.valueOf(d + 1)).divide(BigDecimal.valueOf(span.days()), 2, RoundingMode.HALF_EVEN);
            burn.add(new BudgetStatus.BurnDownPoint(date, date.isAfter(day) ? null : cumulative, line));
        }
        BigDecimal used = e.actual().multiply(BigDecimal.valueOf(100)).divide(e.amount(), 2, RoundingMode.HALF_EVEN);
        return new BudgetStatus(id, b.name(), span.start(), span.end(), day, e.amount(), b.currency(), e.actual(), e.projected(),
                BudgetEvaluator.PROJECTION_METHOD, used, thresholds, burn);
    }

    private static void addThresholds(String kind, List<BigDecimal> pcts, BigDecimal amount, Map<String, Instant> crossed,
                                      List<BudgetStatus.Threshold> out) {
        for (BigDecimal p : pcts == null ? List.<BigDecimal>of() : pcts.stream().sorted().toList()) {
            Instant at = crossed.get(kind + ":" + p.stripTrailingZeros().toPlainString());
            out.add(new BudgetStatus.Threshold(kind, p, amount.multiply(p).divide(BigDecimal.valueOf(100)), at != null, at));
        }
    }

    private Budget normalise(UUID id, Budget c) {
        if (c == null) {
            throw new CloudwardenException(CostErrorCode.BUDGET_INVALID, "a budget is required");
        }
        BudgetValidation.check(c);
        Budget.Scope scope = c.scope().type() == Budget.ScopeType.SAVED_FILTER
                ? new Budget.Scope(Budget.ScopeType.SAVED_FILTER, null, c.scope().savedFilterId())
                : new Budget.Scope(c.scope().type(), c.scope().value(), null);
        if (scope.savedFilterId() != null && !savedFilters.exists(scope.savedFilterId())) {
            throw new CloudwardenException(CostErrorCode.BUDGET_INVALID, "the budget is not valid: there is no saved filter "
                    + scope.savedFilterId(), List.of(new FieldProblem("scope.savedFilterId", "no saved filter with this id")));
        }
        Budget.Thresholds t = c.thresholds() == null ? Budget.Thresholds.DEFAULT
                : new Budget.Thresholds(c.thresholds().actual() == null ? List.of() : c.thresholds().actual(),
                c.thresholds().projected() == null ? List.of() : c.thresholds().projected());
        return new Budget(id, c.name().strip(), scope, c.period(), c.amount(), c.monthlyAmounts(), c.currency(), t, null, null);
    }

    private void audit(TenantId tenant, String change, Budget b) {
        events.publishEvent(new CostSettingsChanged(tenant, "budget", change, "budget:" + b.id(), b.name(), 0,
                RequestActor.actor(), RequestActor.sourceIp(), Instant.now()));
    }
}
