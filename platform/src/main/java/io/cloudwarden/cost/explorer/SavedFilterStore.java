package io.cloudwarden.cost.explorer;

import io.cloudwarden.cost.CostErrorCode;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.CursorPage;
import io.cloudwarden.shared.Cursors;
import io.cloudwarden.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Saved filters of the explorer (callers run in the tenant's context). */
@Repository
class SavedFilterStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    SavedFilterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page by name; {@code q} (optional) is a case-insensitive substring of the name. */
    CursorPage<SavedFilter> list(TenantId tenant, String q, String cursor, int limit) {
        String fingerprint = "saved-filters:" + (q == null ? "" : q);
        StringBuilder sql = new StringBuilder("select * from cost_saved_filters where tenant_id = ?");
        List<Object> params = new ArrayList<>(List.of(tenant.value()));
        if (q != null) {
            sql.append(" and strpos(lower(name), lower(?)) > 0");
            params.add(q);
        }
        if (cursor != null) {
            List<String> c = Cursors.decode(cursor, fingerprint, 2);
            sql.append(" and (name, id) > (?, ?)");
            params.add(c.get(0));
            params.add(uuid(c.get(1)));
        }
        sql.append(" order by name, id limit ?");
        params.add(limit + 1);
        List<SavedFilter> items = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(SavedFilterStore::map).list());
        String next = null;
        if (items.size() > limit) {
            items.remove(limit);
            SavedFilter last = items.get(limit - 1);
            next = Cursors.encode(fingerprint, List.of(last.name(), last.id().toString()));
        }
        return new CursorPage<>(items, next);
    }

    Optional<SavedFilter> find(TenantId tenant, UUID id) {
        return jdbc.sql("select * from cost_saved_filters where tenant_id = ? and id = ?").params(tenant.value(), id)
                .query(SavedFilterStore::map).optional();
    }

    void insert(TenantId tenant, SavedFilter f) {
        try {
            jdbc.sql("""
                    insert into cost_saved_filters (id, tenant_id, name, description, filters, group_by, metric, granularity, created_by)
                    values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?)""")
                    .params(f.id(), tenant.value(), f.name(), f.description(), json(f.filters()), json(f.groupBy()), f.metric(),
                            f.granularity(), f.createdBy())
                    .update();
        } catch (DuplicateKeyException e) {
            throw taken(f.name());
        }
    }

    /** Replaces a saved filter's definition; false when there is none with that id. */
    boolean update(TenantId tenant, SavedFilter f) {
        try {
            return jdbc.sql("""
                    update cost_saved_filters set name = ?, description = ?, filters = cast(? as jsonb), group_by = cast(? as jsonb),
                      metric = ?, granularity = ?, updated_at = now()
                    where tenant_id = ? and id = ?""")
                    .params(f.name(), f.description(), json(f.filters()), json(f.groupBy()), f.metric(), f.granularity(),
                            tenant.value(), f.id())
                    .update() > 0;
        } catch (DuplicateKeyException e) {
            throw taken(f.name());
        }
    }

    boolean delete(TenantId tenant, UUID id) {
        return jdbc.sql("delete from cost_saved_filters where tenant_id = ? and id = ?").params(tenant.value(), id).update() > 0;
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new CloudwardenException(CommonErrorCode.INVALID_CURSOR,
                    "the cursor is not valid; use the nextCursor value of a previous page unchanged");
        }
    }

    private static CloudwardenException taken(String name) {
        return new CloudwardenException(CostErrorCode.SAVED_FILTER_NAME_TAKEN, "a saved filter named " + name + " exists already");
    }

    private static String json(Object o) {
        return o == null ? null : JSON.writeValueAsString(o);
    }

    private static SavedFilter map(ResultSet rs, int n) throws SQLException {
        String groupBy = rs.getString("group_by");
        return new SavedFilter(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                JSON.readValue(rs.getString("filters"), STRINGS), groupBy == null ? null : JSON.readValue(groupBy, STRINGS),
                rs.getString("metric"), rs.getString("granularity"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
