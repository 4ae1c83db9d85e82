package nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import nnlab.nn.Activation;
import nnlab.nn.Dense;
import nnlab.nn.History;
import nnlab.nn.Sequential;
import nnlab.nn.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every wrong call to a factory names what was wrong and how to fix it. */
class PlotErrorsTest {

    private static void assertMessage(Executable call, String... parts) {
        var e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void scatterOfArrays() {
        assertMessage(() -> Plot.scatter(new double[][] {{1, 2}, {3, 4}}, new int[] {0}),
                "2 points but 1 labels", "one class label per point");
        assertMessage(() -> Plot.scatter(new double[][] {{1, 2}, {3, 4, 5}}, new int[] {0, 1}),
                "point 1 has 3 coordinates", "{x1, x2}");
    }

    @Test
    void labels() {
        assertMessage(() -> Plot.scatter(Tensor.zeros(2, 2), Tensor.of(0f, 0.5f)), "label 1 is 0.5", "whole class numbers");
        assertMessage(() -> Plot.scatter(Tensor.zeros(2, 2), Tensor.zeros(2, 1, 1)), "shape (n), (n, 1) or (n, classes)",
                "(2, 1, 1)");
    }

    @Test
    void emptyLossAndLines() {
        assertMessage(() -> Plot.loss(new History[0]), "at least one History");
        assertMessage(() -> Plot.loss(Map.of()), "map of runs is empty");
        assertMessage(() -> Plot.lines(new double[] {1}, Map.of()), "no lines given");
        assertMessage(() -> Plot.lines(new double[] {1}), "no lines given", "Plot.series(");
        assertMessage(() -> Plot.lines(), "no lines given");
    }

    @Test
    void seriesOfTheWrongLengthOrWithoutNameOrValues() {
        assertMessage(() -> Plot.lines(new double[] {0, 1, 2}, Plot.series("ok", new double[] {1, 2, 3}),
                Plot.series("short", new double[] {1, 2})), "x has 3 values but series \"short\" has 2", "one y per x");
        assertMessage(() -> Plot.lines(Plot.series("a", new double[] {1, 2}), Plot.series("b", new double[] {1})),
                "x has 2 values but series \"b\" has 1");
        assertMessage(() -> Plot.series(null, new double[] {1}), "the name must not be null");
        assertMessage(() -> Plot.series("w", (double[]) null), "the values of \"w\" must not be null");
    }

    @Test
    void axisLabelsOnAChartWithoutAxes() {
        var e = assertThrows(IllegalStateException.class,
                () -> Plot.images(Tensor.zeros(2, 4)).axisLabels("x", "y"));
        assertTrue(e.getMessage().contains("shows no axes") && e.getMessage().contains(".title("), e.getMessage());
    }

    @Test
    void unitOutputsLayerIndex() {
        Sequential model = new Sequential("two", new Dense(3, Activation.RELU, "h"));
        model.build(2);
        assertMessage(() -> Plot.unitOutputs(model, 4, Tensor.zeros(3, 2), null), "layer index 4 is out of range",
                "layers 0..0");
    }
}
