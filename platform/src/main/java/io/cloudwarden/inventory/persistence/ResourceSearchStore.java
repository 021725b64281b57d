package io.cloudwarden.inventory.persistence;

import io.cloudwarden.inventory.internal.ResourceFilter;
import io.cloudwarden.inventory.internal.ResourceViews.FacetCount;
import io.cloudwarden.inventory.internal.ResourceViews.ResourceFacets;
import io.cloudwarden.inventory.internal.ResourceViews.ResourceSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Resource list (keyset-paged) and facet counts. */
@Repository
public class ResourceSearchStore {

    private static final TypeReference<Map<String, String>> TAGS = new TypeReference<>() {
    };
    private static final List<String> DIMENSIONS = List.of("provider", "type", "region", "account", "state");

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ResourceSearchStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Matches above this count are "common": the query filters an ordered scan instead of driving from the ids. */
    static final int SELECTIVE_MATCHES = 2000;

    /** Counts matches, stopping after {@link #SELECTIVE_MATCHES} + 1 (V3_4). */
    private boolean selective(ResourceSelection.Match match, String argument) {
        String sql = match == ResourceSelection.Match.TAG
                ? "select cw_inventory_tag_match_count(?::jsonb, ?)" : "select cw_inventory_text_match_count(?, ?)";
        return jdbc.sql(sql).params(argument, SELECTIVE_MATCHES + 1).query(Integer.class).single() <= SELECTIVE_MATCHES;
    }

    /** Up to {@code page.limit() + 1} rows after the cursor, so the caller knows whether there is a next page. */
    public List<ResourceSummary> search(UUID tenant, ResourceFilter filter, ResourceFilter.Page page) {
        ResourceSelection s = ResourceSelection.of(tenant, filter, this::selective);
        List<String> keyColumns = page.sort().keys().stream().map(s::col).toList();
        String direction = page.sort().descending() ? " desc" : "";
        StringBuilder sql = new StringBuilder("select r.id, r.provider, r.native_id, r.type, ")
                .append(s.col("name")).append(", ").append(s.col("region")).append(", ").append(s.col("state"))
                .append(", r.account_id, a.name, ").append(s.col("tags")).append("::text, ").append(s.col("version"))
                .append(", ").append(s.col("lastChanged")).append(", ").append(s.col("deletedAt"))
                .append(" from ").append(s.from).append(" where ").append(s.where);
        List<Object> params = new ArrayList<>(s.params);
        if (!page.cursorKeys().isEmpty()) {
            sql.append(" and (").append(String.join(", ", keyColumns)).append(page.sort().descending() ? ") < (" : ") > (");
            for (int i = 0; i < keyColumns.size(); i++) {
                String key = page.sort().keys().get(i);
                sql.append(i > 0 ? ", " : "").append(switch (key) {
                    case "id" -> "?::uuid";
                    case "lastChanged" -> "?::timestamptz";
                    default -> "?";
                });
                params.add(page.cursorKeys().get(i));
            }
            sql.append(")");
        }
        sql.append(" order by ").append(String.join(direction + ", ", keyColumns)).append(direction)
                .append(" limit ").append(page.limit() + 1);
        planForTheseValues();
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> summary(rs)).list();
    }

    /** Counts per provider, type, region, account and state; from the rollup when the filter allows. */
    public ResourceFacets facets(UUID tenant, ResourceFilter filter) {
        String source;
        String count;
        List<Object> params;
        if (filter.onlyDimensions()) {
            StringBuilder where = new StringBuilder("f.tenant_id = ?");
            params = new ArrayList<>(List.of(tenant));
            in(where, params, "f.provider", filter.providers().stream().map(p -> p.wireName()).toList());
            in(where, params, "f.account_id", new ArrayList<>(filter.accounts()));
            in(where, params, "f.type", new ArrayList<>(filter.types()));
            in(where, params, "f.region", new ArrayList<>(filter.regions()));
            in(where, params, "f.state", new ArrayList<>(filter.states()));
            source = "select f.provider, f.type, f.region, f.account_id, f.state, f.count from resource_facet_counts f where " + where;
            count = "sum(count)";
        } else {
            ResourceSelection s = ResourceSelection.of(tenant, filter, this::selective);
            source = "select r.provider, r.type, " + s.col("region") + " as region, r.account_id, " + s.col("state")
                    + " as state from " + s.from + " where " + s.where;
            params = s.params;
            count = "count(*)";
        }
        String sql = """
                select grouping(provider) = 0 as by_provider, grouping(type) = 0 as by_type, grouping(region) = 0 as by_region,
                       grouping(account_id) = 0 as by_account, grouping(state) = 0 as by_state,
                       provider, type, region, account_id::text, state, %s as n
                from (%s) x
                group by grouping sets ((provider), (type), (region), (account_id), (state), ())
                """.formatted(count, source);
        planForTheseValues();
        long[] total = {0};
        Map<String, List<FacetCount>> byDimension = new java.util.HashMap<>();
        DIMENSIONS.forEach(d -> byDimension.put(d, new ArrayList<>()));
        jdbc.sql(sql).params(params).query(rs -> {
            long n = rs.getLong("n");
            for (int i = 0; i < DIMENSIONS.size(); i++) {
                if (rs.getBoolean(i + 1)) {
                    byDimension.get(DIMENSIONS.get(i)).add(new FacetCount(rs.getString(6 + i), null, n));
                    return;
                }
            }
            total[0] = n;
        });
        Map<String, String> accountNames = accountNames(tenant);
        List<FacetCount> accounts = byDimension.get("account").stream()
                .map(c -> new FacetCount(c.value(), accountNames.get(c.value()), c.count())).toList();
        return new ResourceFacets(total[0], sorted(byDimension.get("provider")), sorted(byDimension.get("type")),
                sorted(byDimension.get("region")), sorted(accounts), sorted(byDimension.get("state")));
    }

    /**
     * A generic plan of a prepared search (which pgjdbc switches to after five executions) cannot know whether a
     * text pattern or tag is selective, and picks an ordered scan that can read every row for a rare match. The
     * planner therefore plans each search for its values; this needs the caller's (read-only) transaction.
     */
    private void planForTheseValues() {
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
    }

    private Map<String, String> accountNames(UUID tenant) {
        Map<String, String> names = new java.util.HashMap<>();
        jdbc.sql("select account_id::text, name from inventory_accounts where tenant_id = ?").param(tenant)
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    private static List<FacetCount> sorted(List<FacetCount> counts) {
        return counts.stream().sorted((x, y) -> x.count() != y.count() ? Long.compare(y.count(), x.count())
                : String.valueOf(x.value()).compareTo(String.valueOf(y.value()))).toList();
    }

    private static void in(StringBuilder where, List<Object> params, String column, List<?> values) {
        if (!values.isEmpty()) {
            where.append(" and ").append(column).append(" in (").append("?, ".repeat(values.size() - 1)).append("?)");
            params.addAll(values);
        }
    }

    private ResourceSummary summary(ResultSet rs) throws SQLException {
        Instant deletedAt = instant(rs.getTimestamp(13));
        return new ResourceSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                emptyToNull(rs.getString(5)), emptyToNull(rs.getString(6)), emptyToNull(rs.getString(7)),
                rs.getObject(8, UUID.class), rs.getString(9), json.readValue(rs.getString(10), TAGS), rs.getInt(11),
                instant(rs.getTimestamp(12)), deletedAt != null, deletedAt);
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
