package io.cloudwarden.cost.ledger;

import io.cloudwarden.cost.allocation.RowAllocator;
import io.cloudwarden.cost.focus.FocusColumn;
import io.cloudwarden.cost.focus.FocusRow;
import io.cloudwarden.shared.persistence.CopyTextWriter;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a load accumulates while its rows stream to the database (ADR 35): the two rollups of its rows
 * ({@code cost_daily_rollup} and {@code cost_resource_monthly}, each per billing period),
 * the (billing account, billing period) pairs with their row counts, and the tag keys seen. Aggregating here instead
 * of in SQL afterwards saves a second pass over every row. Sums are exact ({@link BigDecimal}); like the SQL rebuild in
 * {@link CostRollups}, a row's cost counts on the UTC day its charge period starts, absent optional costs count 0,
 * and a resource's descriptive columns are the greatest value its rows carry.
 */
final class LoadAggregates {

    /** A (billing account, billing period) a load contains. */
    record Period(String account, LocalDate start) implements Comparable<Period> {
        @Override
        public int compareTo(Period o) {
            int c = account.compareTo(o.account);
            return c != 0 ? c : start.compareTo(o.start);
        }
    }

    private record DailyKey(LocalDate day, LocalDate period, String account, String subAccount, String provider, String service,
                            String serviceCategory, String region, String chargeCategory, String pricingCategory, String currency,
                            String team, String project, String environment, String costCenter) {
    }

    private record ResourceKey(LocalDate month, LocalDate period, String account, String resourceId, String team, String currency) {
    }

    /** Running sums of one rollup row. */
    static class Sums {
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal effective = BigDecimal.ZERO;
        BigDecimal list = BigDecimal.ZERO;
        BigDecimal contracted = BigDecimal.ZERO;
        long rows;

        void add(BigDecimal b, BigDecimal e, BigDecimal l, BigDecimal c) {
            billed = billed.add(b);
            if (e != null) {
                effective = effective.add(e);
            }
            if (l != null) {
                list = list.add(l);
            }
            if (c != null) {
                contracted = contracted.add(c);
            }
            rows++;
        }
    }

    /** Sums of a resource, with its descriptive columns (the greatest value seen, as SQL's max). */
    static final class ResourceSums extends Sums {
        String name = "";
        String type = "";
        String provider = "";
        String service = "";
        String region = "";

        void describe(FocusRow row) {
            name = max(name, row.get(FocusColumn.RESOURCE_NAME));
            type = max(type, row.get(FocusColumn.RESOURCE_TYPE));
            provider = max(provider, row.get(FocusColumn.PROVIDER_NAME));
            service = max(service, row.get(FocusColumn.SERVICE_NAME));
            region = max(region, row.get(FocusColumn.REGION_ID));
        }

