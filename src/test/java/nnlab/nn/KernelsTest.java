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
    void rmspropMatchesScalarAndTheDoublePrecisionUpdate() {
        SplittableRandom rnd = new SplittableRandom(9);
        float rho = 0.9f, c = 1f - rho, lr = 0.001f, eps = 1e-7f;
        for (int n : SIZES) {
            float[] w = random(rnd, n), g = random(rnd, n), ms = random(rnd, n);
            for (int i = 0; i < n; i++) ms[i] = Math.abs(ms[i]);
            if (n > 0) {
                g[0] = 0f; // a zero gradient on a zero mean: epsilon keeps the step finite
                ms[0] = 0f;
            }
            float[] ws = w.clone(), ss = ms.clone();
            float[] wv = w.clone(), sv = ms.clone();
            Kernels.rmsprop(ws, g, ss, 0, n, rho, c, lr, eps);
            VectorKernels.rmsprop(wv, g, sv, n, rho, c, lr, eps);
            assertArrayEquals(ws, wv, "w, n=" + n);
            assertArrayEquals(ss, sv, "ms, n=" + n);
            for (int i = 0; i < n; i++) {
                double si = (double) rho * ms[i] + (double) c * g[i] * g[i];
                double wi = w[i] - lr * g[i] / (Math.sqrt(si) + eps);
                assertEquals(si, ss[i], 1e-6 * Math.max(1, si), "ms[" + i + "]");
                assertEquals(wi, ws[i], 1e-6 * Math.max(1, Math.abs(wi)), "w[" + i + "]");
            }
        }
    }

    @Test
    void rmspropWithMomentumMatchesScalarAndTheDoublePrecisionUpdate() {
        SplittableRandom rnd = new SplittableRandom(10);
        float c = 0.2f, momentum = 0.9f, lr = 0.01f, eps = 0.1f;
        for (int n : SIZES) {
            float[] w = random(rnd, n), g = random(rnd, n), ms = random(rnd, n), mom = random(rnd, n);
            for (int i = 0; i < n; i++) ms[i] = Math.abs(ms[i]);
            float[] ws = w.clone(), ss = ms.clone(), momS = mom.clone();
            float[] wv = w.clone(), sv = ms.clone(), momV = mom.clone();
            Kernels.rmspropMomentum(ws, g, ss, momS, 0, n, c, momentum, lr, eps);
            VectorKernels.rmspropMomentum(wv, g, sv, momV, n, c, momentum, lr, eps);
            assertArrayEquals(ws, wv, "w, n=" + n);
            assertArrayEquals(ss, sv, "ms, n=" + n);
            assertArrayEquals(momS, momV, "mom, n=" + n);
            for (int i = 0; i < n; i++) {
                double si = ms[i] + ((double) g[i] * g[i] - ms[i]) * c;
                double mi = mom[i] * (double) momentum + (double) g[i] * lr / Math.sqrt(si + eps);
                assertEquals(mi, momS[i], 1e-6 * Math.max(1, Math.abs(mi)), "mom[" + i + "]");
                assertEquals(w[i] - mi, ws[i], 1e-6 * Math.max(1, Math.abs(w[i] - mi)), "w[" + i + "]");
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
