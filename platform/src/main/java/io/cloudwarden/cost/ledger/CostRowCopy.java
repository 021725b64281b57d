package io.cloudwarden.cost.ledger;

import io.cloudwarden.cost.allocation.RowAllocator;
import io.cloudwarden.cost.focus.FocusColumn;
import io.cloudwarden.cost.focus.FocusRow;
import io.cloudwarden.shared.persistence.CopyTextWriter;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a {@link FocusRow} becomes a {@code cost_rows} row in COPY text format. Each FOCUS column is stored in
 * the column of the same name in snake case ({@code BilledCost} → {@code billed_cost}); extension columns go
 * to {@code extensions} as a JSON object. The allocation columns hold what the rules assigned.
 */
final class CostRowCopy {

    private static final FocusColumn[] COLUMNS = FocusColumn.values();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The COPY target column list, in the order {@link #write} emits values. */
    static final String COLUMN_LIST = "tenant_id, import_id, source_row, "
            + Arrays.stream(COLUMNS).map(FocusColumn::snakeCase).collect(Collectors.joining(", ")) + ", extensions, alloc_rule_id, alloc_team, alloc_project, alloc_environment, alloc_cost_center";

    private CostRowCopy() {
    }

    static void write(CopyTextWriter out, UUID tenant, UUID importId, FocusRow row, RowAllocator.Allocation allocation)
            throws SQLException {
        out.text(tenant.toString()).text(importId.toString()).number(row.sourceRow());
        for (FocusColumn column : COLUMNS) {
            out.text(row.get(column));
        }
        out.text(extensionsJson(row.extensions()));
        if (allocation == null) {
            out.text(null).text(null).text(null).text(null).text(null);
        } else {
            out.text(allocation.ruleId().toString()).text(allocation.team()).text(allocation.project()).text(allocation.environment())
                    .text(allocation.costCenter());
        }
        out.endRow();
    }

    private static String extensionsJson(Map<String, String> extensions) {
        return extensions.isEmpty() ? null : JSON.writeValueAsString(extensions);
    }
}
