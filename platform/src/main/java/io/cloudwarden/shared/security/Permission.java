package io.cloudwarden.shared.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * A fine-grained permission. Roles (built-in and tenant-defined) are named sets of these; every API
 * endpoint declares the one it needs with {@link RequiresPermission}. The wire form is {@link #key()},
 * for example {@code inventory:read}.
 */
public enum Permission {
    /** Act on one's own profile, preferences, sessions, MFA and API keys. Every role has it. */
    SELF_MANAGE("self:manage", "Manage one's own profile, sessions, MFA and API keys"),
    INVENTORY_READ("inventory:read", "View resources, their history and relationships"),
    INVENTORY_EXPORT("inventory:export", "Export resource lists as CSV"),
    ACCOUNTS_READ("accounts:read", "View cloud accounts, connectors and sync history"),
    ACCOUNTS_MANAGE("accounts:manage", "Register, change and remove cloud accounts"),
    ACCOUNTS_SYNC("accounts:sync", "Test accounts and start syncs"),
    COST_READ("cost:read", "View costs, the explorer, allocation results, chargeback and budgets"),
    COST_IMPORT("cost:import", "Import cost exports"),
    COST_EXPORT("cost:export", "Export cost data (FOCUS CSV, chargeback reports)"),
    COST_MANAGE_ALLOCATION("cost:manage-allocation", "Create and change allocation rules and shared-cost splits"),
    COST_MANAGE_BUDGETS("cost:manage-budgets", "Create and change budgets and the saved explorer filters they can be scoped by"),
    POLICY_READ("policy:read", "View policies, findings and exceptions"),
    POLICY_MANAGE("policy:manage", "Create and change policies and exceptions"),
    POLICY_APPROVE_REMEDIATION("policy:approve-remediation", "Approve remediation and exceptions"),
    MONITORING_READ("monitoring:read", "View metrics, alerts and incidents"),
    MONITORING_MANAGE("monitoring:manage", "Manage alert rules, SLOs and notification channels"),
    AUDIT_READ("audit:read", "Read the audit log, proofs, checkpoints and anchors"),
    AUDIT_MANAGE("audit:manage", "Change audit log settings, rotate checkpoint keys, issue checkpoints"),
    EVIDENCE_READ("evidence:read", "View evidence items, packs and control catalogues"),
    EVIDENCE_EXPORT("evidence:export", "Generate and download evidence packs, reports and audit bundles"),
    EVIDENCE_MANAGE("evidence:manage", "Add evidence items"),
    IDENTITY_READ_USERS("identity:read-users", "View users, roles and invitations"),
    IDENTITY_MANAGE_USERS("identity:manage-users", "Invite, deactivate and change users and their roles"),
    IDENTITY_MANAGE_ROLES("identity:manage-roles", "Define custom roles"),
    IDENTITY_MANAGE_SSO("identity:manage-sso", "Configure single sign-on providers and mappings"),
    IDENTITY_MANAGE_API_KEYS("identity:manage-api-keys", "Create and revoke service-account API keys for the tenant"),
    ACCESS_REQUEST("access:request", "Request just-in-time elevation"),
    ACCESS_APPROVE("access:approve", "Approve or deny just-in-time requests and revoke grants"),
    ACCESS_REVIEW("access:review", "Run access review campaigns and certify or revoke access"),
    TENANT_READ("tenant:read", "View the tenant, its settings and child tenants"),
    TENANT_MANAGE_SETTINGS("tenant:manage-settings", "Change tenant settings"),
    TENANT_MANAGE_CHILDREN("tenant:manage-children", "Create and change child tenants (customers, business units)");

    private final String key;
    private final String description;

    Permission(String key, String description) {
        this.key = key;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    public static Optional<Permission> fromKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
