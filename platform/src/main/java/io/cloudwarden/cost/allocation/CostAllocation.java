package io.cloudwarden.cost.allocation;

import io.cloudwarden.cost.CostErrorCode;
import io.cloudwarden.cost.CostSettingsChanged;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.shared.web.RequestActor;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Allocation rules (virtual tags, ADR 29): the ordered list, its validation, and saving it (which queues a
 * re-allocation). The first rule (lowest position) whose conditions all match a row sets the row's allocation
 * dimensions and {@code alloc_rule_id}; a row no rule matches is unallocated (all dimensions null).
 */
@Service
public class CostAllocation {

    private final AllocationApplier applier;
    private final TransactionTemplate tx;
    private final AllocationRuleStore store;
    private final ApplicationEventPublisher events;
    private final Reallocations reallocations;

    CostAllocation(AllocationApplier applier, TransactionTemplate tx, AllocationRuleStore store,
                   ApplicationEventPublisher events, Reallocations reallocations) {
        this.applier = applier;
        this.tx = tx;
        this.store = store;
        this.events = events;
        this.reallocations = reallocations;
    }

    /** The current rules of the tenant in context, in order. */
    public List<AllocationRule> rules() {
        TenantId tenant = TenantContext.require();
        return store.list(tenant);
    }

    /** Replaces the ordered rule list and queues a re-allocation of the stored rows; returns the saved rules and the job. */
    public RulesSaved replaceRules(List<AllocationRule> rules) {
        TenantId tenant = TenantContext.require();
        validate(rules);
        String actor = RequestActor.actor();
        return tx.execute(s -> {
            List<AllocationRule> saved = store.replace(tenant, rules, actor);
            events.publishEvent(new CostSettingsChanged(tenant, "allocation_rules", "replaced", null, null, saved.size(),
                    actor, RequestActor.sourceIp(), Instant.now()));
            Reallocation job = reallocations.request(tenant, actor);
            return new RulesSaved(saved, job);
        });
    }

    /** The saved rule list and the re-allocation job it queued. */
    public record RulesSaved(List<AllocationRule> rules, Reallocation reallocation) {
    }

    /** Validates a proposed list (for saving or previewing); throws {@code ALLOCATION_RULE_INVALID} listing every problem. */
    public void validate(List<AllocationRule> rules) {
        RuleValidation v = new RuleValidation(applier::regexAccepted);
        if (rules == null) {
            v.problem("rules", "must be a list");
        } else {
            if (rules.size() > RuleValidation.MAX_RULES) {
                v.problem("rules", "at most " + RuleValidation.MAX_RULES + " rules");
            }
            for (int i = 0; i < rules.size(); i++) {
                String at = "rules[" + i + "]";
                if (rules.get(i) == null) {
                    v.problem(at, "must be a rule");
                    continue;
                }
                v.name(at, rules.get(i).name());
                v.conditions(at, rules.get(i).conditions());
                v.assignments(at, rules.get(i).assign());
            }
        }
        v.throwIfAny(CostErrorCode.ALLOCATION_RULE_INVALID, "The allocation rules are not valid");
    }
}
