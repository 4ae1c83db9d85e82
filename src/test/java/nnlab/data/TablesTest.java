package nnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nnlab.nn.History;
import nnlab.nn.Tensor;
import nnlab.plot.Models;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TablesTest {

    private static Table iris() {
        return Table.create("flowers",
                DoubleColumn.create("petal_length", new double[] {1.4, 4.7, 6.0, 1.3}),
                DoubleColumn.create("petal_width", new double[] {0.2, 1.4, 2.5, 0.2}),
                StringColumn.create("species", "setosa", "versicolor", "virginica", "setosa"),
                IntColumn.create("code", 0, 1, 2, 0));
    }

    @Test
    void historyBecomesATableWithOneRowPerEpoch() {
        History h = Models.history(5);
        Table t = Tables.of(h);
        assertEquals(List.of("epoch", "loss", "accuracy", "val_loss", "val_accuracy"), t.columnNames());
        assertEquals(5, t.rowCount());
        assertEquals(1, t.intColumn("epoch").get(0));
        for (String key : h.keys()) {
            assertEquals(h.get(key), t.doubleColumn(key).asList(), key);
        }
        Table sorted = t.sortAscendingOn("loss");
        assertEquals(h.loss().stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                sorted.doubleColumn("loss").get(0));
    }

    @Test
    void chosenColumnsBecomeATensorRowPerExample() {
        Tensor x = Tables.toTensor(iris(), "petal_length", "petal_width");
        assertArrayEquals(new int[] {4, 2}, x.shape());
        assertArrayEquals(new float[] {4.7f, 1.4f}, x.row(1).toArray());
        assertArrayEquals(new int[] {4, 3}, Tables.toTensor(iris()).shape(), "all numeric columns");
    }

    @Test
    void labelsFromTextAreNumberedInSortedOrderAndCanBeOneHot() {
        assertArrayEquals(new float[] {0, 1, 2, 0}, Tables.labels(iris(), "species").toArray());
        assertEquals(List.of("setosa", "versicolor", "virginica"), Tables.classNames(iris(), "species"));
        assertArrayEquals(new float[] {0, 1, 2, 0}, Tables.labels(iris(), "code").toArray());
        Tensor oneHot = Tables.oneHot(iris(), "species");
        assertArrayEquals(new int[] {4, 3}, oneHot.shape());
        assertArrayEquals(new float[] {0, 0, 1}, oneHot.row(2).toArray());
        assertEquals(List.of("0", "1", "2"), Tables.classNames(iris(), "code"));
    }

    @Test
    void tensorBecomesATableAndBack() {
        Tensor x = Tensor.of(new float[][] {{1, 2}, {3, 4}, {5, 6}});
        Table t = Tables.of(x, "a", "b");
        assertEquals(List.of("a", "b"), t.columnNames());
        assertEquals(x, Tables.toTensor(t));
        assertEquals(List.of("x0"), Tables.of(Tensor.of(1f, 2f)).columnNames());
    }

    @Test
    void mistakesAreExplained() {
        var column = assertThrows(IllegalArgumentException.class, () -> Tables.toTensor(iris(), "sepal"));
        assertTrue(column.getMessage().contains("no column 'sepal'") && column.getMessage().contains("petal_width"),
                column.getMessage());
        var text = assertThrows(IllegalArgumentException.class, () -> Tables.toTensor(iris(), "species"));
        assertTrue(text.getMessage().contains("Tables.labels or Tables.oneHot"), text.getMessage());
        Table gap = iris();
        gap.doubleColumn("petal_width").setMissing(2);
        var missing = assertThrows(IllegalArgumentException.class, () -> Tables.toTensor(gap, "petal_width"));
        assertTrue(missing.getMessage().contains("missing value in row 2"), missing.getMessage());
        var fraction = assertThrows(IllegalArgumentException.class, () -> Tables.labels(iris(), "petal_width"));
        assertTrue(fraction.getMessage().contains("whole numbers"), fraction.getMessage());
        var rank = assertThrows(IllegalArgumentException.class, () -> Tables.of(Tensor.zeros(2, 2, 2)));
        assertTrue(rank.getMessage().contains("(2, 2, 2)") && rank.getMessage().contains("reshape"), rank.getMessage());
        var names = assertThrows(IllegalArgumentException.class, () -> Tables.of(Tensor.zeros(2, 2), "only"));
        assertTrue(names.getMessage().contains("1 column names for 2 columns"), names.getMessage());
    }
}
