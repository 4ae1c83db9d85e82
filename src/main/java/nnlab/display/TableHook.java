package nnlab.display;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Shows a Tablesaw {@link Table} like pandas does: an index column, long tables cut to their
 * first and last 5 rows, wide ones to their first and last 10 columns, numbers formatted, and the
 * full size underneath. Every cell is HTML-escaped.
 */
public final class TableHook implements DisplayHook<Table> {
    static final int MAX_ROWS = 60;
    static final int EDGE_ROWS = 5;
    static final int MAX_COLUMNS = 20;
    static final int EDGE_COLUMNS = 10;

    @Override
    public Class<Table> type() {
        return Table.class;
    }

    @Override
    public MimeBundle render(Table table, Set<String> requested) {
        Grid grid = grid(table);
        return MimeBundle.text(grid.toText()).with("text/html", grid.toHtml());
    }

    static Grid grid(Table table) {
        List<Integer> columns = Elision.keep(table.columnCount(), MAX_COLUMNS, EDGE_COLUMNS);
        List<String> header = new ArrayList<>();
        header.add("");
        columns.forEach(c -> header.add(c < 0 ? Grid.ELLIPSIS : table.column(c).name()));
        String name = table.name() == null || table.name().isEmpty() ? "" : table.name() + ": ";
        Grid grid = new Grid(name + Html.count(table.rowCount()) + " rows × " + table.columnCount() + " columns", header)
                .withRowLabels();
        for (int r : Elision.keep(table.rowCount(), MAX_ROWS, EDGE_ROWS)) {
            if (r < 0) {
                grid.ellipsisRow();
                continue;
            }
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(r));
            for (int c : columns) {
                cells.add(c < 0 ? Grid.ELLIPSIS : cell(table.column(c), r));
            }
            grid.row(cells);
        }
        return grid;
    }

    private static String cell(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return "NaN";
        }
        Object value = column.get(row);
        return value instanceof Number n ? Html.number(n.doubleValue()) : String.valueOf(value);
    }
}
