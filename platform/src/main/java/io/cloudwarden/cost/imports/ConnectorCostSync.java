package io.cloudwarden.cost.imports;

import io.cloudwarden.connector.spi.CostExportFile;
import io.cloudwarden.connector.spi.CostExportFormat;
import io.cloudwarden.connector.spi.CostExportProvider;
import io.cloudwarden.connector.spi.CostExportRequest;
import io.cloudwarden.cost.CostExportSync;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a connector's cost export files (ADR 28): every (billing account, billing period) with a new or changed
 * file (by fingerprint) is imported as one import of all that period's files, oldest period first, so each period
 * is replaced whole; periods whose files are unchanged are not read at all. Files of formats Cloudwarden does not
 * ingest (e.g. the simulator's anomaly labels) are skipped.
 */
@Service
class ConnectorCostSync implements CostExportSync {

    private static final Logger log = LoggerFactory.getLogger(ConnectorCostSync.class);
    private static final Set<String> INGESTED = Set.of(CostExportFormat.FOCUS_1_2, CostExportFormat.AWS_CUR_2,
            CostExportFormat.AZURE_COST_DETAILS, CostExportFormat.GCP_BILLING_EXPORT);

    private final CostImports imports;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    ConnectorCostSync(CostImports imports, JdbcClient jdbc, TransactionTemplate tx) {
        this.imports = imports;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public Result sync(TenantId tenant, UUID accountId, String accountName, CostExportProvider provider) {
        return TenantContext.callAs(tenant, () -> {
            List<CostExportFile> listed = provider.listExports(CostExportRequest.everything());
            List<CostExportFile> files = listed.stream().filter(f -> INGESTED.contains(f.format())).toList();
            Map<String, String> known = new HashMap<>();
            jdbc.sql("select file_key, fingerprint from cost_export_files where tenant_id = ? and account_id = ?")
                    .params(tenant.value(), accountId).query(rs -> {
                        known.put(rs.getString(1), rs.getString(2));
                    });
            record Period(String billingAccount, YearMonth month) {
            }
            Map<Period, List<CostExportFile>> byPeriod = new TreeMap<>(Comparator.comparing(Period::month)
                    .thenComparing(Period::billingAccount));
            files.forEach(f -> byPeriod.computeIfAbsent(new Period(f.billingAccountId(), f.billingPeriod()), p -> new ArrayList<>()).add(f));
            int imported = 0;
            int failed = 0;
            int unchanged = 0;
            for (var e : byPeriod.entrySet()) {
                List<CostExportFile> period = e.getValue();
                period.sort(Comparator.comparing(CostExportFile::key));
                if (period.stream().allMatch(f -> f.fingerprint().equals(known.get(f.key())))) {
                    unchanged++;
                    continue;
                }
                String name = period.size() == 1 ? period.get(0).key()
                        : accountName + " " + e.getKey().billingAccount() + " " + e.getKey().month() + " (" + period.size() + " files)";
                long size = period.stream().mapToLong(f -> Math.max(0, f.sizeBytes())).sum();
                UUID id = imports.register(CostImport.Source.CONNECTOR, name, null, size, accountId, "connector:" + accountName);
                CostImport done = imports.run(tenant, id, period.stream()
                        .map(f -> new CostImports.ImportFile(f.key(), f.sizeBytes() < 0 ? null : f.sizeBytes(), f::open)).toList());
                if ("SUCCEEDED".equals(done.status())) {
                    imported++;
                    tx.executeWithoutResult(s -> period.forEach(f -> jdbc.sql("""
                            insert into cost_export_files (tenant_id, account_id, file_key, fingerprint, billing_period, import_id)
                            values (?, ?, ?, ?, ?, ?)
                            on conflict (tenant_id, account_id, file_key)
                            do update set fingerprint = excluded.fingerprint, import_id = excluded.import_id, imported_at = now()""")
                            .params(tenant.value(), accountId, f.key(), f.fingerprint(), f.billingPeriod().atDay(1), id).update()));
                } else {
                    failed++;
                    log.warn("Cost import of {} for account '{}' ended {}: {}", e.getKey().month(), accountName, done.status(), done.error());
                }
            }
            Set<String> skippedFormats = listed.stream().map(CostExportFile::format).filter(f -> !INGESTED.contains(f))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            return new Result(imported, unchanged, failed, listed.size() - files.size(), List.copyOf(skippedFormats));
        });
    }
}
