package io.cloudwarden.cost.explorer;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.cloudwarden.cost.focus.FocusColumn;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a filtered slice of the ledger as FOCUS 1.2 CSV: one column per FOCUS 1.2 column, in specification
 * order of the column IDs, datetimes in ISO 8601 UTC, decimals in plain notation, Tags and SkuPriceDetails as JSON,
 * null as an empty field. Rows stream through a database cursor, so an export of any size uses constant memory.
 */
@Service
public class FocusExport {

    private static final FocusColumn[] COLUMNS = FocusColumn.values();
    private static final String SELECT = Arrays.stream(COLUMNS).map(FocusExport::select).collect(Collectors.joining(", "));

    private final JdbcClient streaming;
    private final TransactionTemplate readOnly;

    FocusExport(DataSource dataSource, PlatformTransactionManager transactions) {
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(2_000);
        this.streaming = JdbcClient.create(cursor);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Writes the rows of the tenant whose charge period starts in [from, to) and that pass the filters. */
    public long write(TenantId tenant, ExplorerQuery q, Writer out) throws IOException {
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out);
        csv.writeRecord(Arrays.stream(COLUMNS).map(FocusColumn::id).toList());
        List<Object> params = new ArrayList<>(List.of(tenant.value(), q.from(), q.to()));
        String sql = "select " + SELECT + " from cost_rows where tenant_id = ? and charge_period_start >= (?::date)::timestamp at time zone 'UTC' "
                + "and charge_period_start < (?::date)::timestamp at time zone 'UTC'" + CostExplorer.filterSql(q.filters(), params)
                + " order by charge_period_start, billing_account_id, import_id, source_row";
        long[] rows = {0};
        TenantContext.runAs(tenant, () -> readOnly.executeWithoutResult(s -> streaming.sql(sql).params(params).query(rs -> {
            String[] record = new String[COLUMNS.length];
            for (int i = 0; i < COLUMNS.length; i++) {
                record[i] = value(rs, i + 1, COLUMNS[i]);
            }
            csv.writeRecord(record);
            rows[0]++;
        })));
        csv.flush();
        return rows[0];
    }

    private static String select(FocusColumn c) {
        String column = c.snakeCase();
        return c.type() == FocusColumn.Type.JSON ? column + "::text" : column;
    }

    private static String value(ResultSet rs, int i, FocusColumn c) throws SQLException {
        return switch (c.type()) {
            case DECIMAL -> {
                BigDecimal d = rs.getBigDecimal(i);
                yield d == null ? "" : d.toPlainString();
            }
            case DATETIME -> {
                Timestamp t = rs.getTimestamp(i);
                yield t == null ? "" : t.toInstant().toString();
            }
            default -> {
                String s = rs.getString(i);
                yield s == null ? "" : s;
            }
        };
    }
}
