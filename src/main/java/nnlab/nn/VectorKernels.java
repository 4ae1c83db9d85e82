package nnlab.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API versions of {@link Kernels}' loops: the same float operations lane by lane (IEEE
 * float arithmetic and square root are exact-rounded either way), the tail left to the scalar
 * loop. Loaded only when the {@code jdk.incubator.vector} module is present.
 */
final class VectorKernels {
    private VectorKernels() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    /** A length up to which x is surely finite: whole vectors are skipped while |x| ≤ MAX_VALUE holds in every lane. */
    static int finitePrefix(float[] x) {
        int i = 0;
        for (int end = S.loopBound(x.length); i < end; i += S.length()) {
            if (!FloatVector.fromArray(S, x, i).abs().compare(VectorOperators.LE, Float.MAX_VALUE).allTrue()) break;
        }
        return i;
    }

    static void relu(float[] z, float[] a, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, z, i);
            x.blend(0f, x.compare(VectorOperators.GT, 0f).not()).intoArray(a, i);
        }
        Kernels.relu(z, a, i, n);
    }

    static void reluBackward(float[] z, float[] da, float[] dz, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            FloatVector d = FloatVector.fromArray(S, da, i);
            VectorMask<Float> on = FloatVector.fromArray(S, z, i).compare(VectorOperators.GT, 0f);
            d.mul(0f).blend(d, on).intoArray(dz, i);
        }
        Kernels.reluBackward(z, da, dz, i, n);
    }

    static void adam(float[] w, float[] g, float[] m, float[] v, int n, float c1, float c2, float lr, float eps) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            FloatVector gi = FloatVector.fromArray(S, g, i);
            FloatVector mi = FloatVector.fromArray(S, m, i);
            FloatVector vi = FloatVector.fromArray(S, v, i);
            mi = mi.add(gi.sub(mi).mul(c1));
            vi = vi.add(gi.mul(gi).sub(vi).mul(c2));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            FloatVector step = mi.mul(lr).div(vi.lanewise(VectorOperators.SQRT).add(eps));
            FloatVector.fromArray(S, w, i).sub(step).intoArray(w, i);
        }
        Kernels.adam(w, g, m, v, i, n, c1, c2, lr, eps);
    }

    static void rmsprop(float[] w, float[] g, float[] ms, int n, float rho, float c, float lr, float eps) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            FloatVector gi = FloatVector.fromArray(S, g, i);
            FloatVector si = FloatVector.fromArray(S, ms, i).mul(rho).add(gi.mul(gi).mul(c));
            si.intoArray(ms, i);
            FloatVector step = gi.mul(lr).div(si.lanewise(VectorOperators.SQRT).add(eps));
            FloatVector.fromArray(S, w, i).sub(step).intoArray(w, i);
        }
        Kernels.rmsprop(w, g, ms, i, n, rho, c, lr, eps);
    }

    static void rmspropMomentum(float[] w, float[] g, float[] ms, float[] mom, int n, float c, float momentum,
                                float lr, float eps) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            FloatVector gi = FloatVector.fromArray(S, g, i);
            FloatVector si = FloatVector.fromArray(S, ms, i);
            si = si.add(gi.mul(gi).sub(si).mul(c));
            si.intoArray(ms, i);
            FloatVector mi = FloatVector.fromArray(S, mom, i).mul(momentum)
                    .add(gi.mul(lr).div(si.add(eps).lanewise(VectorOperators.SQRT)));
            mi.intoArray(mom, i);
            FloatVector.fromArray(S, w, i).sub(mi).intoArray(w, i);
        }
        Kernels.rmspropMomentum(w, g, ms, mom, i, n, c, momentum, lr, eps);
    }
}
