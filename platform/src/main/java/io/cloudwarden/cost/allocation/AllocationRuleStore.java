package io.cloudwarden.cost.allocation;

import io.cloudwarden.cost.allocation.AllocationRule.Assignments;
import io.cloudwarden.cost.allocation.AllocationRule.Condition;
import io.cloudwarden.shared.TenantId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and replaces a tenant's ordered allocation rule list (callers run in the tenant's context). */
@Repository
class AllocationRuleStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Condition>> CONDITIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    AllocationRuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AllocationRule> list(TenantId tenant) {
        return jdbc.sql("select id, name, conditions::text, assignments::text from cost_allocation_rules where tenant_id = ? order by position")
                .param(tenant.value())
                .query((rs, n) -> new AllocationRule(rs.getObject(1, UUID.class), rs.getString(2),
                        JSON.readValue(rs.getString(3), CONDITIONS), JSON.readValue(rs.getString(4), Assignments.class)))
                .list();
    }

    /** Replaces the list; rules keep their id when it is one of this tenant's current rules, else get a new one. */
    List<AllocationRule> replace(TenantId tenant, List<AllocationRule> rules, String actor) {
        Set<UUID> existing = new HashSet<>(jdbc.sql("select id from cost_allocation_rules where tenant_id = ?")
                .param(tenant.value()).query(UUID.class).list());
        jdbc.sql("delete from cost_allocation_rules where tenant_id = ?").param(tenant.value()).update();
        List<AllocationRule> saved = new ArrayList<>();
        Set<UUID> used = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            AllocationRule r = rules.get(i);
            UUID id = r.id() != null && existing.contains(r.id()) && used.add(r.id()) ? r.id() : UUID.randomUUID();
            AllocationRule s = new AllocationRule(id, r.name().strip(), r.conditions(), r.assign());
            jdbc.sql("""
                    insert into cost_allocation_rules (id, tenant_id, position, name, conditions, assignments, updated_by)
                    values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?)""")
                    .params(id, tenant.value(), i, s.name(), JSON.writeValueAsString(s.conditions()),
                            JSON.writeValueAsString(s.assign()), actor).update();
            saved.add(s);
        }
        return saved;
    }
}
