package io.cloudwarden.shared;

/**
 * How long a tenant's audit entries stay online and its evidence items are kept. The evidence module owns
 * and implements it; tenant settings (identity) read and write it through this kernel interface, so neither
 * module depends on the other's internals (evidence already reads tenant names from identity).
 */
public interface TenantDataRetention {

    /**
     * Retention in days; {@code null} means the installation default.
     *
     * @param auditOnlineDays days audit entries stay in the database before they are archived
     * @param evidenceDays    days evidence items are kept
     */
    record Days(Integer auditOnlineDays, Integer evidenceDays) {
    }

    /** The tenant's retention. */
    Days retention(TenantId tenant);

    /**
     * Sets the tenant's retention (each change recorded in its audit log, in the caller's transaction if
     * there is one) and returns the result; values outside 1..36500 are rejected with a problem.
     */
    Days setRetention(TenantId tenant, Days days, String actor, String sourceIp);
}
