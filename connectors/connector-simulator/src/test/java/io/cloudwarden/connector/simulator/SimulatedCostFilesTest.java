package io.cloudwarden.connector.simulator;

import io.cloudwarden.connector.spi.CostExportFile;
import io.cloudwarden.connector.spi.CostExportFormat;
import io.cloudwarden.connector.spi.DiscoveredResource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's FOCUS cost files for one AWS account of 2,000 resources (and its Azure and GCP twins where a
 * property is per provider): coverage, determinism, commitments and amortization, the join to inventory,
 * anomalies against their ground truth, tags, marketplace, seasonality and growth.
 */
class SimulatedCostFilesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> AWS = FocusFiles.config("aws", 2000, Map.of());
    private static List<CostExportFile> files;
    private static List<FocusFiles.Row> rows;

    private static synchronized List<FocusFiles.Row> rows() {
        if (rows == null) {
            files = FocusFiles.list(AWS);
            rows = FocusFiles.rows(FocusFiles.focus(files));
        }
        return rows;
    }

    private static BigDecimal sum(List<FocusFiles.Row> rows, String column) {
        return rows.stream().map(r -> r.cost(column)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void coversThirteenBillingPeriodsOfDailyFilesUpToYesterday() {
        rows();
        List<CostExportFile> focus = FocusFiles.focus(files);
        assertThat(focus).hasSize(396);
        LocalDate day = LocalDate.of(2024, 12, 1);
        for (CostExportFile f : focus) {
            assertThat(f.key()).endsWith("/focus-" + day + ".csv.gz").contains("/" + YearMonth.from(day) + "/");
            assertThat(f.billingPeriod()).isEqualTo(YearMonth.from(day));
            assertThat(f.compression()).isEqualTo("gzip");
            day = day.plusDays(1);
        }
        assertThat(day).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(files.stream().filter(f -> f.format().equals(CostExportFormat.SIMULATOR_ANOMALY_LABELS)))
                .hasSize(13);
        Map<String, Long> perDay = rows.stream().filter(r -> r.get("ChargeClass") == null)
                .collect(Collectors.groupingBy(r -> r.get("ChargePeriodStart"), Collectors.counting()));
        assertThat(perDay).hasSize(396);
        assertThat(rows.size() / 396.0).as("rows per day at the default costRowsPerDay (80)").isBetween(50.0, 100.0);

        List<CostExportFile> later = FocusFiles.focus(FocusFiles.list(FocusFiles.config("aws", 2000,
                Map.of("costToday", "2026-01-15"))));
        assertThat(later.get(0).key()).endsWith("focus-2025-01-01.csv.gz");
        assertThat(later.get(later.size() - 1).key()).endsWith("focus-2026-01-14.csv.gz");
        assertThat(FocusFiles.rows(later.get(later.size() - 1))).allSatisfy(r -> assertThat(r.get("InvoiceId")).isNull());
        assertThat(FocusFiles.rows(later.get(0))).allSatisfy(r -> assertThat(r.get("InvoiceId")).startsWith("INV-202501-"));
    }

    @Test
    void listingAndContentAreDeterministicAndFingerprintsFollowTheContent() {
        List<CostExportFile> first = FocusFiles.list(AWS);
        List<CostExportFile> second = FocusFiles.list(AWS);
        assertThat(second).isEqualTo(first);
        CostExportFile a = FocusFiles.focus(first).get(100);
        CostExportFile b = FocusFiles.focus(second).get(100);
        assertThat(FocusCostFiles.bytes(b)).isEqualTo(FocusCostFiles.bytes(a));
        List<CostExportFile> otherSeed = FocusFiles.focus(FocusFiles.list(FocusFiles.config("aws", 2000,
                Map.of("seed", "43", "billingAccountId", "295837838887"))));
        assertThat(a.key()).startsWith("focus/295837838887/123456789012/");
        assertThat(otherSeed.get(100).key()).isEqualTo(a.key());
        assertThat(otherSeed.get(100).fingerprint()).isNotEqualTo(a.fingerprint());
        assertThat(FocusCostFiles.bytes(otherSeed.get(100))).isNotEqualTo(FocusCostFiles.bytes(a));
    }

    @Test
    void reservationAndSavingsPlanAmortizeExactlyIntoCoveredAndUnusedUsage() {
        List<FocusFiles.Row> all = rows();
        List<FocusFiles.Row> committed = all.stream().filter(r -> "Committed".equals(r.get("PricingCategory"))).toList();
        assertThat(committed).extracting(r -> r.get("CommitmentDiscountStatus")).contains("Used", "Unused");
        assertThat(committed).allSatisfy(r -> {
            assertThat(r.get("ChargeCategory")).isEqualTo("Usage");
            assertThat(r.cost("BilledCost")).isZero();
            assertThat(r.cost("EffectiveCost")).isPositive();
            assertThat(r.cost("ListCost")).isGreaterThanOrEqualTo(r.cost("ContractedCost"));
            assertThat(r.cost("ContractedCost")).isGreaterThanOrEqualTo(r.cost("EffectiveCost"));
        });
        Map<String, List<FocusFiles.Row>> byCommitment = all.stream().filter(r -> r.get("CommitmentDiscountId") != null)
                .collect(Collectors.groupingBy(r -> r.get("CommitmentDiscountId")));
        assertThat(byCommitment.keySet()).anyMatch(id -> id.contains(":reserved-instances/"))
                .anyMatch(id -> id.contains(":savingsplan/"));
        byCommitment.forEach((id, commitmentRows) -> {
            Map<YearMonth, List<FocusFiles.Row>> byMonth = commitmentRows.stream()
                    .collect(Collectors.groupingBy(r -> YearMonth.parse(r.get("ChargePeriodStart").substring(0, 7))));
            if (id.contains(":reserved-instances/")) {
                List<FocusFiles.Row> purchases = purchases(commitmentRows);
                if (commitmentRows.stream().anyMatch(r -> r.get("ChargePeriodStart").startsWith("2024-12-01"))) {
                    assertThat(purchases).as("purchase of the reservation starting 2024-12-01").hasSize(1);
                    assertThat(purchases.get(0).get("ChargeFrequency")).isEqualTo("One-Time");
                    assertThat(sum(usage(commitmentRows), "EffectiveCost")).as("amortized %s over its year", id)
                            .isEqualByComparingTo(purchases.get(0).cost("BilledCost"));
                    assertThat(byMonth.keySet()).hasSize(12);
                }
            } else {
                assertThat(byMonth).hasSize(12);
                byMonth.forEach((month, monthRows) -> {
                    List<FocusFiles.Row> fee = purchases(monthRows);
                    assertThat(fee).as("savings plan fee of %s", month).hasSize(1);
                    assertThat(fee.get(0).get("ChargeFrequency")).isEqualTo("Recurring");
                    assertThat(sum(usage(monthRows), "EffectiveCost")).as("savings plan amortized in %s", month)
                            .isEqualByComparingTo(fee.get(0).cost("BilledCost"));
                });
            }
        });
        assertThat(sum(all, "BilledCost")).isNotEqualByComparingTo(sum(all, "EffectiveCost"));
    }

    private static List<FocusFiles.Row> purchases(List<FocusFiles.Row> rows) {
        return rows.stream().filter(r -> r.get("ChargeCategory").equals("Purchase")).peek(r -> {
            assertThat(r.cost("EffectiveCost")).isZero();
            assertThat(r.cost("BilledCost")).isPositive();
        }).toList();
    }

    private static List<FocusFiles.Row> usage(List<FocusFiles.Row> rows) {
        return rows.stream().filter(r -> r.get("ChargeCategory").equals("Usage")).toList();
    }

    @Test
    void everyResourceIdIsAnInventoryIdAndTheResourceMatches() {
        Map<String, DiscoveredResource> inventory = SimulatedEstate.of(AWS).resources(1)
                .collect(Collectors.toMap(DiscoveredResource::nativeId, r -> r));
        Set<String> costed = new HashSet<>();
        for (FocusFiles.Row r : rows()) {
            String id = r.get("ResourceId");
            if (id != null) {
                assertThat(inventory).containsKey(id);
                DiscoveredResource resource = inventory.get(id);
                assertThat(r.get("ResourceName")).isEqualTo(resource.name());
                if (!resource.region().equals("global")) {
                    assertThat(r.get("RegionId")).isEqualTo(resource.region());
                }
                assertThat(tags(r)).isEqualTo(resource.tags());
                costed.add(id);
            }
        }
        assertThat(costed.size()).as("resources with cost").isBetween(40, 80);
    }

    private static Map<String, String> tags(FocusFiles.Row r) {
        Map<String, String> tags = new HashMap<>();
        if (r.get("Tags") != null) {
            JsonNode node = JSON.readTree(r.get("Tags"));
            assertThat(node.isObject()).isTrue();
            node.properties().forEach(e -> tags.put(e.getKey(), e.getValue().asString()));
        }
        return tags;
    }

    @Test
    void anomalySidecarsMatchTheInjectedExtraSpend() {
        rows();
        List<CostAnomaly> truth = SimulatedEstate.of(AWS).costAnomalies();
        assertThat(truth).as("injected anomalies over 13 months").hasSizeGreaterThanOrEqualTo(2);
        List<JsonNode> listed = new ArrayList<>();
        files.stream().filter(f -> f.format().equals(CostExportFormat.SIMULATOR_ANOMALY_LABELS))
                .forEach(f -> JSON.readTree(FocusFiles.text(f)).get("anomalies").forEach(listed::add));
        assertThat(listed).hasSameSizeAs(truth);
        for (int i = 0; i < truth.size(); i++) {
            CostAnomaly a = truth.get(i);
            assertThat(listed.get(i).get("resourceId").asString()).isEqualTo(a.resourceId());
            assertThat(new BigDecimal(listed.get(i).get("expectedExtraCost").asString())).isEqualByComparingTo(a.expectedExtraCost());
            BigDecimal extra = BigDecimal.ZERO;
            for (LocalDate d = a.startDay(); !d.isAfter(a.endDay()); d = d.plusDays(1)) {
                extra = extra.add(resourceCost(FocusFiles.day(AWS, d, true), a.resourceId()))
                        .subtract(resourceCost(FocusFiles.day(AWS, d, false), a.resourceId()));
            }
            assertThat(extra).as("injected spend of %s", a).isEqualByComparingTo(a.expectedExtraCost()).isPositive();
            assertThat(rows.stream().filter(r -> a.resourceId().equals(r.get("ResourceId"))))
                    .anySatisfy(r -> assertThat(r.get("ServiceName")).isEqualTo(a.serviceName()));
        }
    }

    private static BigDecimal resourceCost(List<FocusFiles.Row> rows, String resourceId) {
        return sum(rows.stream().filter(r -> resourceId.equals(r.get("ResourceId"))).toList(), "EffectiveCost");
    }

    @Test
    void untaggedSpendMarketplaceCreditsRefundsAndTaxesArePresent() {
        List<FocusFiles.Row> all = rows();
        BigDecimal total = sum(all, "EffectiveCost");
        BigDecimal untagged = sum(all.stream().filter(r -> r.get("Tags") == null).toList(), "EffectiveCost");
        assertThat(untagged.doubleValue() / total.doubleValue()).as("untagged share").isBetween(0.02, 0.9);
        Set<String> keys = all.stream().filter(r -> r.get("Tags") != null).flatMap(r -> tags(r).keySet().stream())
                .collect(Collectors.toSet());
        assertThat(keys).as("tag keys as teams spell them").containsAnyOf("Team", "Owner")
                .containsAnyOf("team", "owner").containsAnyOf("CostCenter", "cost-center");
        assertThat(all).anySatisfy(r -> {
            assertThat(r.get("PublisherName")).isNotEqualTo(r.get("ProviderName"));
            assertThat(r.get("InvoiceIssuerName")).isEqualTo("Amazon Web Services, Inc.");
        });
        assertThat(all).extracting(r -> r.get("ChargeCategory")).contains("Usage", "Purchase", "Credit");
        assertThat(all).filteredOn(r -> "Credit".equals(r.get("ChargeCategory")))
                .allSatisfy(r -> assertThat(r.cost("BilledCost")).isNegative());
        assertThat(all).filteredOn(r -> "Correction".equals(r.get("ChargeClass"))).isNotEmpty().allSatisfy(r -> {
            assertThat(r.cost("BilledCost")).isNegative();
            assertThat(r.get("ChargePeriodStart").substring(0, 7)).isLessThan(r.get("BillingPeriodStart").substring(0, 7));
        });
        for (String provider : new String[]{"azure", "gcp"}) {
            List<FocusFiles.Row> sample = FocusFiles.rows(FocusFiles.focus(FocusFiles.list(FocusFiles.config(provider, 600,
                    Map.of()))).subList(0, 40));
            assertThat(sample).extracting(r -> r.get("ProviderName")).contains(provider.equals("gcp") ? "Google Cloud" : "Microsoft");
            assertThat(sample).anySatisfy(r -> assertThat(r.get("PublisherName")).isNotEqualTo(r.get("ProviderName")));
        }
        List<FocusFiles.Row> taxed = FocusFiles.rows(FocusFiles.focus(FocusFiles.list(AWS)).subList(0, 3));
        assertThat(taxed).anySatisfy(r -> assertThat(r.get("ChargeCategory")).isEqualTo("Tax"));
    }

    @Test
    void spendFollowsTheWeekAndGrows() {
        Map<String, BigDecimal> daily = new HashMap<>();
        for (FocusFiles.Row r : rows()) {
            if ("Usage".equals(r.get("ChargeCategory")) && r.get("ChargeClass") == null) {
                daily.merge(r.get("ChargePeriodStart").substring(0, 10), r.cost("ListCost"), BigDecimal::add);
            }
        }
        double weekday = 0;
        double weekend = 0;
        for (Map.Entry<String, BigDecimal> e : daily.entrySet()) {
            DayOfWeek dow = LocalDate.parse(e.getKey()).getDayOfWeek();
            if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
                weekend += e.getValue().doubleValue() / 2;
            } else {
                weekday += e.getValue().doubleValue() / 5;
            }
        }
        assertThat(weekend).as("mean weekend day vs mean weekday").isLessThan(weekday * 0.97);
        double first = daily.entrySet().stream().filter(e -> e.getKey().startsWith("2024-12"))
                .mapToDouble(e -> e.getValue().doubleValue()).sum();
        double last = daily.entrySet().stream().filter(e -> e.getKey().startsWith("2025-12"))
                .mapToDouble(e -> e.getValue().doubleValue()).sum();
        assertThat(last).as("December 2025 vs December 2024 list cost").isGreaterThan(first * 1.2);
    }
}
