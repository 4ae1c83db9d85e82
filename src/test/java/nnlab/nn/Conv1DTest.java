package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The lecture's "other layer types" example: an ECG-like trace of 100 samples, units with windows. */
class Conv1DTest {

    private static Sequential ecgModel(int filters) {
        return new Sequential("ecg",
                new Conv1D(filters, 20, 10, Activation.SIGMOID, "windows"),  // X1-20, X11-30, ...: 9 windows
                new Conv1D(filters, 5, 2, Activation.SIGMOID, "windows2"),   // 5 of those 9 at a time: 3 units
                new Flatten(),
                new Dense(1, Activation.SIGMOID, "out"));
    }

    @Test
    void shapesAndParameterCountsFollowKeras() {
        Sequential m = ecgModel(1);
        m.build(100);
        List<Summary.Row> rows = m.summary().rows();
        assertEquals(new Summary.Row("windows", "Conv1D", "(None, 9, 1)", 20 + 1), rows.get(0));
        assertEquals(new Summary.Row("windows2", "Conv1D", "(None, 3, 1)", 5 + 1), rows.get(1));
        assertEquals(new Summary.Row("flatten", "Flatten", "(None, 3)", 0), rows.get(2));
        assertEquals(new Summary.Row("out", "Dense", "(None, 1)", 4), rows.get(3));
        assertArrayEquals(new int[] {20, 1, 1}, m.getWeights().get(0).shape());
        Sequential channels = new Sequential(new Conv1D(4, 3, 1, Activation.RELU));
        channels.build(10, 2);
        assertArrayEquals(new int[] {3, 2, 4}, channels.getWeights().get(0).shape());
        assertEquals("(None, 8, 4)", channels.summary().rows().get(0).outputShape());
    }

    @Test
    void aTraceWithOrWithoutItsChannelAxisIsTheSameInput() {
        float[] trace = new float[2 * 12];
        for (int i = 0; i < trace.length; i++) trace[i] = (float) Math.sin(i);
        Tensor flat = Tensor.of(new int[] {2, 12}, trace);
        Tensor withChannel = flat.reshape(2, 12, 1);
        for (int[] built : new int[][] {{12}, {12, 1}}) {
            Sequential m = new Sequential(new Conv1D(2, 4, 2, Activation.TANH), new Flatten()).seed(4);
            m.build(built);
            assertEquals(m.predict(flat), m.predict(withChannel));
        }
    }

    @Test
    void eachUnitSeesOnlyItsWindow() {
        // One filter of ones, no bias, linear: unit t sums x[10t .. 10t+19].
        Sequential m = new Sequential(new Conv1D(1, 20, 10, Activation.LINEAR));
        m.build(100);
        float[] ones = new float[20];
        java.util.Arrays.fill(ones, 1);
        m.setWeights(List.of(Tensor.of(new int[] {20, 1, 1}, ones), Tensor.zeros(1)));
        float[] x = new float[100];
        for (int i = 0; i < 100; i++) x[i] = i;
        float[] out = m.predict(Tensor.of(new int[] {1, 100}, x)).toArray();
        for (int t = 0; t < 9; t++) assertEquals(20 * 10 * t + 190, out[t], 1e-3, "window " + t);
    }

    @Test
    void learnsToSpotASpikeInANoisyTrace() {
        SplittableRandom rnd = new SplittableRandom(17);
        int n = 400;
        float[] x = new float[n * 100];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double phase = rnd.nextDouble() * 2 * Math.PI;
            for (int t = 0; t < 100; t++) x[i * 100 + t] = (float) (0.5 * Math.sin(phase + t / 8.0) + 0.2 * (rnd.nextDouble() - 0.5));
            y[i] = i % 2;
            if (y[i] == 1) {
                int at = rnd.nextInt(5, 95);
                for (int d = -3; d <= 3; d++) x[i * 100 + at + d] += (float) (3.0 - 0.75 * Math.abs(d));
            }
        }
        Tensor xs = Tensor.of(new int[] {n, 100}, x);
        Tensor ys = Tensor.of(y);
        Sequential m = ecgModel(4).seed(3);
        m.compile(new BinaryCrossentropy(), new Adam(0.01));
        History h = m.fit(xs, ys, new FitOptions().epochs(30).verbose(0));
        assertTrue(h.get("accuracy").get(29) >= 0.93, "accuracy " + h.get("accuracy"));
    }
}
