package io.cloudwarden.cost.ledger;

import io.cloudwarden.shared.persistence.BulkLoaderRole;
import io.cloudwarden.shared.persistence.CopyTextWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * {@code COPY} into a ledger table inside the current transaction (ADR 35). With the bulk loader role the rows go
 * straight into the table (the role may insert despite row-level security, which refuses {@code COPY} otherwise);
 * without it they go to a temporary table shaped like the target and are then inserted with one {@code INSERT ...
 * SELECT}, which the policies check.
 */
final class LedgerCopy {

    /** Writes the rows of one COPY. */
    @FunctionalInterface
    interface Body {
        void write(CopyTextWriter out) throws IOException, SQLException;
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final BulkLoaderRole loader;

    LedgerCopy(JdbcClient jdbc, DataSource dataSource, BulkLoaderRole loader) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.loader = loader;
    }

    boolean direct() {
        return loader.role().isPresent();
    }

    /**
     * Copies the rows {@code body} writes into {@code table} ({@code columns} in order); {@code shape} is the table a
     * staging table is created like (a table that takes no lock on a partitioned target). Returns the rows copied.
     */
    long copy(String table, String shape, String columns, Body body) {
        if (direct()) {
            return loader.asLoader(jdbc, () -> copyInto(table, columns, body));
        }
        String stage = table + "_stage";
        jdbc.sql("drop table if exists " + stage).update();
        jdbc.sql("create temp table " + stage + " (like " + shape + " including defaults) on commit drop").update();
        long rows = copyInto(stage, columns, body);
        jdbc.sql("insert into " + table + " (" + columns + ") select " + columns + " from " + stage).update();
        return rows;
    }

    private long copyInto(String table, String columns, Body body) {
        CopyTextWriter out;
        try {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            out = CopyTextWriter.pipelined(connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin"));
        } catch (SQLException e) {
            throw new CostLedger.LedgerWriteException("could not start writing to " + table + ": " + e.getMessage(), e);
        }
        try {
            body.write(out);
            return out.finish();
        } catch (IOException e) {
            out.cancel();
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            out.cancel();
            throw new CostLedger.LedgerWriteException("the database refused the rows for " + table + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            out.cancel();
            throw e;
        }
    }
}
