package io.cloudwarden.cost.ingest;

import io.cloudwarden.cost.CostErrorCode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Decides a file's {@link CostFormat} from its header columns (for JSON lines, the first object's keys). */
final class FormatDetector {

    /** The outcome: the format and why. */
    record Detection(CostFormat format, String because) {
    }

    private static final Set<String> FOCUS_1_2_ONLY = Set.of("billingaccounttype", "subaccounttype", "invoiceid",
            "pricingcurrency", "pricingcurrencycontractedunitprice", "pricingcurrencyeffectivecost",
            "pricingcurrencylistunitprice");
    private static final Set<String> FOCUS_1_1_ONLY = Set.of("capacityreservationid", "capacityreservationstatus",
            "commitmentdiscountquantity", "commitmentdiscountunit", "servicesubcategory", "skumeter", "skupricedetails");

    private FormatDetector() {
    }

    static Detection detect(List<String> header, String fileName) {
        Set<String> h = header.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (h.contains("billedcost") && (h.contains("chargeperiodstart") || h.contains("billingperiodstart"))) {
            String why = "header has FOCUS columns BilledCost and ChargePeriodStart";
            if (h.contains("x_servicecode") || h.contains("x_usagetype") || h.contains("x_operation")) {
                return new Detection(CostFormat.AWS_FOCUS, why + " and AWS extensions x_ServiceCode/x_UsageType");
            }
            if (h.stream().anyMatch(s -> s.startsWith("oci_"))) {
                return new Detection(CostFormat.OCI_FOCUS, why + " and Oracle extensions oci_*");
            }
            if (h.contains("x_billingprofileid") || h.contains("x_skumetercategory")) {
                return new Detection(CostFormat.AZURE_FOCUS, why + " and Microsoft extensions x_BillingProfileId");
            }
            String v12 = first(h, FOCUS_1_2_ONLY);
            if (v12 != null) {
                return new Detection(CostFormat.FOCUS_1_2, why + " and the FOCUS 1.2 column " + v12);
            }
            String v11 = first(h, FOCUS_1_1_ONLY);
            if (v11 != null) {
                return new Detection(CostFormat.FOCUS_1_1, why + " and the FOCUS 1.1 column " + v11);
            }
            return new Detection(CostFormat.FOCUS_1_0, why + " and none of the columns FOCUS 1.1 or 1.2 added");
        }
        if (h.contains("lineitem/unblendedcost")) {
            return new Detection(CostFormat.AWS_CUR_LEGACY, "header has lineItem/UnblendedCost and bill/ columns");
        }
        if (h.contains("line_item_unblended_cost")) {
            if (h.contains("bill_payer_account_name") || h.contains("product") || h.contains("line_item_usage_account_name")) {
                return new Detection(CostFormat.AWS_CUR_2,
                        "header has line_item_unblended_cost and CUR 2.0 columns (product map / bill_payer_account_name)");
            }
            return new Detection(CostFormat.AWS_CUR_ATHENA, "header has snake_case line_item_unblended_cost");
        }
        if (h.contains("billing_account_id") && h.contains("cost") && h.contains("usage_start_time")) {
            return new Detection(CostFormat.GCP_BILLING_EXPORT,
                    "header has billing_account_id, cost, usage_start_time and service/sku fields");
        }
        if (h.contains("lineitem/intervalusagestart")) {
            if (h.contains("cost/mycost")) {
                return new Detection(CostFormat.OCI_COST_REPORT, "header has lineItem/intervalUsageStart and cost/myCost");
            }
            throw new CostFileRefusedException(CostErrorCode.COST_FILE_NOT_RECOGNISED, "'" + fileName
                    + "' is an Oracle Cloud usage report (no cost/myCost column); upload the cost report (reports/cost-csv) instead");
        }
        if (h.contains("pretaxcost") && (h.contains("usagedatetime") || h.contains("subscriptionguid"))) {
            return new Detection(CostFormat.AZURE_PAYG, "header has PreTaxCost and UsageDateTime/SubscriptionGuid (legacy usage details)");
        }
        if (h.contains("costinbillingcurrency") || h.contains("pretaxcost")) {
            if (h.contains("accountownerid") || h.contains("accountname")) {
                return new Detection(CostFormat.AZURE_EA, "header has CostInBillingCurrency and AccountOwnerId (EA cost details)");
            }
            return new Detection(CostFormat.AZURE_MCA,
                    "header has CostInBillingCurrency and no AccountOwnerId (MCA cost details)");
        }
        String shown = header.stream().limit(6).collect(Collectors.joining(", "));
        throw new CostFileRefusedException(CostErrorCode.COST_FILE_NOT_RECOGNISED, "'" + fileName
                + "' is not a cost export: its columns (" + shown + (header.size() > 6 ? ", ..." : "")
                + ") match no supported format. Expected FOCUS 1.0-1.2 (BilledCost, ChargePeriodStart, ...), an AWS CUR"
                + " (lineItem/UnblendedCost or line_item_unblended_cost), Azure cost details (CostInBillingCurrency or"
                + " PreTaxCost), a Google Cloud billing export (billing_account_id, cost, usage_start_time) or an Oracle"
                + " Cloud cost report (cost/myCost), as CSV, gzip CSV, JSON lines or Parquet");
    }

    private static String first(Set<String> header, Set<String> candidates) {
        return candidates.stream().filter(header::contains).sorted().findFirst().orElse(null);
    }
}
