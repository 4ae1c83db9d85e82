package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The lecture's multi-label case (car / bus / pedestrian): one network with three sigmoid
 * outputs, each an independent yes/no answer, trained with binary cross-entropy.
 */
class MultiLabelTest {

    @Test
    void threeSigmoidOutputsLearnThreeIndependentLabels() {
        SplittableRandom rnd = new SplittableRandom(21);
        int n = 600;
        float[] x = new float[n * 2];
        float[] y = new float[n * 3];
        for (int i = 0; i < n; i++) {
            float a = (float) (4 * rnd.nextDouble() - 2);
            float b = (float) (4 * rnd.nextDouble() - 2);
            x[2 * i] = a;
            x[2 * i + 1] = b;
            y[3 * i] = a > 0 ? 1 : 0;
            y[3 * i + 1] = b > 0.5 ? 1 : 0;
            y[3 * i + 2] = a + b > 1 ? 1 : 0;
        }
        Tensor xs = Tensor.of(new int[] {n, 2}, x);
        Tensor ys = Tensor.of(new int[] {n, 3}, y);
        Sequential m = new Sequential(new Dense(16, Activation.RELU), new Dense(3, Activation.SIGMOID)).seed(2);
        m.compile(new BinaryCrossentropy(), new Adam(0.01));
        History h = m.fit(xs, ys, new FitOptions().epochs(15).verbose(0));
        float[] p = m.predict(xs).toArray();
        for (int label = 0; label < 3; label++) {
            int right = 0;
            for (int i = 0; i < n; i++) if ((p[3 * i + label] > 0.5f) == (y[3 * i + label] == 1)) right++;
            assertTrue(right >= 0.95 * n, "label " + label + ": " + right + " of " + n + " right");
        }
        assertTrue(h.get("accuracy").get(14) >= 0.95, "per-output accuracy " + h.get("accuracy"));
    }
}
