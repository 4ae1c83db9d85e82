package nnlab.nn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * The Java side of bench/run: warm up, then measure. Prints one JSON object per line.
 *
 * <pre>
 *   gemm      GFLOP/s of MatMul.gemm: 1024³ on 1 and 2 threads, and the products of Nets A and B
 *   train     examples/s of Sequential.fit for Net A and Net B, and Net A's predict on 10,000 rows
 *             (a third argument A or B trains only that net, for profiling)
 *   rss       trains Net B once in this (fresh) JVM and reports its peak resident memory
 * </pre>
 * Timings are the best of several runs: the machine is shared, and the best run is the one least
 * disturbed by other processes (the peers are measured the same way).
 */
public final class Bench {
    private Bench() {}

    /** Layer widths, batch size, epochs, examples; the same as bench/peers.py. */
    private static final int[][] NET_A = {{400, 25, 15, 10}, {32, 40, 5000}};
    private static final int[][] NET_B = {{784, 512, 512, 10}, {256, 5, 10000}};
    private static final int PREDICT_ROWS = 10000;

    public static void main(String[] args) throws IOException {
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        switch (args[0]) {
            case "gemm" -> gemm(repeats);
            case "train" -> train(repeats, args.length > 2 ? args[2] : "AB");
            case "rss" -> rss();
            default -> throw new IllegalArgumentException("usage: Bench gemm|train|rss [repeats]");
        }
    }

    private static void gemm(int repeats) {
        emit("gemm", "1024x1024x1024 (1 thread)", gflops(1, false, false, 1024, 1024, 1024, repeats));
        emit("gemm", "1024x1024x1024 (2 threads)", gflops(2, false, false, 1024, 1024, 1024, repeats));
        for (int[][] net : new int[][][] {NET_A, NET_B}) {
            String label = net == NET_A ? "Net A" : "Net B";
            int[] w = net[0];
            int batch = net[1][0];
            for (int l = 0; l + 1 < w.length; l++) {
                int in = w[l], out = w[l + 1];
                emit("gemm", String.format("%s L%d x·W %dx%dx%d", label, l + 1, batch, out, in),
                        gflops(MatMul.THREADS, false, false, batch, out, in, repeats));
                emit("gemm", String.format("%s L%d xᵀ·dz %dx%dx%d", label, l + 1, in, out, batch),
                        gflops(MatMul.THREADS, true, false, in, out, batch, repeats));
                if (l > 0) {
                    emit("gemm", String.format("%s L%d dz·Wᵀ %dx%dx%d", label, l + 1, batch, in, out),
                            gflops(MatMul.THREADS, false, true, batch, in, out, repeats));
                }
            }
        }
    }

    private static double gflops(int threads, boolean ta, boolean tb, int m, int n, int k, int repeats) {
        SplittableRandom rnd = new SplittableRandom(1);
        float[] a = gaussian(rnd, m * k), b = gaussian(rnd, k * n), c = new float[m * n];
        double flop = 2.0 * m * n * k;
        int calls = (int) Math.max(1, 2e8 / flop);
        // Warm up for at least half a second: a shape that takes a branch the JIT has not seen yet
        // (the transposed-A packing, say) runs deoptimised code for a while.
        long warmUntil = System.nanoTime() + 500_000_000L;
        for (int i = 0; i < 5 * calls || System.nanoTime() < warmUntil; i++) MatMul.gemm(threads, ta, tb, m, n, k, a, b, c, false);
        double best = best(4 * repeats, () -> {
            long t = System.nanoTime();
            for (int i = 0; i < calls; i++) MatMul.gemm(threads, ta, tb, m, n, k, a, b, c, false);
            return (System.nanoTime() - t) / 1e9 / calls;
        });
        return flop / best / 1e9;
    }

