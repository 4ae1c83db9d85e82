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
    }

    @Test
    void unitOutputsLayerIndex() {
        Sequential model = new Sequential("two", new Dense(3, Activation.RELU, "h"));
        model.build(2);
        assertMessage(() -> Plot.unitOutputs(model, 4, Tensor.zeros(3, 2), null), "layer index 4 is out of range",
                "layers 0..0");
    }
}
