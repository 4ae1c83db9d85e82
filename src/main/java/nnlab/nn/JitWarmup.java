package nnlab.nn;

import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Gets the JIT to compile the Vector API paths before a notebook needs them. Until C2 has
 * compiled them, Vector API calls run as boxed Java code, hundreds of times slower than compiled
 * code, and compiling them takes C2 about a second: in a fresh JVM the first one-epoch {@code fit}
 * of the digits network took 1.4 s instead of 15 ms, and of the 784-512-512-10 one 3-4 s instead
 * of 0.3 s (0.4 s after this warm-up). The Jupyter kernel runs
 * {@link #run(BooleanSupplier)} on a background thread whenever no cell is running, so this
 * happens while the student reads the first cells.
 */
public final class JitWarmup {
    private JitWarmup() {}

    /** Rounds in a row in which the vector path must clearly win before it counts as compiled. */
    private static final int WINS_NEEDED = 3;
    /** How much faster than the scalar loops a compiled vector round is at least (measured: 4-10x). */
    private static final int SPEED_UP = 4;
    /** Stop after running this long even if the vector path never wins (a slow or crowded machine). */
    private static final long LIMIT_NANOS = 20_000_000_000L;
    /** How often to ask whether the caller is idle again. */
    private static final long POLL_MILLIS = 50;
    /**
     * Small products that take the branches of {@link VectorGemm} that networks take: packed A
     * (five B panels) and A read in place (two panels), edge tiles in both directions, in the
     * four transpose combinations, overwriting and accumulating. Small, because C2 compiles after
     * a number of calls and loop iterations, and each one costs the most before it has.
     */
    private static final int[][] SHAPES = {{13, 130, 20}, {9, 40, 7}};
    private static final int ELEMENTS = 1003;

    /**
     * Runs the vector kernels and their scalar twins on small inputs, round after round, until
     * the vector round is clearly faster (about a second of one core on an idle machine), then
     * one small {@code fit}; returns at once when the Vector API is not in use. Between rounds it
     * waits while {@code mayRun} says no, so that it only uses time the caller would leave idle.
     * Nothing is shared with other threads, so it may run while a notebook trains.
     *
     * @return true if the vector path was compiled (or is not in use); false if the thread was
     *         interrupted or the vector path did not win within 20 s of running
     */
    public static boolean run(BooleanSupplier mayRun) {
        if (!MatMul.VECTOR) return true;
        SplittableRandom rnd = new SplittableRandom(1);
        float[][] a = new float[SHAPES.length][], b = new float[SHAPES.length][], c = new float[SHAPES.length][];
        for (int s = 0; s < SHAPES.length; s++) {
            int m = SHAPES[s][0], n = SHAPES[s][1], k = SHAPES[s][2];
            a[s] = values(rnd, m * k);
            b[s] = values(rnd, k * n);
            c[s] = new float[m * n];
        }
        float[] x = values(rnd, ELEMENTS), y = values(rnd, ELEMENTS), w = values(rnd, ELEMENTS);
        float[] m1 = new float[ELEMENTS], m2 = new float[ELEMENTS];
        long spent = 0;
        for (int wins = 0; wins < WINS_NEEDED; ) {
            if (spent > LIMIT_NANOS || !await(mayRun)) return false;
            long t0 = System.nanoTime();
            round(true, a, b, c, x, y, w, m1, m2);
            long t1 = System.nanoTime();
            round(false, a, b, c, x, y, w, m1, m2);
            long t2 = System.nanoTime();
            wins = SPEED_UP * (t1 - t0) < t2 - t1 ? wins + 1 : 0;
            spent += t2 - t0;
        }
        if (!await(mayRun)) return false;
        fitOnce(rnd);
        return true;
    }

    private static boolean await(BooleanSupplier mayRun) {
        try {
            while (!mayRun.getAsBoolean()) Thread.sleep(POLL_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A small fit and predict, so that the classes of training are loaded and its loops compiled too. */
    private static void fitOnce(SplittableRandom rnd) {
        int n = 256, features = 20;
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) labels[i] = rnd.nextInt(3);
        Tensor x = Tensor.of(new int[] {n, features}, values(rnd, n * features)), y = Tensor.of(new int[] {n}, labels);
        Sequential model = new Sequential(new Dense(16, Activation.RELU), new Dense(3, Activation.LINEAR)).seed(1);
        model.compile(new SparseCategoricalCrossentropy(true), new Adam(1e-3));
        model.fit(x, y, new FitOptions().epochs(20).batchSize(32).verbose(0));
        model.predict(x);
    }

    private static void round(boolean vector, float[][] a, float[][] b, float[][] c,
                              float[] x, float[] y, float[] w, float[] m1, float[] m2) {
        for (int s = 0; s < SHAPES.length; s++) {
            int m = SHAPES[s][0], n = SHAPES[s][1], k = SHAPES[s][2];
            for (int mode = 0; mode < 8; mode++) {
                boolean transA = (mode & 1) != 0, transB = (mode & 2) != 0, accumulate = (mode & 4) != 0;
                if (vector) VectorGemm.gemm(transA, transB, m, n, k, a[s], b[s], c[s], accumulate, 0, m, 0, n);
                else MatMul.scalarGemm(transA, transB, m, n, k, a[s], b[s], c[s], accumulate, 0, m, 0, n);
            }
        }
        int n = ELEMENTS;
        // Tiny steps keep every value finite however many rounds run.
        if (vector) {
            VectorKernels.finitePrefix(x);
            VectorKernels.relu(x, y, n);
            VectorKernels.reluBackward(x, y, m1, n);
            VectorKernels.adam(w, x, m1, m2, n, 0.1f, 0.001f, 1e-6f, 1e-7f);
            VectorKernels.rmsprop(w, x, m2, n, 0.9f, 0.1f, 1e-6f, 1e-7f);
            VectorKernels.rmspropMomentum(w, x, m2, m1, n, 0.1f, 0.5f, 1e-6f, 1e-7f);
        } else {
            Kernels.firstNonFinite(x, 0);
            Kernels.relu(x, y, 0, n);
            Kernels.reluBackward(x, y, m1, 0, n);
            Kernels.adam(w, x, m1, m2, 0, n, 0.1f, 0.001f, 1e-6f, 1e-7f);
            Kernels.rmsprop(w, x, m2, 0, n, 0.9f, 0.1f, 1e-6f, 1e-7f);
            Kernels.rmspropMomentum(w, x, m2, m1, 0, n, 0.1f, 0.5f, 1e-6f, 1e-7f);
        }
    }

    private static float[] values(SplittableRandom rnd, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) v[i] = (float) (rnd.nextDouble() * 2 - 1);
        return v;
    }
}