    private static void train(int repeats, String nets) {
        for (int[][] net : new int[][][] {NET_A, NET_B}) {
            String label = net == NET_A ? "Net A" : "Net B";
            if (!nets.contains(label.substring(4))) continue;
            Tensor[] xy = data(net[0], net[1][2], 1);
            fit(net, xy, net[1][1]); // warm-up: one whole run, so the JIT has compiled every loop
            int examples = net[1][1] * net[1][2];
            long allocated = allocatedBytes();
            double seconds = best(repeats, () -> fit(net, xy, net[1][1]));
            int batches = repeats * net[1][1] * ((net[1][2] + net[1][0] - 1) / net[1][0]);
            emit("train", label, examples / seconds);
            emit("alloc", label + " bytes allocated per batch", (double) (allocatedBytes() - allocated) / batches);
            // Steady state: a second fit of a model that already has its weights and optimizer state.
            Sequential model = model(net[0]);
            fitModel(model, net, xy, 1);
            allocated = allocatedBytes();
            fitModel(model, net, xy, net[1][1]);
            emit("alloc", label + " bytes allocated per batch in steady state",
                    (double) (allocatedBytes() - allocated) / (batches / repeats));
        }
        if (!nets.contains("A")) return;
        Sequential model = model(NET_A[0]);
        fitModel(model, NET_A, data(NET_A[0], NET_A[1][2], 1), 1);
        Tensor x = data(NET_A[0], PREDICT_ROWS, 2)[0];
        for (int i = 0; i < 20; i++) model.predict(x);
        emit("predict", "Net A 10000 rows (ms)", 1000 * best(20, () -> {
            long t = System.nanoTime();
            model.predict(x);
            return (System.nanoTime() - t) / 1e9;
        }));
    }

    private static void rss() throws IOException {
        Tensor[] xy = data(NET_B[0], NET_B[1][2], 1);
        fit(NET_B, xy, NET_B[1][1]);
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                emit("rss", "Net B training peak RSS (MB)", Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
            }
        }
    }

    private static double fit(int[][] net, Tensor[] xy, int epochs) {
        return fitModel(model(net[0]), net, xy, epochs);
    }

    private static double fitModel(Sequential model, int[][] net, Tensor[] xy, int epochs) {
        long t = System.nanoTime();
        model.fit(xy[0], xy[1], new FitOptions().epochs(epochs).batchSize(net[1][0]).verbose(0));
        return (System.nanoTime() - t) / 1e9;
    }

    private static Sequential model(int[] widths) {
        Layer[] layers = new Layer[widths.length - 1];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = new Dense(widths[l + 1], l + 2 < widths.length ? Activation.RELU : Activation.LINEAR);
        }
        Sequential model = new Sequential(layers);
        model.seed(0);
        model.compile(new SparseCategoricalCrossentropy(true), new Adam(1e-3));
        model.build(widths[0]);
        return model;
    }

    /** Standard-normal inputs and uniform labels, the shapes of bench/peers.py. */
    private static Tensor[] data(int[] widths, int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] y = new float[rows];
        for (int i = 0; i < rows; i++) y[i] = rnd.nextInt(widths[widths.length - 1]);
        return new Tensor[] {Tensor.of(new int[] {rows, widths[0]}, gaussian(rnd, rows * widths[0])), Tensor.of(new int[] {rows}, y)};
    }

    private static float[] gaussian(SplittableRandom rnd, int size) {
        java.util.Random r = new java.util.Random(rnd.nextLong());
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = (float) r.nextGaussian();
        return x;
    }

    /** Bytes this thread has allocated so far (the pool threads of MatMul allocate nothing per call). */
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }

    private static double best(int runs, DoubleSupplier run) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < runs; i++) best = Math.min(best, run.getAsDouble());
        return best;
    }

    private static void emit(String kind, String what, double value) {
        System.out.printf(Locale.ROOT, "{\"kind\": \"%s\", \"what\": \"%s\", \"value\": %.6g, \"threads\": %d, \"vector\": %b}%n",
                kind, what, value, MatMul.THREADS, MatMul.VECTOR);
    }
}
