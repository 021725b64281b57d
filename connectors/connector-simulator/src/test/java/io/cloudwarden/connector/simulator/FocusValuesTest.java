package io.cloudwarden.connector.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every value the simulator writes is valid FOCUS 1.2: allowed values, nullability, formats, cost arithmetic. */
class FocusValuesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DATETIME = "\\d{4}-\\d{2}-\\d{2}T00:00:00Z";
    private static final Set<String> SUBCATEGORIES = Set.of("Virtual Machines", "Block Storage", "Backup Storage",
            "Network Infrastructure", "Relational Databases", "Application Networking", "Serverless Compute",
            "Containers", "Object Storage", "Secret Management", "Network Connectivity", "Observability",
            "Quality Assurance", "Other (Other)");

    @ParameterizedTest
    @ValueSource(strings = {"aws", "azure", "gcp"})
    void valuesAreValidFocus(String provider) {
        var files = FocusFiles.focus(FocusFiles.list(FocusFiles.config(provider, 1000, Map.of())));
        List<FocusFiles.Row> rows = FocusFiles.rows(List.of(files.get(0), files.get(4), files.get(200), files.get(395)));
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            String category = r.get("ChargeCategory");
            assertThat(category).isIn("Usage", "Purchase", "Tax", "Credit", "Adjustment");
            assertThat(r.get("ChargeClass")).isIn(null, "Correction");
            assertThat(r.get("ChargeFrequency")).isIn("One-Time", "Recurring", "Usage-Based");
            assertThat(r.get("ChargeDescription")).isNotBlank();
            if (category.equals("Tax")) {
                assertThat(r.get("PricingCategory")).isNull();
            } else if (r.get("ChargeClass") == null && !category.equals("Credit")) {
                assertThat(r.get("PricingCategory")).isIn("Standard", "Committed", "Dynamic", "Other");
                BigDecimal quantity = r.cost("PricingQuantity");
                assertThat(r.cost("ListCost")).isEqualByComparingTo(r.cost("ListUnitPrice").multiply(quantity));
                assertThat(r.cost("ContractedCost")).isEqualByComparingTo(r.cost("ContractedUnitPrice").multiply(quantity));
                assertThat(r.cost("ListUnitPrice")).isGreaterThanOrEqualTo(r.cost("ContractedUnitPrice"));
                assertThat(r.get("PricingUnit")).isNotBlank();
            }
            if ("Standard".equals(r.get("PricingCategory")) && category.equals("Usage")) {
                assertThat(r.cost("EffectiveCost")).isEqualByComparingTo(r.cost("BilledCost"))
                        .isEqualByComparingTo(r.cost("ContractedCost"));
            }
            if (r.get("CommitmentDiscountId") != null) {
                assertThat(r.get("CommitmentDiscountCategory")).isIn("Spend", "Usage");
                assertThat(r.get("CommitmentDiscountType")).isNotBlank();
                if (category.equals("Usage")) {
                    assertThat(r.get("CommitmentDiscountStatus")).isIn("Used", "Unused");
                }
            } else {
                assertThat(r.get("CommitmentDiscountStatus")).isNull();
            }
            assertThat(r.get("ServiceSubcategory")).isIn(SUBCATEGORIES);
            for (String c : List.of("ChargePeriodStart", "ChargePeriodEnd", "BillingPeriodStart", "BillingPeriodEnd")) {
                assertThat(r.get(c)).matches(DATETIME);
            }
            assertThat(r.get("BillingCurrency")).isEqualTo("USD");
            assertThat(r.get("PricingCurrency")).isEqualTo("USD");
            assertThat(r.cost("PricingCurrencyEffectiveCost")).isEqualByComparingTo(r.cost("EffectiveCost"));
            for (String c : List.of("Tags", "SkuPriceDetails")) {
                if (r.get(c) != null) {
                    assertThat(JSON.readTree(r.get(c)).isObject()).as("%s is a JSON object", c).isTrue();
                }
            }
            if (r.get("SkuPriceDetails") != null) {
                assertThat(r.get("SkuPriceId")).isNotNull();
            }
            assertThat(r.get("BillingAccountId")).isNotBlank();
            assertThat(r.get("SubAccountId")).isNotBlank();
            assertThat(r.get("InvoiceIssuerName")).isNotBlank();
        });
    }

    /**
     * FOCUS 1.2 quantity nullability, on 20,000 generated rows (they hold purchases, unused commitments, credits,
     * taxes and corrections): ConsumedQuantity is null on non-usage and on unused-commitment rows and set on other
     * usage unless a correction; a unit is null exactly when its quantity is; usage and purchases have a SKU.
     */
    @Test
    void quantitiesAndUnitsFollowFocusNullability() throws Exception {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        FocusCostFileGenerator.write(csv, 20_000, 7);
        List<FocusFiles.Row> rows = FocusFiles.parse(new ByteArrayInputStream(csv.toByteArray()));
        assertThat(rows).hasSize(20_000);
        assertThat(rows).filteredOn(r -> "Correction".equals(r.get("ChargeClass"))).isNotEmpty();
        assertThat(rows).filteredOn(r -> "Purchase".equals(r.get("ChargeCategory"))).isNotEmpty();
        assertThat(rows).filteredOn(r -> "Unused".equals(r.get("CommitmentDiscountStatus"))).isNotEmpty();
        assertThat(rows).allSatisfy(r -> {
            boolean usage = "Usage".equals(r.get("ChargeCategory"));
            boolean unused = "Unused".equals(r.get("CommitmentDiscountStatus"));
            boolean correction = "Correction".equals(r.get("ChargeClass"));
            if (!usage || unused) {
                assertThat(r.get("ConsumedQuantity")).as("ConsumedQuantity of %s", r).isNull();
            } else if (!correction) {
                assertThat(r.get("ConsumedQuantity")).as("ConsumedQuantity of %s", r).isNotNull();
            }
            assertThat(r.get("ConsumedUnit") == null).as("ConsumedUnit null iff ConsumedQuantity null: %s", r)
                    .isEqualTo(r.get("ConsumedQuantity") == null);
            assertThat(r.get("PricingUnit") == null).as("PricingUnit null iff PricingQuantity null: %s", r)
                    .isEqualTo(r.get("PricingQuantity") == null);
            if (r.get("CommitmentDiscountId") == null) {
                assertThat(r.get("CommitmentDiscountStatus")).isNull();
            }
            if ((usage || "Purchase".equals(r.get("ChargeCategory"))) && !correction) {
                assertThat(r.get("SkuId")).as("SkuId of %s", r).isNotNull();
                assertThat(r.get("SkuPriceId")).as("SkuPriceId of %s", r).isNotNull();
            }
        });
    }
}
