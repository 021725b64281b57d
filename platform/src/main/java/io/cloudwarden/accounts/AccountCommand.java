package io.cloudwarden.accounts;

import java.util.Map;

/**
 * Fields to register or change an account. On update, null fields are left as they are; in {@code config}
 * a key mapped to null removes the value, and secret fields that are absent keep their stored value.
 *
 * @param name                display name, unique within the tenant
 * @param connector           connector type name (register only), e.g. {@code simulator}
 * @param config              connector configuration, plain and secret values together
 * @param enabled             whether scheduled syncs run
 * @param syncIntervalSeconds cadence of scheduled syncs, 60 s to 7 days
 */
public record AccountCommand(String name, String connector, Map<String, String> config, Boolean enabled,
                             Long syncIntervalSeconds) {

    @Override
    public String toString() {
        return "AccountCommand[name=" + name + ", connector=" + connector + ", configKeys="
                + (config == null ? "[]" : config.keySet()) + "]";
    }
}
