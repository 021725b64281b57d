package io.cloudwarden.cost.chargeback;

import io.cloudwarden.cost.CostErrorCode;
import io.cloudwarden.cost.CostSettingsChanged;
import io.cloudwarden.cost.allocation.AllocationApplier;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.shared.web.RequestActor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The tenant's ordered list of shared-cost pools: read, validate, replace. */
@Service
public class SharedCosts {

    static final List<String> DIMENSIONS = List.of("team", "project", "environment", "costCenter");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AllocationApplier applier;
    private final ApplicationEventPublisher events;

    SharedCosts(JdbcClient jdbc, TransactionTemplate tx, AllocationApplier applier, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.applier = applier;
        this.events = events;
    }

    /** The tenant's pools in order. */
    public List<SharedCostRule> list() {
        return list(TenantContext.require());
    }

    List<SharedCostRule> list(TenantId tenant) {
        return jdbc.sql("select id, name, conditions::text, method, targets::text from cost_shared_cost_rules where tenant_id = ? order by position")
                .param(tenant.value())
                .query((rs, n) -> {
                    Stored s = JSON.readValue(rs.getString(5), Stored.class);
                    return new SharedCostRule(rs.getObject(1, UUID.class), rs.getString(2), JSON.readValue(rs.getString(3), new TypeReference<>() {
                    }), s.dimension(), SharedCostRule.Method.valueOf(rs.getString(4)), s.targets());
                }).list();
    }

    private record Stored(String dimension, List<SharedCostRule.Target> targets) {
    }

    /** Replaces the list, after checking every rule (FIXED percentages must sum to exactly 100). */
    public List<SharedCostRule> replace(List<SharedCostRule> rules) {
        TenantId tenant = TenantContext.require();
        validate(rules);
        String actor = RequestActor.actor();
        return tx.execute(st -> {
            jdbc.sql("delete from cost_shared_cost_rules where tenant_id = ?").param(tenant.value()).update();
            List<SharedCostRule> saved = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                SharedCostRule r = rules.get(i);
                String dimension = r.dimension() == null ? "team" : r.dimension();
                List<SharedCostRule.Target> targets = r.targets() == null ? List.of() : r.targets();
                SharedCostRule s = new SharedCostRule(UUID.randomUUID(), r.name().strip(), r.conditions(), dimension, r.method(), targets);
                jdbc.sql("""
                        insert into cost_shared_cost_rules (id, tenant_id, position, name, conditions, method, targets, updated_by)
                        values (?, ?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb), ?)""")
                        .params(s.id(), tenant.value(), i, s.name(), JSON.writeValueAsString(s.conditions()), s.method().name(),
                                JSON.writeValueAsString(new Stored(dimension, targets)), actor).update();
                saved.add(s);
            }
            events.publishEvent(new CostSettingsChanged(tenant, "shared_cost_rules", "replaced", null, null, saved.size(),
                    actor, RequestActor.sourceIp(), Instant.now()));
            return saved;
        });
    }

    private void validate(List<SharedCostRule> rules) {
        List<FieldProblem> problems = new ArrayList<>();
        if (rules == null) {
            throw new CloudwardenException(CostErrorCode.ALLOCATION_SHARED_COST_INVALID, "The shared-cost rules are not valid",
                    List.of(new FieldProblem("rules", "must be a list")));
        }
        for (int i = 0; i < rules.size(); i++) {
            String at = "rules[" + i + "]";
            SharedCostRule r = rules.get(i);
            if (r == null) {
                problems.add(new FieldProblem(at, "must be a rule"));
                continue;
            }
            if (r.name() == null || r.name().isBlank() || r.name().length() > 200) {
                problems.add(new FieldProblem(at + ".name", "must be 1 to 200 characters"));
            }
            applier.validateConditions(at, r.conditions(), problems::addAll);
            if (r.dimension() != null && !DIMENSIONS.contains(r.dimension())) {
                problems.add(new FieldProblem(at + ".dimension", "must be one of " + DIMENSIONS));
            }
            if (r.method() == null) {
                problems.add(new FieldProblem(at + ".method", "must be EVEN, PROPORTIONAL or FIXED"));
                continue;
            }
            targets(at, r, problems);
        }
        if (!problems.isEmpty()) {
            throw new CloudwardenException(CostErrorCode.ALLOCATION_SHARED_COST_INVALID, "The shared-cost rules are not valid", problems);
        }
    }

    private static void targets(String at, SharedCostRule r, List<FieldProblem> problems) {
        List<SharedCostRule.Target> targets = r.targets() == null ? List.of() : r.targets();
        Set<String> seen = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (SharedCostRule.Target t : targets) {
            if (t == null || t.value() == null || t.value().isBlank() || !seen.add(t.value())) {
                problems.add(new FieldProblem(at + ".targets", "every target needs a distinct, non-empty value"));
                return;
            }
            if (r.method() == SharedCostRule.Method.FIXED) {
                if (t.percent() == null || t.percent().signum() <= 0) {
                    problems.add(new FieldProblem(at + ".targets", "FIXED needs a positive percent for " + t.value()));
                    return;
                }
                sum = sum.add(t.percent());
            }
        }
        if (r.method() == SharedCostRule.Method.FIXED && sum.compareTo(BigDecimal.valueOf(100)) != 0) {
            problems.add(new FieldProblem(at + ".targets", "FIXED percentages must sum to 100, they sum to " + sum.toPlainString()));
        }
    }
}
