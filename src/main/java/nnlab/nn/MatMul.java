package nnlab.nn;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one matrix product every layer uses: {@code C = op(A) · op(B)} (or {@code C += ...}) on
 * row-major float arrays, where {@code op(X)} is X or its transpose. Dense layers need all three
 * forms: {@code z = x·W} forward, {@code dW = xᵀ·dz} and {@code dx = dz·Wᵀ} backward.
 *
 * <p>Every element is one fused-multiply-add chain: start at C (when accumulating) or 0, then
 * {@code s = fma(op(A)[i][p], op(B)[p][j], s)} for p = 0..k-1 in order. Two implementations give
 * exactly that: {@link VectorGemm} (Vector API, used when the {@code jdk.incubator.vector} module
 * is present, i.e. the JVM was started with {@code --add-modules jdk.incubator.vector}) and
 * {@link #scalarGemm}, so results do not depend on the flag. Products big enough to repay the
 * hand-off are split over a few daemon threads by rows or columns of C; a split never changes any
 * element's chain.
 */
final class MatMul {
    private MatMul() {}

    /** Whether {@link VectorGemm} is used. Checked before that class is touched, so it never loads without the module. */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && VectorGemm.worthwhile();

    /** Threads that share one product: the cores, at most 8. */
    static final int THREADS = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));

    /**
     * Multiply-adds below which one thread is faster: waking a parked thread costs tens of
     * microseconds, about what one core needs for this much work.
     */
    static final long PARALLEL_MIN_FLOPS = 1L << 21;

    private static final ExecutorService POOL = THREADS == 1 ? null
            : Executors.newFixedThreadPool(THREADS - 1, r -> {
                Thread t = new Thread(r, "nnlab-matmul");
                t.setDaemon(true);
                return t;
            });

    /**
     * @param transA     A is stored as k×m (use its transpose)
     * @param transB     B is stored as n×k (use its transpose)
     * @param m          rows of C
     * @param n          columns of C
     * @param k          the shared dimension
     * @param accumulate add into C instead of overwriting it
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, float[] b, float[] c, boolean accumulate) {
        gemm(THREADS, transA, transB, m, n, k, a, b, c, accumulate);
    }

    /** {@link #gemm(boolean, boolean, int, int, int, float[], float[], float[], boolean)} on at most maxThreads threads. */
    static void gemm(int maxThreads, boolean transA, boolean transB, int m, int n, int k,
                     float[] a, float[] b, float[] c, boolean accumulate) {
        if (m == 0 || n == 0) return;
        int parts = Math.min(maxThreads, parts(m, n, k));
        if (parts == 1) {
            block(transA, transB, m, n, k, a, b, c, accumulate, 0, m, 0, n);
            return;
        }
        // Each thread packs its share of the split operand and all of the other one, so split
        // the dimension whose other operand is cheaper to copy twice (when it has enough tiles).
        boolean byRows = n <= m ? m >= 2 * VectorGemm.MR : n < 2 * VectorGemm.NR;
        int unit = byRows ? VectorGemm.MR : VectorGemm.NR;
        int extent = byRows ? m : n;
        parts = Math.min(parts, (extent + unit - 1) / unit);
        Future<?>[] pending = new Future<?>[parts - 1];
        for (int t = 1; t < parts; t++) {
            int from = bound(extent, unit, parts, t), to = bound(extent, unit, parts, t + 1);
            pending[t - 1] = POOL.submit(byRows
                    ? () -> block(transA, transB, m, n, k, a, b, c, accumulate, from, to, 0, n)
                    : () -> block(transA, transB, m, n, k, a, b, c, accumulate, 0, m, from, to));
        }
        int first = bound(extent, unit, parts, 1);
        if (byRows) block(transA, transB, m, n, k, a, b, c, accumulate, 0, first, 0, n);
        else block(transA, transB, m, n, k, a, b, c, accumulate, 0, m, 0, first);
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during a matrix product", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("matrix product failed in a worker thread", e.getCause());
            }
        }
    }

    /** How many threads to use for an m×n×k product. */
    static int parts(int m, int n, int k) {
        return POOL == null || (long) m * n * k < PARALLEL_MIN_FLOPS ? 1 : THREADS;
    }

    /** Start of part t of [0, extent) cut into `parts` pieces on multiples of unit. */
    private static int bound(int extent, int unit, int parts, int t) {
        if (t >= parts) return extent;
        int units = (extent + unit - 1) / unit;
        return Math.min(extent, (int) ((long) units * t / parts) * unit);
    }

    private static void block(boolean transA, boolean transB, int m, int n, int k,
                              float[] a, float[] b, float[] c, boolean accumulate,
                              int i0, int i1, int j0, int j1) {
        if (VECTOR) VectorGemm.gemm(transA, transB, m, n, k, a, b, c, accumulate, i0, i1, j0, j1);
        else scalarGemm(transA, transB, m, n, k, a, b, c, accumulate, i0, i1, j0, j1);
    }

    /**
     * The fallback without the Vector API, and the reference the vector path must match bit for bit.
     * Computes rows [i0, i1) and columns [j0, j1) of C. Loop orders keep the inner loop on
     * contiguous memory; each element still sees its p terms in ascending order.
     */
    static void scalarGemm(boolean transA, boolean transB, int m, int n, int k,
                           float[] a, float[] b, float[] c, boolean accumulate,
                           int i0, int i1, int j0, int j1) {
        for (int i = i0; i < i1; i++) {
            int ci = i * n;
            if (!accumulate) java.util.Arrays.fill(c, ci + j0, ci + j1, 0f);
            if (transB) {
                for (int j = j0; j < j1; j++) {
                    float s = c[ci + j];
                    for (int p = 0, bj = j * k; p < k; p++) {
                        s = Math.fma(transA ? a[p * m + i] : a[i * k + p], b[bj + p], s);
                    }
                    c[ci + j] = s;
                }
            } else {
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[p * m + i] : a[i * k + p];
                    for (int j = j0, bp = p * n; j < j1; j++) c[ci + j] = Math.fma(av, b[bp + j], c[ci + j]);
                }
            }
        }
    }
}
