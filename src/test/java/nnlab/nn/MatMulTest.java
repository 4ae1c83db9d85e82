package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The matrix product against a double-precision reference, and the Vector API path against the
 * scalar fallback: same inputs, bit-identical outputs, for every transpose combination, odd sizes
 * that leave partial register tiles and partial k blocks, accumulation, and threaded splits.
 */
class MatMulTest {
    /** Shapes (m, n, k) chosen to hit full tiles, edge tiles in both directions, several k blocks, and Dense layer shapes. */
    private static final int[][] SHAPES = {
        {1, 1, 1}, {3, 5, 7}, {8, 32, 16}, {9, 33, 17}, {17, 31, 300}, {32, 25, 400}, {400, 25, 32},
        {32, 400, 25}, {61, 47, 513}, {130, 70, 5}, {5, 130, 70}, {256, 96, 260}, {7, 1, 1000}, {1, 40, 3},
        {12, 32, 16}, {25, 65, 257}, {245, 130, 40},
    };

    @Test
    void vectorModuleIsActiveInTheTestJvm() {
        // Surefire passes --add-modules jdk.incubator.vector; without it this whole class would
        // compare the scalar path with itself.
        assertTrue(MatMul.VECTOR, "the Vector API path should be active under Surefire");
    }

    @Test
    void bothPathsMatchTheDoubleReferenceAndEachOtherExactly() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int[] s : SHAPES) {
            for (int mode = 0; mode < 8; mode++) {
                boolean transA = (mode & 1) != 0, transB = (mode & 2) != 0, accumulate = (mode & 4) != 0;
                int m = s[0], n = s[1], k = s[2];
                float[] a = random(rnd, m * k), b = random(rnd, k * n), c0 = random(rnd, m * n);
                String where = String.format("m=%d n=%d k=%d transA=%b transB=%b accumulate=%b",
                        m, n, k, transA, transB, accumulate);

                float[] scalar = c0.clone();
                MatMul.scalarGemm(transA, transB, m, n, k, a, b, scalar, accumulate, 0, m, 0, n);
                float[] vector = c0.clone();
                VectorGemm.gemm(transA, transB, m, n, k, a, b, vector, accumulate, 0, m, 0, n);
                float[] threaded = c0.clone();
                MatMul.gemm(transA, transB, m, n, k, a, b, threaded, accumulate);

                assertArrayEquals(scalar, vector, "vector vs scalar, " + where);
                assertArrayEquals(scalar, threaded, "threaded vs scalar, " + where);
                assertCloseToReference(transA, transB, m, n, k, a, b, c0, accumulate, scalar, where);
            }
        }
    }

    @Test
    void threadSplitsByRowsAndByColumnsGiveTheSameBits() {
        SplittableRandom rnd = new SplittableRandom(7);
        // Tall (split by rows) and wide (split by columns), both above the threading threshold;
        // the last two split by rows with a large B: packed once and shared, and packed per thread.
        for (int[] s : new int[][] {{301, 40, 333}, {40, 301, 333}, {200, 200, 200}, {700, 600, 500}, {1000, 600, 500}}) {
            int m = s[0], n = s[1], k = s[2];
            assertTrue((long) m * n * k >= MatMul.PARALLEL_MIN_FLOPS);
            float[] a = random(rnd, m * k), b = random(rnd, k * n);
            for (int mode = 0; mode < 4; mode++) {
                boolean transA = (mode & 1) != 0, transB = (mode & 2) != 0;
                float[] one = new float[m * n], all = new float[m * n];
                MatMul.gemm(1, transA, transB, m, n, k, a, b, one, false);
                MatMul.gemm(8, transA, transB, m, n, k, a, b, all, false);
                assertArrayEquals(one, all, "m=" + m + " n=" + n + " k=" + k + " mode=" + mode);
            }
        }
    }

    @Test
    void emptySharedDimensionGivesZerosOrLeavesC() {
        float[] c = {1, 2, 3, 4};
        MatMul.gemm(false, false, 2, 2, 0, new float[0], new float[0], c, true);
        assertArrayEquals(new float[] {1, 2, 3, 4}, c);
        MatMul.gemm(false, false, 2, 2, 0, new float[0], new float[0], c, false);
        assertArrayEquals(new float[4], c);
    }

    @Test
    void withoutTheVectorModuleTheLibraryFallsBackAndGivesTheSameBits() throws Exception {
        String cp = location(MatMul.class) + File.pathSeparator + location(MatMulTest.class);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, NoVectorModule.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        assertEquals("vector=false warmup=true " + NoVectorModule.fingerprint(), out);
    }

    @Test
    void withAvx2TheSixRowKernelsGiveTheSameBits() throws Exception {
        // -XX:UseAVX=2 leaves 256-bit vectors and 16 registers: the 6-row kernels run, packed and in place.
        String cp = location(MatMul.class) + File.pathSeparator + location(MatMulTest.class);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-XX:UseAVX=2", "-cp", cp, Avx2.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        assertEquals("tile rows 6/6 " + NoVectorModule.fingerprint(), out.lines().reduce((x, y) -> y).orElse(""), out);
    }

    private static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /**
     * |C - reference| must stay within float32 rounding of a k-term sum: k·ε·Σ|a·b| (plus the
     * accumulated start value), a bound every correct summation order satisfies.
     */
    private static void assertCloseToReference(boolean transA, boolean transB, int m, int n, int k,
                                               float[] a, float[] b, float[] c0, boolean accumulate,
                                               float[] actual, String where) {
        double eps = Math.ulp(1f);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double ref = accumulate ? c0[i * n + j] : 0, mag = Math.abs(ref);
                for (int p = 0; p < k; p++) {
                    double t = (double) (transA ? a[p * m + i] : a[i * k + p])
                            * (transB ? b[j * k + p] : b[p * n + j]);
                    ref += t;
                    mag += Math.abs(t);
                }
                double err = Math.abs(actual[i * n + j] - ref);
                if (err > (k + 1) * eps * mag + 1e-30) {
                    fail(String.format("%s: C[%d][%d] off by %g from the double reference", where, i, j, err));
                }
            }
        }
    }

    static float[] random(SplittableRandom rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = (float) (rnd.nextDouble() * 2 - 1);
        return x;
    }

    /** Run in a child JVM with AVX2 only: prints the packed tile height and the hash of the results. */
    static final class Avx2 {
        public static void main(String[] args) {
            System.out.println("tile rows " + (MatMul.VECTOR ? VectorGemm.PACKED_MR + "/" + VectorGemm.MR : "none") + " "
                    + NoVectorModule.fingerprint());
        }
    }

    /** Run in a child JVM started without --add-modules: prints which path is active and a hash of the results. */
    static final class NoVectorModule {
        public static void main(String[] args) {
            // The JIT warm-up must return at once without touching the vector classes.
            System.out.println("vector=" + MatMul.VECTOR + " warmup=" + JitWarmup.run(() -> true) + " " + fingerprint());
        }

        /**
         * A hash of MatMul.gemm's output bits over all transpose combinations of an odd shape, and
         * of tall and wide ones that are large enough to be split across threads (the last one
         * packs A with AVX2's 16-column panels).
         */
        static int fingerprint() {
            SplittableRandom rnd = new SplittableRandom(3);
            int hash = 1;
            for (int[] s : new int[][] {{37, 45, 290}, {301, 40, 333}, {40, 301, 333}, {130, 70, 300}}) {
                int m = s[0], n = s[1], k = s[2];
                for (int mode = 0; mode < 8; mode++) {
                    float[] a = random(rnd, m * k), b = random(rnd, k * n), c = random(rnd, m * n);
                    MatMul.gemm((mode & 1) != 0, (mode & 2) != 0, m, n, k, a, b, c, (mode & 4) != 0);
                    hash = 31 * hash + Arrays.hashCode(c);
                }
            }
            return hash;
        }
    }
}
