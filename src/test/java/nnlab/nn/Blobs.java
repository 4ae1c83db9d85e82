package nnlab.nn;

import java.util.SplittableRandom;

/**
 * Isotropic Gaussian clusters like scikit-learn's {@code make_blobs}: the same number of points
 * around each center (the first centers get one more when it does not divide), standard deviation
 * {@code std}, then shuffled. Labels are the center indices.
 */
final class Blobs {
    final Tensor x;
    final Tensor y;

    Blobs(int samples, double[][] centers, double std, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int dims = centers[0].length;
        float[] xs = new float[samples * dims];
        float[] ys = new float[samples];
        int i = 0;
        for (int c = 0; c < centers.length; c++) {
            int count = samples / centers.length + (c < samples % centers.length ? 1 : 0);
            for (int k = 0; k < count; k++, i++) {
                for (int d = 0; d < dims; d++) xs[i * dims + d] = (float) (centers[c][d] + std * gaussian(rnd));
                ys[i] = c;
            }
        }
        for (int a = samples - 1; a > 0; a--) {
            int b = rnd.nextInt(a + 1);
            for (int d = 0; d < dims; d++) swap(xs, a * dims + d, b * dims + d);
            swap(ys, a, b);
        }
        x = new Tensor(new int[] {samples, dims}, xs);
        y = new Tensor(new int[] {samples}, ys);
    }

    /** The softmax lab's data: 4 centers, std 1. */
    static Blobs softmaxLab(int samples, long seed) {
        return new Blobs(samples, new double[][] {{-5, 2}, {-2, -2}, {1, 2}, {5, -2}}, 1.0, seed);
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller; 1 - u keeps the logarithm finite.
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static void swap(float[] a, int i, int j) {
        float t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
