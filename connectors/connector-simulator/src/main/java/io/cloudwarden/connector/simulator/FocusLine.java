package io.cloudwarden.connector.simulator;

/**
 * One FOCUS 1.2 row being generated: a text value (pre-encoded CSV bytes, or null) or a decimal (nanos, or
 * {@link #NULL}) per column, in the column order of {@link #HEADER}. Rows start from a per-resource template so
 * only the varying fields are set per row.
 */
final class FocusLine {

    /** Marks a decimal column as FOCUS null. */
    static final long NULL = Long.MIN_VALUE;

    /** The 57 FOCUS 1.2 column ids, in the order Cloudwarden writes them (alphabetical, as FocusColumn). */
    static final String[] COLUMNS = {"AvailabilityZone", "BilledCost", "BillingAccountId", "BillingAccountName",
            "BillingAccountType", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart", "CapacityReservationId",
            "CapacityReservationStatus", "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargeFrequency",
            "ChargePeriodEnd", "ChargePeriodStart", "CommitmentDiscountCategory", "CommitmentDiscountId",
            "CommitmentDiscountName", "CommitmentDiscountQuantity", "CommitmentDiscountStatus",
            "CommitmentDiscountType", "CommitmentDiscountUnit", "ConsumedQuantity", "ConsumedUnit", "ContractedCost",
            "ContractedUnitPrice", "EffectiveCost", "InvoiceId", "InvoiceIssuerName", "ListCost", "ListUnitPrice",
            "PricingCategory", "PricingCurrency", "PricingCurrencyContractedUnitPrice", "PricingCurrencyEffectiveCost",
            "PricingCurrencyListUnitPrice", "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName",
            "RegionId", "RegionName", "ResourceId", "ResourceName", "ResourceType", "ServiceCategory", "ServiceName",
            "ServiceSubcategory", "SkuId", "SkuMeter", "SkuPriceDetails", "SkuPriceId", "SubAccountId",
            "SubAccountName", "SubAccountType", "Tags"};
    static final String HEADER = String.join(",", COLUMNS) + "\n";

    static final int AVAILABILITY_ZONE = 0, BILLED_COST = 1, BILLING_ACCOUNT_ID = 2, BILLING_ACCOUNT_NAME = 3,
            BILLING_ACCOUNT_TYPE = 4, BILLING_CURRENCY = 5, BILLING_PERIOD_END = 6, BILLING_PERIOD_START = 7,
            CHARGE_CATEGORY = 10, CHARGE_CLASS = 11, CHARGE_DESCRIPTION = 12, CHARGE_FREQUENCY = 13,
            CHARGE_PERIOD_END = 14, CHARGE_PERIOD_START = 15, COMMITMENT_CATEGORY = 16, COMMITMENT_ID = 17,
            COMMITMENT_NAME = 18, COMMITMENT_QUANTITY = 19, COMMITMENT_STATUS = 20, COMMITMENT_TYPE = 21,
            COMMITMENT_UNIT = 22, CONSUMED_QUANTITY = 23, CONSUMED_UNIT = 24, CONTRACTED_COST = 25,
            CONTRACTED_UNIT_PRICE = 26, EFFECTIVE_COST = 27, INVOICE_ID = 28, INVOICE_ISSUER = 29, LIST_COST = 30,
            LIST_UNIT_PRICE = 31, PRICING_CATEGORY = 32, PRICING_CURRENCY = 33, PC_CONTRACTED_UNIT_PRICE = 34,
            PC_EFFECTIVE_COST = 35, PC_LIST_UNIT_PRICE = 36, PRICING_QUANTITY = 37, PRICING_UNIT = 38,
            PROVIDER = 39, PUBLISHER = 40, REGION_ID = 41, REGION_NAME = 42, RESOURCE_ID = 43, RESOURCE_NAME = 44,
            RESOURCE_TYPE = 45, SERVICE_CATEGORY = 46, SERVICE_NAME = 47, SERVICE_SUBCATEGORY = 48, SKU_ID = 49,
            SKU_METER = 50, SKU_PRICE_DETAILS = 51, SKU_PRICE_ID = 52, SUB_ACCOUNT_ID = 53, SUB_ACCOUNT_NAME = 54,
            SUB_ACCOUNT_TYPE = 55, TAGS = 56;

    static final boolean[] DECIMAL = new boolean[COLUMNS.length];

    static {
        for (int c : new int[]{BILLED_COST, COMMITMENT_QUANTITY, CONSUMED_QUANTITY, CONTRACTED_COST,
                CONTRACTED_UNIT_PRICE, EFFECTIVE_COST, LIST_COST, LIST_UNIT_PRICE, PC_CONTRACTED_UNIT_PRICE,
                PC_EFFECTIVE_COST, PC_LIST_UNIT_PRICE, PRICING_QUANTITY}) {
            DECIMAL[c] = true;
        }
    }

    final byte[][] text = new byte[COLUMNS.length][];
    final long[] number = new long[COLUMNS.length];

    /** Starts a row from {@code template}: all text values copied, all decimals null. */
    FocusLine reset(byte[][] template) {
        System.arraycopy(template, 0, text, 0, text.length);
        java.util.Arrays.fill(number, NULL);
        return this;
    }

    FocusLine set(int column, byte[] value) {
        text[column] = value;
        return this;
    }

    FocusLine set(int column, String value) {
        text[column] = value == null ? null : FocusCsvWriter.field(value);
        return this;
    }

    FocusLine num(int column, long nanos) {
        number[column] = nanos;
        return this;
    }

    long num(int column) {
        return number[column];
    }

    /**
     * Sets quantity, unit prices and the list and contracted costs of a priced charge, plus billed and effective
     * cost equal to the contracted cost (on-demand); commitment coverage overrides billed and effective.
     */
    FocusLine priced(long quantity, long listUnitNanos, long contractedUnitNanos) {
        long quantityNanos = quantity * 1_000_000_000L;
        num(PRICING_QUANTITY, quantityNanos).num(CONSUMED_QUANTITY, quantityNanos);
        num(LIST_UNIT_PRICE, listUnitNanos).num(PC_LIST_UNIT_PRICE, listUnitNanos);
        num(CONTRACTED_UNIT_PRICE, contractedUnitNanos).num(PC_CONTRACTED_UNIT_PRICE, contractedUnitNanos);
        num(LIST_COST, quantity * listUnitNanos);
        long contracted = quantity * contractedUnitNanos;
        num(CONTRACTED_COST, contracted);
        return costs(contracted, contracted);
    }

    /** Sets billed and effective cost (and the pricing-currency effective cost). */
    FocusLine costs(long billedNanos, long effectiveNanos) {
        num(BILLED_COST, billedNanos).num(EFFECTIVE_COST, effectiveNanos);
        return num(PC_EFFECTIVE_COST, effectiveNanos);
    }

    /** Sets every cost column to {@code nanos}: purchases, credits, taxes and refunds that have no unit price. */
    FocusLine flat(long nanos) {
        num(LIST_COST, nanos).num(CONTRACTED_COST, nanos);
        return costs(nanos, nanos);
    }
}
