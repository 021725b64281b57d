package io.cloudwarden.connector.simulator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Ground truth of one cost anomaly the simulator injected into its FOCUS files: extra internet egress billed on
 * one resource for a few days. The extra cost is exact: the files with the anomaly minus the same files without
 * it, summed over the anomaly's rows (EffectiveCost, which equals BilledCost for egress).
 *
 * @param billingAccountId  the billing account of the affected rows
 * @param subAccountId      the account (sub account) of the affected rows
 * @param serviceName       FOCUS ServiceName of the affected rows
 * @param resourceId        FOCUS ResourceId of the affected rows (an inventory native id)
 * @param startDay          first affected charge day (UTC)
 * @param endDay            last affected charge day (UTC), inclusive
 * @param expectedExtraCost the injected extra cost over all affected days, in {@code currency}
 * @param currency          billing currency
 * @param kind              the shape of the anomaly
 */
public record CostAnomaly(String billingAccountId, String subAccountId, String serviceName, String resourceId,
                          LocalDate startDay, LocalDate endDay, BigDecimal expectedExtraCost, String currency,
                          Kind kind) {

    /** Shapes of injected anomalies. */
    public enum Kind {
        /** One or two days of very high extra spend. */
        SPIKE,
        /** Two to three weeks of moderately raised spend. */
        LEVEL_SHIFT
    }

    public CostAnomaly {
        Objects.requireNonNull(startDay, "startDay");
        Objects.requireNonNull(endDay, "endDay");
        Objects.requireNonNull(kind, "kind");
    }

    /** The anomaly as one JSON object, as written in the {@code anomalies.json} sidecar files. */
    public String toJson() {
        return "{\"billingAccountId\":" + CostResource.json(billingAccountId) + ",\"subAccountId\":"
                + CostResource.json(subAccountId) + ",\"serviceName\":" + CostResource.json(serviceName)
                + ",\"resourceId\":" + CostResource.json(resourceId) + ",\"startDay\":\"" + startDay
                + "\",\"endDay\":\"" + endDay + "\",\"expectedExtraCost\":\"" + expectedExtraCost.toPlainString()
                + "\",\"currency\":\"" + currency + "\",\"kind\":\"" + kind + "\"}";
    }
}
