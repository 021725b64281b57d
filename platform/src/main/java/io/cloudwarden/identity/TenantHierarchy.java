package io.cloudwarden.identity;

import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.shared.web.RequestActor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant tree MSP &gt; CUSTOMER &gt; BUSINESS_UNIT: who may act in which node, the subtree a user sees, and
 * creating and renaming child tenants. A user belongs to one node (the home tenant) and may act in it or any
 * descendant, never in a sibling or an ancestor (ADR 23).
 */
@Service
public class TenantHierarchy {

    /** Kinds of tenant, and the kind of child each may have. */
    public static final Map<String, String> CHILD_KIND = Map.of("MSP", "CUSTOMER", "CUSTOMER", "BUSINESS_UNIT");
    private static final int MAX_CACHED = 10_000;

    private final JdbcClient jdbc;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    /**
     * Positive answers of {@link #isWithin}: a tenant never moves in the tree (parent_id is never updated), so a
     * pair once within stays within. Negative answers are not cached because a child may be created later.
     */
    private final Map<String, Boolean> within = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_CACHED;
        }
    });

    TenantHierarchy(JdbcClient jdbc, IdentityManagement identity, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.events = events;
    }

    /** Whether {@code target} is {@code home} or one of its descendants. */
    public boolean isWithin(TenantId home, TenantId target) {
        if (home.equals(target)) {
            return true;
        }
        String key = home + ">" + target;
        if (within.containsKey(key)) {
            return true;
        }
        boolean answer = Boolean.TRUE.equals(jdbc.sql("select cw_tenant_is_within(?, ?)")
                .params(home.value(), target.value()).query(Boolean.class).single());
        if (answer) {
            within.put(key, Boolean.TRUE);
        }
        return answer;
    }

    /** {@code root} and all its descendants, parents before children, siblings by name. */
    public List<Tenant> subtree(TenantId root) {
        List<Tenant> all = TenantContext.callAs(root, () -> jdbc.sql(
                        "select id, parent_id, name, kind, created_at from tenants order by name, id")
                .query((rs, n) -> new Tenant(new TenantId(rs.getObject(1, UUID.class)),
                        rs.getObject(2) == null ? null : new TenantId(rs.getObject(2, UUID.class)),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list());
        List<Tenant> ordered = new ArrayList<>(all.size());
        all.stream().filter(t -> t.id().equals(root)).findFirst().ifPresent(t -> addWithChildren(t, all, ordered));
        return ordered;
    }

    private static void addWithChildren(Tenant node, List<Tenant> all, List<Tenant> out) {
        out.add(node);
        all.stream().filter(t -> node.id().equals(t.parentId())).forEach(t -> addWithChildren(t, all, out));
    }

    /**
     * Creates a child of {@code parent} (which must be the caller's active tenant or within it). An MSP may have
     * CUSTOMER children, a CUSTOMER BUSINESS_UNIT children, a BUSINESS_UNIT none.
     */
    @Transactional
    public Tenant createChild(TenantId parent, String name, String kind) {
        Tenant p = TenantContext.callAs(parent, () -> identity.findTenant(parent))
                .orElseThrow(() -> new CloudwardenException(CommonErrorCode.NOT_FOUND, "the tenant does not exist"));
        String allowed = CHILD_KIND.get(p.kind());
        if (kind == null || !List.of("MSP", "CUSTOMER", "BUSINESS_UNIT").contains(kind)) {
            throw CloudwardenException.invalid("invalid tenant",
                    List.of(new FieldProblem("kind", "must be one of MSP, CUSTOMER, BUSINESS_UNIT")));
        }
        if (!Objects.equals(allowed, kind)) {
            throw new CloudwardenException(IdentityErrorCode.TENANT_KIND_NOT_ALLOWED, allowed == null
                    ? "a " + p.kind() + " tenant cannot have child tenants"
                    : "a " + p.kind() + " tenant may only have " + allowed + " children, not " + kind);
        }
        Tenant created = identity.createTenant(name, kind, parent);
        TenantContext.runAs(parent, () -> events.publishEvent(new TenantCreated(parent, created.id(), created.name(),
                created.kind(), RequestActor.actor(), RequestActor.sourceIp(), Instant.now())));
        return created;
    }

    /** Renames {@code id}, which must be within the caller's active tenant (else not found). */
    @Transactional
    public Tenant rename(TenantId active, TenantId id, String name) {
        if (name == null || name.isBlank() || name.trim().length() > 200) {
            throw CloudwardenException.invalid("invalid tenant", List.of(new FieldProblem("name", "must be 1 to 200 characters")));
        }
        Optional<Tenant> found = isWithin(active, id) ? TenantContext.callAs(active, () -> identity.findTenant(id)) : Optional.empty();
        Tenant before = found.orElseThrow(() -> new CloudwardenException(CommonErrorCode.NOT_FOUND, "no tenant " + id));
        TenantContext.runAs(active, () -> {
            jdbc.sql("update tenants set name = ? where id = ?").params(name.trim(), id.value()).update();
            events.publishEvent(new TenantRenamed(active, id, before.name(), name.trim(), RequestActor.actor(),
                    RequestActor.sourceIp(), Instant.now()));
        });
        return TenantContext.callAs(active, () -> identity.findTenant(id)).orElseThrow();
    }
}
