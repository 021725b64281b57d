package io.cloudwarden.identity;

import static io.cloudwarden.shared.security.Permission.*;

import io.cloudwarden.shared.security.Permission;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in roles: named sets of {@link Permission}s defined in code, the same in every tenant. Every role
 * has {@link Permission#SELF_MANAGE} and {@link Permission#ACCESS_REQUEST}. Tenants add their own roles
 * ({@code custom:<slug>}) made from the same permissions.
 */
public enum BuiltInRole {
    VIEWER("Viewer", "Reads inventory, accounts, costs, policies, monitoring and the tenant",
            INVENTORY_READ, ACCOUNTS_READ, COST_READ, POLICY_READ, MONITORING_READ, TENANT_READ),
    OPERATOR("Operator", "A viewer who also starts syncs and exports inventory",
            INVENTORY_READ, INVENTORY_EXPORT, ACCOUNTS_READ, ACCOUNTS_SYNC, COST_READ, POLICY_READ, MONITORING_READ,
            MONITORING_MANAGE, TENANT_READ),
    ENGINEER("Engineer", "Manages cloud accounts, monitoring and policies",
            INVENTORY_READ, INVENTORY_EXPORT, ACCOUNTS_READ, ACCOUNTS_MANAGE, ACCOUNTS_SYNC, COST_READ, POLICY_READ,
            POLICY_MANAGE, MONITORING_READ, MONITORING_MANAGE, TENANT_READ),
    FINOPS("FinOps", "Everything about cost: read, import, export, allocation and budgets",
            INVENTORY_READ, ACCOUNTS_READ, COST_READ, COST_IMPORT, COST_EXPORT, COST_MANAGE_ALLOCATION,
            COST_MANAGE_BUDGETS, TENANT_READ),
    SECURITY("Security", "Manages policies and remediation approvals, reads the audit log, runs access reviews",
            INVENTORY_READ, ACCOUNTS_READ, POLICY_READ, POLICY_MANAGE, POLICY_APPROVE_REMEDIATION, MONITORING_READ,
            AUDIT_READ, EVIDENCE_READ, IDENTITY_READ_USERS, ACCESS_REVIEW, TENANT_READ),
    AUDITOR("Auditor", "Reads the audit log and evidence and exports evidence packs",
            INVENTORY_READ, ACCOUNTS_READ, POLICY_READ, AUDIT_READ, EVIDENCE_READ, EVIDENCE_EXPORT,
            IDENTITY_READ_USERS, TENANT_READ),
    ADMIN("Administrator", "Everything in the tenant except creating and changing child tenants",
            EnumSet.complementOf(EnumSet.of(TENANT_MANAGE_CHILDREN)).toArray(Permission[]::new)),
    MSP_ADMIN("MSP administrator", "Everything, including child tenants", Permission.values());

    private final String displayName;
    private final String description;
    private final Set<Permission> permissions;

    BuiltInRole(String displayName, String description, Permission... permissions) {
        this.displayName = displayName;
        this.description = description;
        EnumSet<Permission> set = EnumSet.of(SELF_MANAGE, ACCESS_REQUEST);
        set.addAll(Arrays.asList(permissions));
        this.permissions = Collections.unmodifiableSet(set);
    }

    /** The role key stored in {@code users.roles}: the constant's name. */
    public String key() {
        return name();
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    /** The permissions this role grants (unmodifiable). */
    public Set<Permission> permissions() {
        return permissions;
    }

    /** The built-in role with {@code key}, if it is one. */
    public static Optional<BuiltInRole> fromKey(String key) {
        return Arrays.stream(values()).filter(r -> r.name().equals(key)).findFirst();
    }
}
