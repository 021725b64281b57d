package io.cloudwarden.inventory.internal;

import io.cloudwarden.connector.spi.CloudProvider;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A validated resource query. Values within one list are alternatives (OR); the lists, tag conditions and
 * text are combined with AND.
 *
 * @param tagEquals      normalised tag key to required value
 * @param tagPresent     normalised keys that must be present
 * @param tagMissing     normalised keys that must be absent
 * @param text           case-insensitive substring of name or native id, or null
 * @param asOf           answer from the versions valid at this instant instead of the current state, or null
 */
public record ResourceFilter(Set<CloudProvider> providers, Set<UUID> accounts, Set<String> regions, Set<String> types,
                             Set<String> states, Map<String, String> tagEquals, Set<String> tagPresent,
                             Set<String> tagMissing, String text, boolean includeDeleted, Instant asOf) {

    /** Whether only provider, account, region, type and state conditions are set (the facet rollup can answer). */
    public boolean onlyDimensions() {
        return tagEquals.isEmpty() && tagPresent.isEmpty() && tagMissing.isEmpty() && text == null && !includeDeleted
                && asOf == null;
    }

    /** Page parameters of a list request. */
    public record Page(ResourceSort sort, int limit, List<String> cursorKeys) {
    }
}
