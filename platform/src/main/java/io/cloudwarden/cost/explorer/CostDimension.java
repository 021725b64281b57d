package io.cloudwarden.cost.explorer;

import io.cloudwarden.cost.focus.FocusColumn;
import java.util.Arrays;
import java.util.Optional;

/**
 * A dimension the explorer groups and filters by: a FOCUS column, an allocation dimension, or (separately,
 * see {@link ExplorerQuery.Dimension}) a tag key. Each says where it can be answered from: the daily rollup,
 * the monthly per-resource rollup, or only the cost rows themselves.
 */
public enum CostDimension {
    PROVIDER("provider", "provider_name", true, true, FocusColumn.PROVIDER_NAME),
    PUBLISHER("publisher", "publisher_name", false, false, FocusColumn.PUBLISHER_NAME),
    SERVICE("service", "service_name", true, true, FocusColumn.SERVICE_NAME),
    SERVICE_CATEGORY("serviceCategory", "service_category", true, false, FocusColumn.SERVICE_CATEGORY),
    ACCOUNT("account", "billing_account_id", true, true, FocusColumn.BILLING_ACCOUNT_ID),
    SUB_ACCOUNT("subAccount", "sub_account_id", true, false, FocusColumn.SUB_ACCOUNT_ID),
    REGION("region", "region_id", true, true, FocusColumn.REGION_ID),
    CHARGE_CATEGORY("chargeCategory", "charge_category", true, false, FocusColumn.CHARGE_CATEGORY),
    PRICING_CATEGORY("pricingCategory", "pricing_category", true, false, FocusColumn.PRICING_CATEGORY),
    RESOURCE("resource", "resource_id", false, true, FocusColumn.RESOURCE_ID),
    RESOURCE_TYPE("resourceType", "resource_type", false, true, FocusColumn.RESOURCE_TYPE),
    SKU("sku", "sku_id", false, false, FocusColumn.SKU_ID),
    COMMITMENT("commitment", "commitment_discount_id", false, false, FocusColumn.COMMITMENT_DISCOUNT_ID),
    TEAM("team", "alloc_team", true, true, null),
    PROJECT("project", "alloc_project", true, false, null),
    ENVIRONMENT("environment", "alloc_environment", true, false, null),
    COST_CENTER("costCenter", "alloc_cost_center", true, false, null);

    private final String key;
    private final String column;
    private final boolean inDailyRollup;
    private final boolean inResourceRollup;
    private final FocusColumn focusColumn;

    CostDimension(String key, String column, boolean inDailyRollup, boolean inResourceRollup, FocusColumn focusColumn) {
        this.key = key;
        this.column = column;
        this.inDailyRollup = inDailyRollup;
        this.inResourceRollup = inResourceRollup;
        this.focusColumn = focusColumn;
    }

    /** The name used in the API, e.g. {@code service}. */
    public String key() {
        return key;
    }

    /** The column in every source table (the rollups store '' where the ledger has null). */
    String column() {
        return column;
    }

    boolean inDailyRollup() {
        return inDailyRollup;
    }

    boolean inResourceRollup() {
        return inResourceRollup;
    }

    /** Whether this is an allocation dimension, whose empty value is the "unallocated" bucket. */
    public boolean allocation() {
        return focusColumn == null;
    }

    public static Optional<CostDimension> byKey(String key) {
        return Arrays.stream(values()).filter(d -> d.key.equals(key)).findFirst();
    }
}
