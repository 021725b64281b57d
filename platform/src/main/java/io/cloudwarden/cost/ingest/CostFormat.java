package io.cloudwarden.cost.ingest;

/**
 * The cost export formats {@link CostFileReader} recognises. FOCUS formats are read column by column; the
 * provider-native formats are converted by the FOCUS converters' mapping table named by
 * {@link #rulesFile()} (under {@code cost/mappings/rules/}), plus Cloudwarden's override table of the same
 * name under {@code cost/mappings/overrides/} (ADR 26).
 */
public enum CostFormat {
    FOCUS_1_0("FOCUS 1.0", null),
    FOCUS_1_1("FOCUS 1.1", null),
    FOCUS_1_2("FOCUS 1.2", null),
    AWS_FOCUS("AWS Data Exports (FOCUS)", null),
    AZURE_FOCUS("Microsoft Cost Management (FOCUS)", null),
    OCI_FOCUS("Oracle Cloud (FOCUS)", null),
    AWS_CUR_LEGACY("AWS Cost and Usage Report (legacy, lineItem/ headers)", "aws-cur"),
    AWS_CUR_ATHENA("AWS Cost and Usage Report (Athena snake_case headers)", "aws"),
    AWS_CUR_2("AWS CUR 2.0 (Data Exports)", "aws"),
    AZURE_EA("Azure cost details (Enterprise Agreement)", "azure"),
    AZURE_MCA("Azure cost details (Microsoft Customer Agreement)", "azure"),
    AZURE_PAYG("Azure usage details (legacy pay-as-you-go)", "azure"),
    GCP_BILLING_EXPORT("Google Cloud billing export (BigQuery rows)", "gcp"),
    OCI_COST_REPORT("Oracle Cloud cost report", "oci");

    private final String label;
    private final String rulesFile;

    CostFormat(String label, String rulesFile) {
        this.label = label;
        this.rulesFile = rulesFile;
    }

    /** A human label, e.g. "AWS Cost and Usage Report (legacy, lineItem/ headers)". */
    public String label() {
        return label;
    }

    /** True for the FOCUS formats, which need no conversion rules. */
    public boolean isFocus() {
        return rulesFile == null;
    }

    /** The base name of the conversion rule table, or null for FOCUS formats. */
    public String rulesFile() {
        return rulesFile;
    }
}
