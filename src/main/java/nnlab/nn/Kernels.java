package nnlab.nn;

/**
 * Element-wise loops of training (ReLU forward and backward, the Adam and RMSprop updates, the
 * finiteness check of inputs) with one scalar definition each. When the Vector API is present
 * ({@link MatMul#VECTOR}) {@link VectorKernels} runs the same float operations in the same order on
 * whole vectors, so both paths give identical bits; the scalar methods also finish the tail that
 * does not fill a vector.
 */
final class Kernels {
    private Kernels() {}

    /** The index of the first NaN or infinity in x, or -1 if every value is finite. */
    static int firstNonFinite(float[] x) {
        return firstNonFinite(x, MatMul.VECTOR ? VectorKernels.finitePrefix(x) : 0);
    }

    static int firstNonFinite(float[] x, int from) {
        for (int i = from; i < x.length; i++) if (!Float.isFinite(x[i])) return i;
        return -1;
    }

    /** a[i] = z[i] > 0 ? z[i] : 0 for i in [0, n); may run in place. */
    static void relu(float[] z, float[] a, int n) {
        if (MatMul.VECTOR) VectorKernels.relu(z, a, n);
        else relu(z, a, 0, n);
    }

    static void relu(float[] z, float[] a, int from, int to) {
        for (int i = from; i < to; i++) a[i] = z[i] > 0 ? z[i] : 0f;
    }

    /** dz[i] = da[i] · (z[i] > 0 ? 1 : 0) for i in [0, n), as a float product (so NaN stays NaN). */
    static void reluBackward(float[] z, float[] da, float[] dz, int n) {
        if (MatMul.VECTOR) VectorKernels.reluBackward(z, da, dz, n);
        else reluBackward(z, da, dz, 0, n);
    }

    static void reluBackward(float[] z, float[] da, float[] dz, int from, int to) {
        for (int i = from; i < to; i++) dz[i] = da[i] * (z[i] > 0 ? 1f : 0f);
    }

    /**
     * One Adam step on n weights, in float: {@code m += (g - m)·c1; v += (g² - v)·c2;
     * w -= lr·m / (√v + eps)}, where c1 = 1-β1, c2 = 1-β2 and lr is the bias-corrected rate.
     */
    static void adam(float[] w, float[] g, float[] m, float[] v, int n, float c1, float c2, float lr, float eps) {
        if (MatMul.VECTOR) VectorKernels.adam(w, g, m, v, n, c1, c2, lr, eps);
        else adam(w, g, m, v, 0, n, c1, c2, lr, eps);
    }

    static void adam(float[] w, float[] g, float[] m, float[] v, int from, int to,
                     float c1, float c2, float lr, float eps) {
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = m[i] + (gi - m[i]) * c1;
            float vi = v[i] + (gi * gi - v[i]) * c2;
            m[i] = mi;
            v[i] = vi;
            w[i] -= lr * mi / ((float) Math.sqrt(vi) + eps);
        }
    }

    /**
     * One momentum-free RMSprop step on n weights, in float, as Keras 2 writes it:
     * {@code ms = rho·ms + c·g²; w -= lr·g / (√ms + eps)}, where c = 1-ρ.
     */
    static void rmsprop(float[] w, float[] g, float[] ms, int n, float rho, float c, float lr, float eps) {
        if (MatMul.VECTOR) VectorKernels.rmsprop(w, g, ms, n, rho, c, lr, eps);
        else rmsprop(w, g, ms, 0, n, rho, c, lr, eps);
    }

    static void rmsprop(float[] w, float[] g, float[] ms, int from, int to, float rho, float c, float lr, float eps) {
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float si = rho * ms[i] + c * (gi * gi);
            ms[i] = si;
            w[i] -= lr * gi / ((float) Math.sqrt(si) + eps);
        }
    }

    /**
     * One RMSprop step with momentum on n weights, in float, as TensorFlow's ApplyRMSProp kernel
     * computes it: {@code ms += (g² - ms)·c; mom = momentum·mom + g·lr / √(ms + eps); w -= mom}.
     */
    static void rmspropMomentum(float[] w, float[] g, float[] ms, float[] mom, int n, float c, float momentum,
                                float lr, float eps) {
        if (MatMul.VECTOR) VectorKernels.rmspropMomentum(w, g, ms, mom, n, c, momentum, lr, eps);
        else rmspropMomentum(w, g, ms, mom, 0, n, c, momentum, lr, eps);
    }

    static void rmspropMomentum(float[] w, float[] g, float[] ms, float[] mom, int from, int to, float c,
                                float momentum, float lr, float eps) {
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float si = ms[i] + (gi * gi - ms[i]) * c;
            ms[i] = si;
            float mi = mom[i] * momentum + gi * lr / (float) Math.sqrt(si + eps);
            mom[i] = mi;
            w[i] -= mi;
        }
    }
}