        private static String max(String current, String candidate) {
            return candidate != null && candidate.compareTo(current) > 0 ? candidate : current;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<DailyKey, Sums> daily = new HashMap<>();
    private final Map<ResourceKey, ResourceSums> resourceMonthly = new HashMap<>();
    private final Map<Period, long[]> periods = new TreeMap<>();
    private final Set<String> tagKeys = new TreeSet<>();
    private final Set<String> tagTexts = new java.util.HashSet<>();
    private final Map<String, LocalDate> dates = new HashMap<>();
    private long rows;

    /** Adds one row, as allocated ({@code allocation} null: unallocated). */
    void add(FocusRow row, RowAllocator.Allocation allocation) {
        rows++;
        LocalDate day = date(row.get(FocusColumn.CHARGE_PERIOD_START));
        LocalDate period = date(row.get(FocusColumn.BILLING_PERIOD_START));
        String account = row.get(FocusColumn.BILLING_ACCOUNT_ID);
        String currency = row.get(FocusColumn.BILLING_CURRENCY);
        String team = allocation == null ? "" : blank(allocation.team());
        BigDecimal billed = new BigDecimal(row.get(FocusColumn.BILLED_COST));
        BigDecimal effective = decimal(row.get(FocusColumn.EFFECTIVE_COST));
        BigDecimal list = decimal(row.get(FocusColumn.LIST_COST));
        BigDecimal contracted = decimal(row.get(FocusColumn.CONTRACTED_COST));

        periods.computeIfAbsent(new Period(account, period), p -> new long[1])[0]++;
        daily.computeIfAbsent(new DailyKey(day, period, account, blank(row.get(FocusColumn.SUB_ACCOUNT_ID)),
                blank(row.get(FocusColumn.PROVIDER_NAME)), blank(row.get(FocusColumn.SERVICE_NAME)),
                blank(row.get(FocusColumn.SERVICE_CATEGORY)), blank(row.get(FocusColumn.REGION_ID)),
                blank(row.get(FocusColumn.CHARGE_CATEGORY)), blank(row.get(FocusColumn.PRICING_CATEGORY)), currency, team,
                allocation == null ? "" : blank(allocation.project()), allocation == null ? "" : blank(allocation.environment()),
                allocation == null ? "" : blank(allocation.costCenter())), k -> new Sums())
                .add(billed, effective, list, contracted);
        // cost without a resource counts under resource id "", so grouping by resource adds up to the total
        ResourceSums m = resourceMonthly.computeIfAbsent(new ResourceKey(day.withDayOfMonth(1), period, account,
                blank(row.get(FocusColumn.RESOURCE_ID)), team, currency), k -> new ResourceSums());
        m.add(billed, effective, list, contracted);
        m.describe(row);
        String tags = row.get(FocusColumn.TAGS);
        if (tags != null && tagTexts.add(tags)) {
            tagKeys(tags);
            if (tagTexts.size() >= 50_000) {
                tagTexts.clear(); // bounded memory; texts seen again are parsed again, which only costs time
            }
        }
    }

    long rows() {
        return rows;
    }

    /** The (billing account, billing period) pairs with their row counts, in order. */
    Map<Period, long[]> periods() {
        return periods;
    }

    Set<String> tagKeys() {
        return tagKeys;
    }

    static final String DAILY_COLUMNS = "tenant_id, day, billing_period_start, billing_account_id, sub_account_id, provider_name, "
            + "service_name, service_category, region_id, charge_category, pricing_category, billing_currency, alloc_team, "
            + "alloc_project, alloc_environment, alloc_cost_center, billed_cost, effective_cost, list_cost, contracted_cost, row_count";

    static final String RESOURCE_MONTHLY_COLUMNS = "tenant_id, month, billing_period_start, billing_account_id, resource_id, "
            + "alloc_team, billing_currency, resource_name, resource_type, provider_name, service_name, region_id, billed_cost, "
            + "effective_cost, list_cost, contracted_cost, row_count";

    void writeDaily(CopyTextWriter out, UUID tenant) throws SQLException {
        String t = tenant.toString();
        for (var e : daily.entrySet()) {
            DailyKey k = e.getKey();
            out.text(t).text(k.day.toString()).text(k.period.toString()).text(k.account).text(k.subAccount).text(k.provider)
                    .text(k.service).text(k.serviceCategory).text(k.region).text(k.chargeCategory).text(k.pricingCategory)
                    .text(k.currency).text(k.team).text(k.project).text(k.environment).text(k.costCenter);
            sums(out, e.getValue());
        }
    }

    void writeResourceMonthly(CopyTextWriter out, UUID tenant) throws SQLException {
        String t = tenant.toString();
        for (var e : resourceMonthly.entrySet()) {
            ResourceKey k = e.getKey();
            ResourceSums s = e.getValue();
            out.text(t).text(k.month.toString()).text(k.period.toString()).text(k.account).text(k.resourceId).text(k.team)
                    .text(k.currency).text(s.name).text(s.type).text(s.provider).text(s.service).text(s.region);
            sums(out, s);
        }
    }

    private static void sums(CopyTextWriter out, Sums s) throws SQLException {
        out.text(s.billed.toPlainString()).text(s.effective.toPlainString()).text(s.list.toPlainString())
                .text(s.contracted.toPlainString()).number(s.rows);
        out.endRow();
    }

    private void tagKeys(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node.isObject()) {
                tagKeys.addAll(node.propertyNames());
            }
        } catch (RuntimeException e) {
            // not a JSON object: the conformance report names it; it has no keys to offer the explorer
        }
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    /** The UTC date of a FOCUS datetime; the converters write {@code yyyy-MM-ddTHH:mm:ssZ}, which needs no parsing. */
    private LocalDate date(String datetime) {
        if (datetime.length() == 20 && datetime.charAt(19) == 'Z') {
            String ymd = datetime.substring(0, 10);
            LocalDate d = dates.get(ymd);
            if (d == null) {
                d = LocalDate.parse(ymd);
                dates.put(ymd, d);
            }
            return d;
        }
        return OffsetDateTime.parse(datetime).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }
}
