package nnlab.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableHookTest {

    private static String html(Object value) {
        return (String) DisplayHooks.render(value).data().get("text/html");
    }

    @Test
    void longTablesShowFirstAndLastFiveRowsLikePandas() {
        Table t = Table.create("blobs", IntColumn.create("id", IntStream.range(0, 100).toArray()),
                DoubleColumn.create("x", IntStream.range(0, 100).mapToDouble(i -> i / 4.0).toArray()));
        String html = html(t);
        for (int r : new int[] {0, 4, 95, 99}) {
            assertTrue(html.contains("<tr><th>" + r + "</th>"), "row " + r + " shown");
        }
        for (int r : new int[] {5, 50, 94}) {
            assertFalse(html.contains("<tr><th>" + r + "</th>"), "row " + r + " elided");
        }
        assertTrue(html.contains("<td>…</td>"));
        assertTrue(html.contains("blobs: 100 rows × 2 columns"), html);
        assertTrue(html.contains("<td>24.75</td>"), "99 / 4 formatted");
        String text = (String) DisplayHooks.render(t).data().get("text/plain");
        assertEquals(1 + 11, text.lines().takeWhile(l -> !l.isEmpty()).count(), text);
        assertTrue(text.endsWith("blobs: 100 rows × 2 columns"), text);
    }

    @Test
    void shortTablesAreShownWhole() {
        Table t = Table.create("t", IntColumn.create("n", IntStream.range(0, 60).toArray()));
        String html = html(t);
        assertEquals(60, java.util.regex.Pattern.compile("<tr><th>\\d").matcher(html).results().count());
        assertFalse(html.contains("…"));
    }

    @Test
    void wideTablesKeepFirstAndLastTenColumns() {
        Table t = Table.create("wide");
        for (int c = 0; c < 25; c++) {
            t.addColumns(DoubleColumn.create("f" + c, new double[] {c}));
        }
        String html = html(t);
        assertTrue(html.contains("<th>f9</th><th>…</th><th>f15</th>"), html);
        assertFalse(html.contains("<th>f10</th>"));
    }

    @Test
    void cellsAndNamesAreEscaped() {
        Table t = Table.create("<b>evil</b>", StringColumn.create("<img src=x onerror=alert(1)>",
                "<script>alert('x')</script>", "Tom & Jerry"));
        String html = html(t);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), html);
        assertTrue(html.contains("Tom &amp; Jerry"), html);
    }

    @Test
    void numbersAreFormattedAndMissingValuesShowAsNaN() {
        DoubleColumn v = DoubleColumn.create("v", new double[] {0.1 + 0.2, 1e-9, 10575, 2.0 / 3});
        v.appendMissing();
        String html = html(Table.create("n", v));
        assertTrue(html.contains("<td>0.3</td>"), html);
        assertTrue(html.contains("<td>1.0000e-09</td>"), html);
        assertTrue(html.contains("<td>10575</td>"), html);
        assertTrue(html.contains("<td>0.666667</td>"), html);
        assertTrue(html.contains("<td>NaN</td>"), html);
    }
}
