package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The softmax lab end to end: 2000 points in 4 blobs, a 25-15-4 network, 10 epochs of Adam. */
class BlobsExperimentTest {
    private static final Blobs DATA = Blobs.softmaxLab(2000, 30);

    private static Sequential model(Activation output) {
        return new Sequential(
                new Dense(25, Activation.RELU),
                new Dense(15, Activation.RELU),
                new Dense(4, output)).seed(1234);
    }

    private static double accuracy(Tensor out, Tensor labels) {
        int[] predicted = out.argmax();
        int right = 0;
        for (int i = 0; i < predicted.length; i++) if (predicted[i] == (int) labels.get(i)) right++;
        return (double) right / predicted.length;
    }

    @Test
    void preferredModelWithLogitsReaches97Percent() {
        Sequential m = model(Activation.LINEAR);
        m.compile(new SparseCategoricalCrossentropy(true), new Adam(0.001));
        History h = m.fit(DATA.x, DATA.y, new FitOptions().epochs(10).verbose(0));
        assertEquals(10, h.epochs());
        assertTrue(h.loss().get(9) < h.loss().get(0) / 3, "loss falls: " + h.loss());
        double acc = accuracy(m.predict(DATA.x), DATA.y);
        assertTrue(acc >= 0.97, "training accuracy " + acc);
        assertEquals(acc, h.get("accuracy").get(9), 0.02);
    }

    private static Sequential obvious;
    private static History obviousHistory;

    @BeforeAll
    static void trainTheObviousModel() {
        obvious = model(Activation.SOFTMAX);
        obvious.compile(new SparseCategoricalCrossentropy(false), new Adam(0.001));
        obviousHistory = obvious.fit(DATA.x, DATA.y, new FitOptions().epochs(10).verbose(0));
    }

    @Test
    void obviousModelWithSoftmaxOutputAlsoTrains() {
        assertTrue(obviousHistory.loss().get(9) < obviousHistory.loss().get(0) / 3, "loss falls: " + obviousHistory.loss());
        assertTrue(accuracy(obvious.predict(DATA.x), DATA.y) >= 0.97);
    }

    /**
     * The lecture's point about the "numerically better" softmax: on confident predictions the
     * loss computed from float32 probabilities is far less precise than the loss computed from
     * the logits. The logits z are the softmax model's own last-layer values; the reference is
     * -log softmax(z)_y in double precision. Rounding p to float32 leaves about 6e-8 of absolute
     * precision in 1 - p_y, which is most of the loss when the loss itself is tiny.
     */
    @Test
    void probabilityPathLosesPrecisionOnConfidentPredictions() {
        Tensor z = obvious.trace(DATA.x).layer(2).z();
        Tensor p = obvious.predict(DATA.x);
        int confident = 0;
        double worstProb = 0;
        double worstLogit = 0;
        double meanProb = 0;
        for (int i = 0; i < DATA.y.size(); i++) {
            Tensor label = DATA.y.rows(i, i + 1);
            double reference = referenceLoss(z.row(i).toArray(), (int) label.get(0));
            if (reference > 1e-3) continue;
            confident++;
            double probError = relativeError(new SparseCategoricalCrossentropy(false).compute(label, p.rows(i, i + 1)), reference);
            double logitError = relativeError(new SparseCategoricalCrossentropy(true).compute(label, z.rows(i, i + 1)), reference);
            worstProb = Math.max(worstProb, probError);
            worstLogit = Math.max(worstLogit, logitError);
            meanProb += probError;
        }
        meanProb /= confident;
        assertTrue(confident > 500, "confident predictions: " + confident);
        assertTrue(meanProb > 1e-5 && worstProb > 1e-3, "probability path: mean " + meanProb + ", worst " + worstProb);
        assertTrue(worstLogit < 1e-12, "logits path: worst " + worstLogit);
    }

    /** One very confident prediction: logits [0, 20, 0, 0] for class 1. */
    @Test
    void probabilityPathCannotRepresentAVeryConfidentPrediction() {
        Tensor z = Tensor.of(new float[][] {{0, 20, 0, 0}});
        Tensor label = Tensor.of(1);
        double reference = Math.log1p(3 * Math.exp(-20)); // 6.1835e-9
        assertEquals(6.1835e-9, reference, 1e-13);
        assertEquals(1.0f, Activation.SOFTMAX.apply(z).get(0, 1), "p_1 rounds to exactly 1 in float32");
        assertEquals(reference, new SparseCategoricalCrossentropy(true).compute(label, z), 1e-15 * reference);
        // Through probabilities: p_1 is clipped to 1 - 1e-7 and the other three up to 1e-7 each.
        double viaProbabilities = new SparseCategoricalCrossentropy(false).compute(label, Activation.SOFTMAX.apply(z));
        assertEquals(-Math.log(1 - 1e-7) + Math.log(1 + 2e-7), viaProbabilities, 1e-15);
        assertTrue(viaProbabilities > 40 * reference);
    }

    /** -log softmax(z)_label in double; log1p keeps the digits of a loss near 0. */
    private static double referenceLoss(float[] z, int label) {
        double others = 0;
        for (int j = 0; j < z.length; j++) if (j != label) others += Math.exp((double) z[j] - z[label]);
        return Math.log1p(others);
    }

    private static double relativeError(double value, double reference) {
        return Math.abs(value - reference) / reference;
    }
}
