package io.cloudwarden.cli.bench;

import io.cloudwarden.shared.TenantId;

/**
 * The tenant benchmarks run in, with a user that can log in over HTTP.
 *
 * @param tenant   the tenant to bind
 * @param username login name
 * @param password its password (random per run)
 */
public record BenchTenant(TenantId tenant, String username, String password) {

    @Override
    public String toString() {
        return "BenchTenant[" + tenant + ", " + username + "]";
    }
}
