package io.cloudwarden.identity;

import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Fresh tenants and users for identity tests, so lockouts and settings never leak into other tests. */
final class IdentityFixtures {

    static final String PASSWORD = "violet-lantern-orbit-42";

    private IdentityFixtures() {
    }

    /** A user in a new tenant of its own. */
    record TestUser(TenantId tenant, UUID id, String username) {
    }

    static TestUser newUser(IdentityManagement identity, String prefix, List<String> roles) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TenantId tenant = identity.createTenant(prefix + "-" + suffix, "CUSTOMER", null).id();
        String username = prefix + "-" + suffix + "@example.test";
        UUID id = identity.createUser(tenant, username, PASSWORD, roles);
        return new TestUser(tenant, id, username);
    }

    /** Runs SQL bound to the user's tenant (row-level security applies as in the application). */
    static void sql(JdbcClient jdbc, TenantId tenant, String sql, Object... params) {
        TenantContext.runAs(tenant, () -> jdbc.sql(sql).params(params).update());
    }

    static long auditCount(JdbcClient jdbc, TenantId tenant, String action) {
        return TenantContext.callAs(tenant, () -> jdbc.sql("select count(*) from audit_entries where tenant_id = ? and action = ?")
                .params(tenant.value(), action).query(Long.class).single());
    }
}
