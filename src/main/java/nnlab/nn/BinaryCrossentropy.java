package nnlab.nn;

/**
 * Cross-entropy for yes/no targets: each output is the probability (or logit) that its label is
 * 1, and {@code y} holds 0 or 1 per output, shape {@code (batch, outputs)} (or {@code (batch)}
 * for one output). Several outputs make a multi-label classifier. The loss is averaged over the
 * outputs and then over the batch.
 *
 * <p>Probability path (Keras 2): {@code -[y log(p + ε) + (1 - y) log(1 - p + ε)]} with p clipped
 * to [ε, 1 - ε], ε = 1e-7. Logits path: {@code max(z, 0) - z·y + log(1 + e^{-|z|})}.
 */
public final class BinaryCrossentropy extends Loss {

    /** @param fromLogits true if the model outputs logits (a linear output layer) */
    public BinaryCrossentropy(boolean fromLogits) {
        super(fromLogits);
    }

    /** The probability form, like Keras' {@code BinaryCrossentropy()}. */
    public BinaryCrossentropy() {
        this(false);
    }

    @Override
    public String name() {
        return "binary_crossentropy";
    }

    @Override
    void checkTargets(Tensor yTrue, int rows, int cols) {
        checkFinite(yTrue);
        checkSameSize(yTrue, rows, cols);
        float[] y = yTrue.data();
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] > 1) {
                throw new IllegalArgumentException("BinaryCrossentropy: label y[" + i + "] = " + y[i]
                        + " is outside [0, 1]; binary labels are 0 or 1 (for several classes use"
                        + " SparseCategoricalCrossentropy with one output unit per class)");
            }
        }
    }

    @Override
    double lossAndGradient(float[] yTrue, float[] pred, int rows, int cols, float[] grad) {
        double total = 0;
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            double y = yTrue[i];
            double p = pred[i];
            if (fromLogits()) {
                total += Math.max(p, 0) - p * y + Math.log1p(Math.exp(-Math.abs(p)));
                if (grad != null) grad[i] = (float) ((Activation.SIGMOID.apply(p) - y) / n);
            } else {
                double c = clip(p);
                total -= y * Math.log(c + EPSILON) + (1 - y) * Math.log(1 - c + EPSILON);
                if (grad != null) {
                    grad[i] = inClipRange(p) ? (float) ((-y / (c + EPSILON) + (1 - y) / (1 - c + EPSILON)) / n) : 0f;
                }
            }
        }
        return total / n;
    }

    @Override
    long correct(float[] yTrue, float[] pred, int rows, int cols) {
        // Probability 0.5 is logit 0.
        double threshold = fromLogits() ? 0 : 0.5;
        long n = 0;
        for (int i = 0; i < rows * cols; i++) if ((pred[i] > threshold) == (yTrue[i] > 0.5)) n++;
        return n;
    }

    @Override
    long accuracyUnits(int rows, int cols) {
        return (long) rows * cols;
    }
}
