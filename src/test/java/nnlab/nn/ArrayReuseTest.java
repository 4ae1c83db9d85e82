package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * fit reuses its work arrays from batch to batch; nothing handed to the caller may be one of them.
 * These tests keep results from predict and trace, train again, and check the kept results did not
 * change underneath.
 */
class ArrayReuseTest {
    private static Sequential model() {
        Sequential m = new Sequential(new Dense(6, Activation.RELU), new Dense(3, Activation.LINEAR));
        m.seed(3);
        m.compile(new SparseCategoricalCrossentropy(true), new Adam(0.01));
        m.build(4);
        return m;
    }

    private static Tensor[] data(int rows) {
        SplittableRandom rnd = new SplittableRandom(9);
        float[] x = new float[rows * 4], y = new float[rows];
        for (int i = 0; i < x.length; i++) x[i] = (float) rnd.nextGaussian();
        for (int i = 0; i < rows; i++) y[i] = rnd.nextInt(3);
        return new Tensor[] {Tensor.of(new int[] {rows, 4}, x), Tensor.of(new int[] {rows}, y)};
    }

    @Test
    void predictionsKeptByTheCallerSurviveLaterTraining() {
        Sequential m = model();
        Tensor[] xy = data(10);
        m.fit(xy[0], xy[1], new FitOptions().epochs(2).batchSize(10).verbose(0));
        Tensor kept = m.predict(xy[0]);
        float[] before = kept.toArray();
        // Same batch size as the predict call: a layer that reused arrays would overwrite `kept`.
        m.fit(xy[0], xy[1], new FitOptions().epochs(2).batchSize(10).verbose(0));
        assertArrayEquals(before, kept.toArray());
    }

    @Test
    void traceRecordsKeptByTheCallerSurviveLaterTraining() {
        Sequential m = model();
        Tensor[] xy = data(8);
        Trace trace = m.trace(xy[0]);
        float[] z = trace.layer(0).z().toArray(), a = trace.layer(1).a().toArray();
        m.fit(xy[0], xy[1], new FitOptions().epochs(3).batchSize(8).verbose(0));
        assertArrayEquals(z, trace.layer(0).z().toArray());
        assertArrayEquals(a, trace.layer(1).a().toArray());
    }

    @Test
    void unevenBatchesAndValidationGiveTheSameWeightsAsASecondIdenticalRun() {
        // 23 rows, 20% validation, batch 5: batches of 5 and a last one of 3, plus a validation
        // pass of 5 rows, so each work slot sees several lengths. Two fresh models with the same
        // seed must end with identical weights, and both must differ from the initial ones.
        Tensor[] xy = data(23);
        FitOptions options = new FitOptions().epochs(4).batchSize(5).validationSplit(0.2).verbose(0);
        Sequential first = model(), second = model();
        float[] initial = first.getWeights().get(0).toArray();
        first.fit(xy[0], xy[1], options);
        second.fit(xy[0], xy[1], options);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(first.getWeights().get(i).toArray(), second.getWeights().get(i).toArray(), "weight " + i);
        }
        org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(initial, first.getWeights().get(0).toArray()));
    }
}
