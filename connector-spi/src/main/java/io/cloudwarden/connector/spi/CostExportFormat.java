package io.cloudwarden.connector.spi;

/**
 * Well-known values of {@link CostExportFile#format()}. A format names the schema of the file's content; the
 * compression is given separately by {@link CostExportFile#compression()}. Consumers skip files whose format they
 * do not know (and should report them), so a connector may list auxiliary files such as ground-truth labels.
 */
public final class CostExportFormat {

    /** FinOps FOCUS 1.2 as CSV with a header row of FOCUS column ids (plus {@code x_} extension columns). */
    public static final String FOCUS_1_2 = "FOCUS_1_2";
    /** AWS Cost and Usage Report 2.0 (CSV or Parquet per the file name). */
    public static final String AWS_CUR_2 = "AWS_CUR_2";
    /** Azure Cost Management "cost details" export (actual or amortized) as CSV. */
    public static final String AZURE_COST_DETAILS = "AZURE_COST_DETAILS";
    /** Google Cloud Billing detailed usage cost export, as newline-delimited JSON or CSV. */
    public static final String GCP_BILLING_EXPORT = "GCP_BILLING_EXPORT";
    /**
     * The simulator's ground truth of injected cost anomalies, JSON (see the simulator's documentation). Not
     * billing data: ingestion skips it; evaluation of anomaly detection reads it.
     */
    public static final String SIMULATOR_ANOMALY_LABELS = "SIMULATOR_ANOMALY_LABELS";

    private CostExportFormat() {
    }
}
