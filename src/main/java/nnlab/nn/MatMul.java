package nnlab.nn;

/**
 * The one matrix product every layer uses: {@code C = op(A) · op(B)} (or {@code C += ...}) on
 * row-major float arrays, where {@code op(X)} is X or its transpose. Dense layers need all three
 * forms: {@code z = x·W} forward, {@code dW = xᵀ·dz} and {@code dx = dz·Wᵀ} backward.
 *
 * <p>This is the plain reference version; the performance work replaces the body with a
 * vectorised, cache-blocked one that must give the same results.
 */
final class MatMul {
    private MatMul() {}

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
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = accumulate ? c[i * n + j] : 0f;
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[p * m + i] : a[i * k + p];
                    float bv = transB ? b[j * k + p] : b[p * n + j];
                    sum += av * bv;
                }
                c[i * n + j] = sum;
            }
        }
    }
}
