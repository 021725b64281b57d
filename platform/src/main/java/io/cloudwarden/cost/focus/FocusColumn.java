package io.cloudwarden.cost.focus;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The FOCUS 1.2 columns (specification v1.2, {@code specification/columns}), in the order Cloudwarden
 * writes them. A {@link FocusRow} holds one normalised text value per column.
 */
public enum FocusColumn {
    AVAILABILITY_ZONE("AvailabilityZone", Type.STRING),
    BILLED_COST("BilledCost", Type.DECIMAL),
    BILLING_ACCOUNT_ID("BillingAccountId", Type.STRING),
    BILLING_ACCOUNT_NAME("BillingAccountName", Type.STRING),
    BILLING_ACCOUNT_TYPE("BillingAccountType", Type.STRING),
    BILLING_CURRENCY("BillingCurrency", Type.STRING),
    BILLING_PERIOD_END("BillingPeriodEnd", Type.DATETIME),
    BILLING_PERIOD_START("BillingPeriodStart", Type.DATETIME),
    CAPACITY_RESERVATION_ID("CapacityReservationId", Type.STRING),
    CAPACITY_RESERVATION_STATUS("CapacityReservationStatus", Type.STRING),
    CHARGE_CATEGORY("ChargeCategory", Type.STRING),
    CHARGE_CLASS("ChargeClass", Type.STRING),
    CHARGE_DESCRIPTION("ChargeDescription", Type.STRING),
    CHARGE_FREQUENCY("ChargeFrequency", Type.STRING),
    CHARGE_PERIOD_END("ChargePeriodEnd", Type.DATETIME),
    CHARGE_PERIOD_START("ChargePeriodStart", Type.DATETIME),
    COMMITMENT_DISCOUNT_CATEGORY("CommitmentDiscountCategory", Type.STRING),
    COMMITMENT_DISCOUNT_ID("CommitmentDiscountId", Type.STRING),
    COMMITMENT_DISCOUNT_NAME("CommitmentDiscountName", Type.STRING),
    COMMITMENT_DISCOUNT_QUANTITY("CommitmentDiscountQuantity", Type.DECIMAL),
    COMMITMENT_DISCOUNT_STATUS("CommitmentDiscountStatus", Type.STRING),
    COMMITMENT_DISCOUNT_TYPE("CommitmentDiscountType", Type.STRING),
    COMMITMENT_DISCOUNT_UNIT("CommitmentDiscountUnit", Type.STRING),
    CONSUMED_QUANTITY("ConsumedQuantity", Type.DECIMAL),
    CONSUMED_UNIT("ConsumedUnit", Type.STRING),
    CONTRACTED_COST("ContractedCost", Type.DECIMAL),
    CONTRACTED_UNIT_PRICE("ContractedUnitPrice", Type.DECIMAL),
    EFFECTIVE_COST("EffectiveCost", Type.DECIMAL),
    INVOICE_ID("InvoiceId", Type.STRING),
    INVOICE_ISSUER_NAME("InvoiceIssuerName", Type.STRING),
    LIST_COST("ListCost", Type.DECIMAL),
    LIST_UNIT_PRICE("ListUnitPrice", Type.DECIMAL),
    PRICING_CATEGORY("PricingCategory", Type.STRING),
    PRICING_CURRENCY("PricingCurrency", Type.STRING),
    PRICING_CURRENCY_CONTRACTED_UNIT_PRICE("PricingCurrencyContractedUnitPrice", Type.DECIMAL),
    PRICING_CURRENCY_EFFECTIVE_COST("PricingCurrencyEffectiveCost", Type.DECIMAL),
    PRICING_CURRENCY_LIST_UNIT_PRICE("PricingCurrencyListUnitPrice", Type.DECIMAL),
    PRICING_QUANTITY("PricingQuantity", Type.DECIMAL),
    PRICING_UNIT("PricingUnit", Type.STRING),
    PROVIDER_NAME("ProviderName", Type.STRING),
    PUBLISHER_NAME("PublisherName", Type.STRING),
    REGION_ID("RegionId", Type.STRING),
    REGION_NAME("RegionName", Type.STRING),
    RESOURCE_ID("ResourceId", Type.STRING),
    RESOURCE_NAME("ResourceName", Type.STRING),
    RESOURCE_TYPE("ResourceType", Type.STRING),
    SERVICE_CATEGORY("ServiceCategory", Type.STRING),
    SERVICE_NAME("ServiceName", Type.STRING),
    SERVICE_SUBCATEGORY("ServiceSubcategory", Type.STRING),
    SKU_ID("SkuId", Type.STRING),
    SKU_METER("SkuMeter", Type.STRING),
    SKU_PRICE_DETAILS("SkuPriceDetails", Type.JSON),
    SKU_PRICE_ID("SkuPriceId", Type.STRING),
    SUB_ACCOUNT_ID("SubAccountId", Type.STRING),
    SUB_ACCOUNT_NAME("SubAccountName", Type.STRING),
    SUB_ACCOUNT_TYPE("SubAccountType", Type.STRING),
    TAGS("Tags", Type.JSON);

    /** The FOCUS data types. Normalised text forms: {@link #DECIMAL} is a plain decimal string
     * ({@code BigDecimal.toPlainString()}), {@link #DATETIME} is ISO 8601 UTC ({@code 2024-09-01T00:00:00Z}),
     * {@link #JSON} is compact JSON text. */
    public enum Type { STRING, DECIMAL, DATETIME, JSON }

    private static final Map<String, FocusColumn> BY_ID = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(c -> c.id, Function.identity()));

    private final String id;
    private final Type type;

    FocusColumn(String id, Type type) {
        this.id = id;
        this.type = type;
    }

    /** The FOCUS column ID, for example {@code BilledCost}. */
    public String id() {
        return id;
    }

    public Type type() {
        return type;
    }

    /** The column ID in snake case ({@code BilledCost} → {@code billed_cost}), as the ledger's column is named. */
    public String snakeCase() {
        StringBuilder out = new StringBuilder(id.length() + 8);
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    public static Optional<FocusColumn> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
