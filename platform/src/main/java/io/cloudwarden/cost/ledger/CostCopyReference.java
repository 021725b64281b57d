package io.cloudwarden.cost.ledger;

import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.shared.persistence.BulkLoaderRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The physical reference of the {@code cost-ingest} benchmark: the rows of an import as the ledger stores them,
 * written out in COPY text format, and a raw {@code COPY} of that file into an unindexed temporary table shaped like
 * {@code cost_rows} (no conversion, no checks, no partition routing, no rollups, no WAL) and into {@code cost_rows}
 * itself (rolled back).
 */
@Component
public class CostCopyReference {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final BulkLoaderRole loader;

    CostCopyReference(JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx, BulkLoaderRole loader) {
        this.loader = loader;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
    }

    /** Writes the stored rows of import {@code importId} to {@code file}; returns how many. */
    public long exportCopy(TenantId tenant, UUID importId, Path file) {
        return TenantContext.callAs(tenant, () -> tx.execute(s -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                Connection c = DataSourceUtils.getConnection(dataSource);
                return c.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (select " + CostRowCopy.COLUMN_LIST
                        + " from cost_rows where tenant_id = '" + tenant.value() + "' and import_id = '" + importId + "') to stdout", out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    /**
     * COPYs {@code file} into {@code cost_rows} itself (partitions, indexes, write-ahead log), through the bulk loader
     * role, and rolls back; returns the seconds the COPY took, or null without the loader role.
     */
    public Double copyIntoLedger(TenantId tenant, Path file) {
        if (loader.role().isEmpty()) {
            return null;
        }
        return TenantContext.callAs(tenant, () -> tx.execute(s -> {
            s.setRollbackOnly();
            return loader.asLoader(jdbc, () -> timedCopy("cost_rows", file));
        }));
    }

    /** COPYs {@code file} into a fresh temporary table like {@code cost_rows}; returns the seconds the COPY took. */
    public double copyReference(TenantId tenant, Path file) {
        return TenantContext.callAs(tenant, () -> tx.execute(s -> {
            jdbc.sql("drop table if exists cost_copy_reference").update();
            jdbc.sql("create temp table cost_copy_reference (like cost_rows_template including defaults) on commit drop").update();
            return timedCopy("cost_copy_reference", file);
        }));
    }

    /** COPYs {@code file} into {@code table} on the transaction's connection; the seconds the COPY took. */
    private double timedCopy(String table, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Connection c = DataSourceUtils.getConnection(dataSource);
            long start = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " (" + CostRowCopy.COLUMN_LIST + ") from stdin", in, 1 << 20);
            return (System.nanoTime() - start) / 1e9;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
