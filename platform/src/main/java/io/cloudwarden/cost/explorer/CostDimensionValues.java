package io.cloudwarden.cost.explorer;

import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the explorer's pickers offer: the dimensions, the tag keys seen, and a dimension's values by cost. */
@Service
public class CostDimensionValues {

    public static final int MAX_VALUES = 200;

    private final JdbcClient jdbc;

    CostDimensionValues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record DimensionValue(String value, BigDecimal effectiveCost) {
    }

    @Transactional(readOnly = true)
    public List<String> tagKeys() {
        return jdbc.sql("select tag_key from cost_tag_keys where tenant_id = ? order by lower(tag_key), tag_key")
                .param(TenantContext.require().value()).query(String.class).list();
    }

    /** The values of {@code dimension} with spend between {@code from} and {@code to}, largest first. */
    @Transactional(readOnly = true)
    public List<DimensionValue> values(ExplorerQuery.Dimension dimension, LocalDate from, LocalDate to, String contains) {
        TenantId tenant = TenantContext.require();
        String table;
        String expr;
        String range;
        boolean rows = dimension.builtIn() == null || !(dimension.builtIn().inDailyRollup() || dimension.builtIn().inResourceRollup());
        if (rows) {
            table = "cost_rows";
            range = "charge_period_start >= (?::date)::timestamp at time zone 'UTC' and charge_period_start < (?::date)::timestamp at time zone 'UTC'";
        } else if (dimension.builtIn().inDailyRollup()) {
            table = "cost_daily_rollup";
            range = "day >= ? and day < ?";
        } else {
            // resource dimensions: ranked by the spend of the whole months the range touches (the monthly resource rollup)
            table = "cost_resource_monthly";
            range = "month >= date_trunc('month', ?::date) and month < ?";
        }
        expr = dimension.builtIn() != null ? "coalesce(" + dimension.builtIn().column() + ", '')" : "coalesce(tags ->> ?, '')";
        var spec = jdbc.sql("select " + expr + " v, sum(effective_cost) from " + table + " where tenant_id = ? and " + range
                + (contains == null ? "" : " and " + expr + " ilike ?") + " group by 1 order by 2 desc nulls last limit " + MAX_VALUES);
        int i = 0;
        if (dimension.builtIn() == null) {
            spec = spec.param(++i, dimension.tagKey());
        }
        spec = spec.param(++i, tenant.value()).param(++i, from).param(++i, to);
        if (contains != null) {
            if (dimension.builtIn() == null) {
                spec = spec.param(++i, dimension.tagKey());
            }
            spec = spec.param(++i, "%" + contains.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return spec.query((rs, n) -> new DimensionValue(rs.getString(1), rs.getBigDecimal(2))).list();
    }
}
