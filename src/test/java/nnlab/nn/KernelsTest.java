package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Vector API loops against their scalar definitions (bit for bit) and against plain math. */
class KernelsTest {
    /** Sizes that leave tails of every length after whole vectors, and sizes smaller than one vector. */
    private static final int[] SIZES = {0, 1, 7, 16, 17, 31, 100, 1037};

    @Test
    void reluMatchesScalarIncludingSignedZeroNaNAndInfinity() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int n : SIZES) {
            float[] z = withSpecials(rnd, n);
            float[] scalar = new float[n], vector = new float[n];
            Kernels.relu(z, scalar, 0, n);
            VectorKernels.relu(z, vector, n);
            assertArrayEquals(scalar, vector, "n=" + n);
            for (int i = 0; i < n; i++) {
                assertEquals(z[i] > 0 ? z[i] : 0f, scalar[i], "relu(" + z[i] + ")");
            }
        }
    }

    @Test
    void reluBackwardMatchesScalar() {
        SplittableRandom rnd = new SplittableRandom(6);
        for (int n : SIZES) {
            float[] z = withSpecials(rnd, n), da = withSpecials(rnd, n);
            float[] scalar = new float[n], vector = new float[n];
            Kernels.reluBackward(z, da, scalar, 0, n);
            VectorKernels.reluBackward(z, da, vector, n);
            assertArrayEquals(scalar, vector, "n=" + n);
            for (int i = 0; i < n; i++) {
                assertEquals(da[i] * (z[i] > 0 ? 1f : 0f), scalar[i], "relu'(" + z[i] + ")·" + da[i]);
            }
        }
    }

    @Test
    void adamMatchesScalarAndTheDoublePrecisionUpdate() {
        SplittableRandom rnd = new SplittableRandom(8);
        float c1 = 0.1f, c2 = 0.001f, lr = 0.0031f, eps = 1e-7f;
        for (int n : SIZES) {
            float[] w = random(rnd, n), g = random(rnd, n), m = random(rnd, n), v = random(rnd, n);
            for (int i = 0; i < n; i++) v[i] = Math.abs(v[i]);
            float[] ws = w.clone(), ms = m.clone(), vs = v.clone();
            float[] wv = w.clone(), mv = m.clone(), vv = v.clone();
            Kernels.adam(ws, g, ms, vs, 0, n, c1, c2, lr, eps);
            VectorKernels.adam(wv, g, mv, vv, n, c1, c2, lr, eps);
            assertArrayEquals(ws, wv, "w, n=" + n);
            assertArrayEquals(ms, mv, "m, n=" + n);
            assertArrayEquals(vs, vv, "v, n=" + n);
            for (int i = 0; i < n; i++) {
                double mi = m[i] + ((double) g[i] - m[i]) * c1;
                double vi = v[i] + ((double) g[i] * g[i] - v[i]) * c2;
                double wi = w[i] - lr * mi / (Math.sqrt(vi) + eps);
                assertEquals(wi, ws[i], 1e-6 * Math.max(1, Math.abs(wi)), "w[" + i + "]");
            }
        }
    }

    @Test
    void firstNonFiniteFindsTheFirstNaNOrInfinityAtEveryPosition() {
        for (int n : new int[] {1, 15, 16, 17, 100}) {
            float[] x = random(new SplittableRandom(n), n);
            assertEquals(-1, Kernels.firstNonFinite(x), "all finite, n=" + n);
            for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
                for (int at = 0; at < n; at++) {
                    float[] y = x.clone();
                    y[at] = bad;
                    if (at + 3 < n) y[at + 3] = Float.NaN; // a later one must not be reported instead
                    assertEquals(at, Kernels.firstNonFinite(y), bad + " at " + at + ", n=" + n);
                    assertEquals(at, Kernels.firstNonFinite(y, 0), "scalar: " + bad + " at " + at + ", n=" + n);
                }
            }
        }
    }

    private static float[] random(SplittableRandom rnd, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (rnd.nextDouble() * 4 - 2);
        return x;
    }

    private static float[] withSpecials(SplittableRandom rnd, int n) {
        float[] x = random(rnd, n);
        float[] specials = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE};
        for (int i = 0; i < n; i += 5) x[i] = specials[(i / 5) % specials.length];
        return x;
    }
}
