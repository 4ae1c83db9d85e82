package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LossTest {

    @Test
    void kerasBinaryCrossentropyFromLogitsExample() {
        // keras.io BinaryCrossentropy(from_logits=True) example: 0.865.
        double l = new BinaryCrossentropy(true).compute(Tensor.of(0, 1, 0, 0), Tensor.of(-18.6, 0.51, 2.94, -12.8));
        assertEquals(0.865, l, 5e-4);
    }

    @Test
    void kerasSparseCategoricalCrossentropyExample() {
        // tf.keras.losses.sparse_categorical_crossentropy docs: per sample [0.0513, 2.303], mean 1.177.
        Tensor p = Tensor.of(new double[][] {{0.05, 0.95, 0}, {0.1, 0.8, 0.1}});
        SparseCategoricalCrossentropy scce = new SparseCategoricalCrossentropy(false);
        assertEquals(1.177, scce.compute(Tensor.of(1, 2), p), 5e-4);
        assertEquals(0.0513, scce.compute(Tensor.of(1), p.rows(0, 1)), 5e-5);
        assertEquals(2.303, scce.compute(Tensor.of(2), p.rows(1, 2)), 5e-4);
    }

    @Test
    void kerasStandaloneUsageExamplesForTheOtherLosses() {
        // The standalone-usage examples of the Keras loss classes (checked by hand in the comments).
        Tensor y = Tensor.of(new double[][] {{0, 1}, {0, 0}});
        // Rows: [-log 0.4, -log 0.4] and [-log 0.6, -log 0.4] -> mean 0.815.
        assertEquals(0.815, new BinaryCrossentropy().compute(y, Tensor.of(new double[][] {{0.6, 0.4}, {0.4, 0.6}})), 5e-4);
        // Squared errors [1, 0] and [1, 0] -> 0.5.
        assertEquals(0.5, new MeanSquaredError().compute(y, Tensor.of(new double[][] {{1, 1}, {1, 0}})), 1e-12);
        // One-hot form of the sparse example: 1.177.
        assertEquals(1.177, new CategoricalCrossentropy().compute(Tensor.of(new double[][] {{0, 1, 0}, {0, 0, 1}}),
                Tensor.of(new double[][] {{0.05, 0.95, 0}, {0.1, 0.8, 0.1}})), 5e-4);
    }

    @Test
    void logitAndProbabilityPathsAgreeOnModeratePredictions() {
        Tensor z = Tensor.of(new double[][] {{0.5, -1.2, 2.0}, {1.5, 0.3, -0.7}});
        Tensor p = Activation.SOFTMAX.apply(z);
        Tensor labels = Tensor.of(2, 0);
        Tensor oneHot = Tensor.of(new double[][] {{0, 0, 1}, {1, 0, 0}});
        double expected = (Math.log(Math.exp(0.5) + Math.exp(-1.2) + Math.exp(2.0)) - 2.0
                + Math.log(Math.exp(1.5) + Math.exp(0.3) + Math.exp(-0.7)) - 1.5) / 2;
        assertEquals(expected, new SparseCategoricalCrossentropy(true).compute(labels, z), 1e-6);
        assertEquals(expected, new SparseCategoricalCrossentropy(false).compute(labels, p), 1e-6);
        assertEquals(expected, new CategoricalCrossentropy(true).compute(oneHot, z), 1e-6);
        assertEquals(expected, new CategoricalCrossentropy(false).compute(oneHot, p), 1e-6);

        Tensor logits = Tensor.of(new double[][] {{0.4, -2.0}, {1.1, 0.2}});
        Tensor y = Tensor.of(new double[][] {{1, 0}, {0, 1}});
        assertEquals(new BinaryCrossentropy(true).compute(y, logits),
                new BinaryCrossentropy(false).compute(y, Activation.SIGMOID.apply(logits)), 1e-6);
    }

    @Test
    void meanSquaredErrorHasNoHalf() {
        assertEquals((0.25 + 4) / 2, new MeanSquaredError().compute(Tensor.of(1, 2), Tensor.of(1.5, 0)), 1e-12);
    }

    @Test
    void probabilityPathClipsToEpsilon() {
        // A zero probability for the true class costs -log(1e-7), not infinity.
        double l = new SparseCategoricalCrossentropy(false).compute(Tensor.of(0), Tensor.of(new double[][] {{0, 1}}));
        assertEquals(-Math.log(1e-7), l, 1e-3);
        double b = new BinaryCrossentropy(false).compute(Tensor.of(1), Tensor.of(0.0));
        assertEquals(-Math.log(2e-7), b, 1e-3);
    }

    /** Every loss, both paths, on small batches whose predictions stay inside the clip range. */
    static List<Object[]> cases() {
        Tensor z = Tensor.of(new double[][] {{0.5, -1.2, 2.0}, {1.5, 0.3, -0.7}, {-0.4, 0.9, 0.1}});
        Tensor p = Activation.SOFTMAX.apply(z);
        Tensor sig = Activation.SIGMOID.apply(z);
        Tensor labels = Tensor.of(2, 0, 1);
        Tensor oneHot = Tensor.of(new double[][] {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}});
        Tensor multi = Tensor.of(new double[][] {{1, 0, 1}, {0, 0, 1}, {1, 1, 0}});
        return List.of(
                new Object[] {new SparseCategoricalCrossentropy(true), labels, z},
                new Object[] {new SparseCategoricalCrossentropy(false), labels, p},
                new Object[] {new CategoricalCrossentropy(true), oneHot, z},
                new Object[] {new CategoricalCrossentropy(false), oneHot, p},
                new Object[] {new BinaryCrossentropy(true), multi, z},
                new Object[] {new BinaryCrossentropy(false), multi, sig},
                new Object[] {new MeanSquaredError(), multi, z});
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        for (Object[] c : cases()) {
            Loss loss = (Loss) c[0];
            Tensor y = (Tensor) c[1];
            Tensor pred = (Tensor) c[2];
            int rows = pred.shape()[0];
            int cols = pred.shape()[1];
            float[] grad = new float[pred.size()];
            loss.lossAndGradient(y.data(), pred.data(), rows, cols, grad);
            for (int i = 0; i < grad.length; i++) {
                float[] plus = pred.toArray();
                float[] minus = pred.toArray();
                plus[i] += 1e-3f;
                minus[i] -= 1e-3f;
                double numeric = (loss.lossAndGradient(y.data(), plus, rows, cols, null)
                        - loss.lossAndGradient(y.data(), minus, rows, cols, null)) / ((double) plus[i] - minus[i]);
                assertEquals(numeric, grad[i], 1e-4 + 1e-3 * Math.abs(numeric), loss + " element " + i);
            }
        }
    }

    @Test
    void accuracyCountsArgmaxOrThresholdMatches() {
        float[] p = {0.1f, 0.7f, 0.2f, 0.6f, 0.3f, 0.1f};
        assertEquals(1, new SparseCategoricalCrossentropy(false).correct(new float[] {1, 2}, p, 2, 3));
        assertEquals(2, new CategoricalCrossentropy(false).correct(new float[] {0, 1, 0, 1, 0, 0}, p, 2, 3));
        // Multi-label: each output is its own yes/no decision at 0.5 (logit 0).
        BinaryCrossentropy bce = new BinaryCrossentropy(false);
        assertEquals(5, bce.correct(new float[] {0, 1, 0, 1, 0, 1}, p, 2, 3));
        assertEquals(6, bce.accuracyUnits(2, 3));
        assertEquals(1, new BinaryCrossentropy(true).correct(new float[] {1, 0}, new float[] {0.2f, 0.3f}, 2, 1));
        assertTrue(!new MeanSquaredError().hasAccuracy());
    }
}
