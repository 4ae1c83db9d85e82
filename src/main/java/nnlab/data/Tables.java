package nnlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import nnlab.nn.History;
import nnlab.nn.Tensor;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Bridges between Tablesaw tables and tensors, so data can be looked at and sorted as a table and
 * fed to a model as a tensor:
 *
 * <pre>{@code
 * Tensor x = Tables.toTensor(table, "x1", "x2");
 * Tensor y = Tables.labels(table, "species");      // or Tables.oneHot(table, "species")
 * Table curve = Tables.of(history);                // epoch, loss, accuracy, ... (History.toTable())
 * }</pre>
 */
public final class Tables {
    private Tables() {}

    /**
     * The numbers behind a loss curve: a column {@code epoch} (1, 2, ...) and one column per
     * recorded key ({@code loss}, {@code accuracy}, {@code val_loss}, ...). This is
     * {@code history.toTable()}; it lives here because the nn package uses only the JDK.
     */
    public static Table of(History history) {
        Table table = Table.create("history");
        int[] epochs = new int[history.epochs()];
        for (int i = 0; i < epochs.length; i++) {
            epochs[i] = i + 1;
        }
        table.addColumns(IntColumn.create("epoch", epochs));
        for (String key : history.keys()) {
            List<Double> values = history.get(key);
            DoubleColumn column = DoubleColumn.create(key);
            for (Double v : values) {
                if (v == null) {
                    column.appendMissing();
                } else {
                    column.append(v);
                }
            }
            table.addColumns(column);
        }
        return table;
    }

    /**
     * A table with one column per feature of a (n) or (n, k) tensor. Column names are given, or
     * {@code x0, x1, ...} when none are.
     */
    public static Table of(Tensor tensor, String... columnNames) {
        int[] shape = tensor.shape();
        if (shape.length != 1 && shape.length != 2) {
            throw new IllegalArgumentException("Tables.of: the tensor must have shape (n) or (n, k), but has "
                    + shapeText(shape) + "; reshape it first, e.g. images.reshape(n, h * w).");
        }
        int rows = shape[0];
        int cols = shape.length == 1 ? 1 : shape[1];
        if (columnNames.length != 0 && columnNames.length != cols) {
            throw new IllegalArgumentException("Tables.of: " + columnNames.length + " column names for " + cols
                    + " columns; give one name per column or none.");
        }
        float[] data = tensor.toArray();
        Table table = Table.create("tensor");
        for (int c = 0; c < cols; c++) {
            double[] values = new double[rows];
            for (int r = 0; r < rows; r++) {
                values[r] = data[r * cols + c];
            }
            table.addColumns(DoubleColumn.create(columnNames.length == 0 ? "x" + c : columnNames[c], values));
        }
        return table;
    }

    /**
     * The given numeric columns (all numeric columns when none are named) as a (rows, columns)
     * float tensor, one example per row.
     */
    public static Tensor toTensor(Table table, String... columns) {
        List<NumericColumn<?>> chosen = new ArrayList<>();
        if (columns.length == 0) {
            for (Column<?> c : table.columns()) {
                if (c instanceof NumericColumn<?> n) {
                    chosen.add(n);
                }
            }
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException("Tables.toTensor: table '" + table.name()
                        + "' has no numeric columns; its columns are " + table.columnNames() + ".");
            }
        } else {
            for (String name : columns) {
                Column<?> c = column(table, name, "toTensor");
                if (!(c instanceof NumericColumn<?> n)) {
                    throw new IllegalArgumentException("Tables.toTensor: column '" + name + "' holds " + c.type()
                            + ", not numbers; use Tables.labels or Tables.oneHot for class names.");
                }
                chosen.add(n);
            }
        }
        int rows = table.rowCount();
        float[] data = new float[rows * chosen.size()];
        for (int j = 0; j < chosen.size(); j++) {
            NumericColumn<?> c = chosen.get(j);
            for (int r = 0; r < rows; r++) {
                if (c.isMissing(r)) {
                    throw missing("toTensor", c.name(), r);
                }
                data[r * chosen.size() + j] = (float) c.getDouble(r);
            }
        }
        return Tensor.of(new int[] {rows, chosen.size()}, data);
    }

    /**
     * Integer class labels (shape (n)) from a column: whole numbers are used as they are; text is
     * numbered in sorted order (see {@link #classNames}).
     */
    public static Tensor labels(Table table, String column) {
        int[] classes = classes(table, column, "labels");
        float[] data = new float[classes.length];
        for (int i = 0; i < data.length; i++) {
            data[i] = classes[i];
        }
        return Tensor.of(new int[] {data.length}, data);
    }

    /** One-hot rows (shape (n, classes)) from a label column, for CategoricalCrossentropy. */
    public static Tensor oneHot(Table table, String column) {
        int[] classes = classes(table, column, "oneHot");
        int k = 0;
        for (int c : classes) {
            k = Math.max(k, c + 1);
        }
        float[] data = new float[classes.length * k];
        for (int i = 0; i < classes.length; i++) {
            data[i * k + classes[i]] = 1;
        }
        return Tensor.of(new int[] {classes.length, k}, data);
    }

    /**
     * The class names of a label column in the order {@link #labels} numbers them: sorted text,
     * or {@code "0", "1", ...} for a numeric column.
     */
    public static List<String> classNames(Table table, String column) {
        Column<?> c = column(table, column, "classNames");
        if (c instanceof NumericColumn<?>) {
            int k = 0;
            for (int v : classes(table, column, "classNames")) {
                k = Math.max(k, v + 1);
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                names.add(Integer.toString(i));
            }
            return names;
        }
        return List.copyOf(distinctText(c, "classNames"));
    }

    private static int[] classes(Table table, String column, String what) {
        Column<?> c = column(table, column, what);
        int[] classes = new int[table.rowCount()];
        if (c instanceof NumericColumn<?> n) {
            for (int r = 0; r < classes.length; r++) {
                if (n.isMissing(r)) {
                    throw missing(what, column, r);
                }
                double v = n.getDouble(r);
                if (v != Math.rint(v) || v < 0) {
                    throw new IllegalArgumentException("Tables." + what + ": column '" + column + "' row " + r + " is " + v
                            + "; class labels must be whole numbers 0, 1, 2, ...");
                }
                classes[r] = (int) v;
            }
            return classes;
        }
        List<String> names = new ArrayList<>(distinctText(c, what));
        for (int r = 0; r < classes.length; r++) {
            classes[r] = names.indexOf(String.valueOf(c.get(r)));
        }
        return classes;
    }

    private static TreeSet<String> distinctText(Column<?> c, String what) {
        TreeSet<String> names = new TreeSet<>();
        for (int r = 0; r < c.size(); r++) {
            if (c.isMissing(r)) {
                throw missing(what, c.name(), r);
            }
            names.add(String.valueOf(c.get(r)));
        }
        return names;
    }

    private static Column<?> column(Table table, String name, String what) {
        if (!table.columnNames().contains(name)) {
            throw new IllegalArgumentException("Tables." + what + ": table '" + table.name() + "' has no column '" + name
                    + "'; its columns are " + table.columnNames() + ".");
        }
        return table.column(name);
    }

    private static IllegalArgumentException missing(String what, String column, int row) {
        return new IllegalArgumentException("Tables." + what + ": column '" + column + "' has a missing value in row "
                + row + "; drop or fill missing values first, e.g. table.dropRowsWithMissingValues().");
    }

    private static String shapeText(int[] shape) {
        return java.util.Arrays.toString(shape).replace('[', '(').replace(']', ')');
    }
}
