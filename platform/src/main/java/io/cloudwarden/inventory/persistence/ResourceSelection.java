package io.cloudwarden.inventory.persistence;

import io.cloudwarden.connector.spi.CloudProvider;
import io.cloudwarden.inventory.internal.ResourceFilter;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The FROM and WHERE of a resource query, with its positional parameters. Current queries read
 * {@code resources}; as-of queries read the version valid at the instant, joined to its resource for the
 * immutable key columns. Column expressions are looked up by logical name, so sorting, paging and facets
 * are written once for both.
 */
final class ResourceSelection {

    final String from;
    final StringBuilder where = new StringBuilder();
    final List<Object> params = new ArrayList<>();
    private final Map<String, String> columns;

    private ResourceSelection(String from, Map<String, String> columns) {
        this.from = from;
        this.columns = columns;
    }

    /** What a selectivity probe counts. */
    enum Match { TAG, TEXT }

    /**
     * Tells whether a tag or text match is selective enough (few ids) that driving the query from the
     * owner-run match function beats scanning an ordered index and filtering.
     */
    @FunctionalInterface
    interface MatchProbe {
        boolean selective(Match match, String argument);
    }

    static ResourceSelection of(UUID tenant, ResourceFilter f, MatchProbe probe) {
        ResourceSelection s;
        if (f.asOf() == null) {
            s = new ResourceSelection("resources r left join inventory_accounts a on a.account_id = r.account_id", Map.of(
                    "name", "r.name", "region", "r.region", "state", "r.state", "tags", "r.tags", "version", "r.version",
                    "lastChanged", "r.last_changed", "deletedAt", "r.deleted_at", "id", "r.id"));
            s.where.append("r.tenant_id = ?");
            s.params.add(tenant);
            if (!f.includeDeleted()) {
                s.where.append(" and r.deleted_at is null");
            }
        } else {
            s = new ResourceSelection("resource_versions v join resources r on r.id = v.resource_id "
                    + "left join inventory_accounts a on a.account_id = r.account_id", Map.of(
                    "name", "v.name", "region", "v.region", "state", "v.state", "tags", "v.tags", "version", "v.version",
                    "lastChanged", "v.valid_from",
                    "deletedAt", "(case when v.change = 'DELETED' then v.valid_from end)", "id", "r.id"));
            Timestamp at = Timestamp.from(f.asOf());
            s.where.append("v.tenant_id = ? and r.tenant_id = ? and v.valid_from <= ? and (v.valid_to is null or v.valid_to > ?)");
            s.params.addAll(List.of(tenant, tenant, at, at));
            if (!f.includeDeleted()) {
                s.where.append(" and v.change <> 'DELETED'");
            }
        }
        s.in("r.provider", f.providers().stream().map(CloudProvider::wireName).toList());
        s.in("r.account_id", f.accounts());
        s.in("r.type", f.types());
        s.in(s.col("region"), f.regions());
        s.in(s.col("state"), f.states());
        // For current live rows, a selective tag or text match is found through the owner's functions, which can use
        // the GIN and trigram indexes that row-level security keeps the planner from using (see V3_2 on LEAKPROOF).
        // A common tag or text (thousands of matches) is better served by the plain predicate: an ordered index
        // scan then finds the first page after a few hundred rows instead of fetching and sorting every match.
        boolean indexedMatch = f.asOf() == null && !f.includeDeleted();
        if (!f.tagEquals().isEmpty()) {
            String tags = JsonText.object(f.tagEquals());
            if (indexedMatch && probe.selective(Match.TAG, tags)) {
                s.where.append(" and r.id in (select cw_inventory_tag_matches(?::jsonb))");
                s.params.add(tags);
            }
            s.where.append(" and ").append(s.col("tags")).append(" @> ?::jsonb");
            s.params.add(tags);
        }
        for (String key : f.tagPresent()) {
            s.where.append(" and jsonb_exists(").append(s.col("tags")).append(", ?)");
            s.params.add(key);
        }
        for (String key : f.tagMissing()) {
            s.where.append(" and not jsonb_exists(").append(s.col("tags")).append(", ?)");
            s.params.add(key);
        }
        if (f.text() != null) {
            String pattern = "%" + f.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            if (indexedMatch && probe.selective(Match.TEXT, pattern)) {
                s.where.append(" and r.id in (select cw_inventory_text_matches(?))");
                s.params.add(pattern);
            }
            s.where.append(" and (").append(s.col("name")).append(" ilike ? or r.native_id ilike ?)");
            s.params.addAll(List.of(pattern, pattern));
        }
        return s;
    }

    String col(String logical) {
        String c = columns.get(logical);
        return c == null ? "r." + logical : c;
    }

    private void in(String column, Collection<?> values) {
        if (values.isEmpty()) {
            return;
        }
        where.append(" and ").append(column).append(" in (").append("?, ".repeat(values.size() - 1)).append("?)");
        params.addAll(values);
    }
}
