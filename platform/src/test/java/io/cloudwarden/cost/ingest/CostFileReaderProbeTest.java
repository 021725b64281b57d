package io.cloudwarden.cost.ingest;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CostFileReaderProbeTest {
    @Test
    void probe() throws Exception {
        for (String f : new String[] {"focus-sample-data/focus_sample.csv",
                "cost-exports-focus-converters/aws/sample-anonymous-aws-cur-export-dataset.csv",
                "cost-exports-focus-converters/azure/sample-anonymous-ea-export-dataset.csv",
                "cost-exports-focus-converters/oci/reports_cost-csv_0000000030000269.csv",
                "cost-exports-koku/aws/2022-07-01-alt-columns.csv", "cost-exports-koku/aws/2023-06-01.csv",
                "cost-exports-koku/aws/test_cur.csv", "cost-exports-koku/azure/azure_camelCased.csv",
                "cost-exports-koku/azure/azure_version_2.csv", "cost-exports-koku/azure/camel_azure_version_2.csv",
                "cost-exports-koku/azure/costreport_a243c6f2-199f-4074-9a2c-40e671cf1584.csv",
                "cost-exports-koku/gcp/202011_30c31bca571d9b7f3b2c8459dd8bc34a_2020-11-08_2020-11-11.csv",
                "cost-exports-koku/gcp/2022-08-01_5.csv", "cost-exports-koku/oci/reports_cost-csv_0001000000603747.csv"}) {
            CostTestData.Collecting sink = new CostTestData.Collecting();
            try {
                CostReadResult r = CostTestData.read(CostTestData.path(f), sink);
                System.out.println("PROBE " + f + " -> " + r.format() + " read=" + r.rowsRead() + " acc=" + r.rowsAccepted()
                        + " q=" + r.rowsQuarantined() + " reconciled=" + r.reconciled() + " src=" + r.sourceTotalsByCurrency()
                        + " acc=" + r.acceptedTotalsByCurrency() + " periods=" + r.billingPeriods());
                r.reconciliationNotes().forEach(n -> System.out.println("PROBE   note " + n));
                sink.quarantined.stream().limit(3).forEach(q -> System.out.println("PROBE   q " + q));
                sink.rows.stream().limit(1).forEach(q -> System.out.println("PROBE   row " + q));
            } catch (Exception e) {
                System.out.println("PROBE " + f + " -> " + e);
            }
        }
    }
}
