package nnlab.nn;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

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
 * hand-off are cut into chunks of rows or columns of C that a few daemon threads share; a cut
 * never changes any element's chain.
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
        int threads = Math.min(maxThreads, parts(m, n, k));
        if (threads == 1) {
            block(transA, transB, m, n, k, a, b, c, accumulate, 0, m, 0, n);
            return;
        }
        Split split = new Split(transA, transB, m, n, k, a, b, c, accumulate, threads);
        for (int t = 1; t < threads; t++) POOL.execute(split);
        split.run();
        split.await();
    }

    /** How many threads to use for an m×n×k product. */
    static int parts(int m, int n, int k) {
        return POOL == null || (long) m * n * k < PARALLEL_MIN_FLOPS ? 1 : THREADS;
    }

    /**
     * One product cut into one chunk of rows or columns of C per thread, which the caller and the
     * pool threads claim. One chunk each, not several smaller ones that would balance a thread the
     * OS sets aside for a while: every row chunk reads or packs all of B, and on a shared 2-core
     * machine the 1024³ product ran about 7% faster with two chunks than with eight.
     */
    private static final class Split implements Runnable {
        /** Size of op(B) from which on row chunks may share one packed copy: 1 MB. */
        private static final long SHARED_B_MIN_FLOATS = 1 << 18;
        /**
         * Rows per chunk from which on a chunk packs its own copy of B: it then stays in the
         * thread's own L2 for several row blocks instead of being read from the shared cache
         * (6% faster for 1024³ on two threads).
         */
        private static final int OWN_B_MIN_ROWS = 4 * VectorGemm.MC;
        private final boolean transA, transB, accumulate, byRows;
        private final int m, n, k, unit, extent, chunks, packTasks, tasks;
        private final float[] a, b, c;
        /** op(B) packed once for all row chunks (vector path), or null. */
        private final float[] packedB;
        private final Thread caller = Thread.currentThread();
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger packed = new AtomicInteger();
        private volatile Throwable failure;

        Split(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, float[] c,
              boolean accumulate, int threads) {
            this.transA = transA;
            this.transB = transB;
            this.m = m;
            this.n = n;
            this.k = k;
            this.a = a;
            this.b = b;
            this.c = c;
            this.accumulate = accumulate;
            // A row chunk packs all of B, a column chunk all of A (when it packs A at all): cut
            // the dimension whose other operand is the smaller one, if it has tiles enough.
            // Chunks hold whole tiles; the scalar path has none, and must not load VectorGemm.
            int rowUnit = VECTOR ? VectorGemm.tileRows(n) : 1;
            int columnUnit = VECTOR ? VectorGemm.NR : 1;
            byRows = n <= m ? m >= 2 * rowUnit : n < 2 * columnUnit;
            unit = byRows ? rowUnit : columnUnit;
            extent = byRows ? m : n;
            chunks = Math.min((extent + unit - 1) / unit, threads);
            // Row chunks each pack all of B. When B is large and a chunk has few rows to use it
            // for, the threads first pack B once together, each a share of the panels, and all
            // chunks read that copy.
            packedB = VECTOR && byRows && (long) n * k > SHARED_B_MIN_FLOATS && m / chunks < OWN_B_MIN_ROWS
                    ? VectorGemm.sharedB(n, k) : null;
            packTasks = packedB == null ? 0 : threads;
            tasks = packTasks + chunks;
        }

        @Override
        public void run() {
            for (int t; (t = next.getAndIncrement()) < tasks; ) {
                try {
                    if (t < packTasks) {
                        int panels = (n + VectorGemm.NR - 1) / VectorGemm.NR;
                        VectorGemm.packB(transB, n, k, b, packedB,
                                panels * t / packTasks, panels * (t + 1) / packTasks);
                    } else {
                        while (packed.get() < packTasks) Thread.onSpinWait();
                        int from = bound(t - packTasks), to = bound(t - packTasks + 1);
                        if (packedB != null) VectorGemm.gemm(transA, transB, m, n, k, a, b, c, accumulate, from, to, 0, n, packedB);
                        else if (byRows) block(transA, transB, m, n, k, a, b, c, accumulate, from, to, 0, n);
                        else block(transA, transB, m, n, k, a, b, c, accumulate, 0, m, from, to);
                    }
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    if (t < packTasks) packed.incrementAndGet();
                }
                if (done.incrementAndGet() == tasks) LockSupport.unpark(caller);
            }
        }

        /** Start of chunk t: the extent cut into `chunks` pieces on multiples of unit. */
        private int bound(int t) {
            int units = (extent + unit - 1) / unit;
            return Math.min(extent, (int) ((long) units * t / chunks) * unit);
        }

        /** Waits until every chunk is written; an interrupt is kept for later, as C must be complete. */
        void await() {
            boolean interrupted = false;
            while (done.get() < tasks) {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
            if (interrupted) Thread.currentThread().interrupt();
            if (failure != null) throw new IllegalStateException("matrix product failed in a worker thread", failure);
        }
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
