package nnlab.nn;

/**
 * The mean of {@code (y - ŷ)²} over the outputs, then over the batch; for regression. Like
 * Keras there is no factor ½ (the lecture's squared-error cost has one).
 */
public final class MeanSquaredError extends Loss {

    /** The squared-error loss. */
    public MeanSquaredError() {
        super(false);
    }

    @Override
    public String name() {
        return "mean_squared_error";
    }

    @Override
    public String toString() {
        return "MeanSquaredError()";
    }

    @Override
    void checkTargets(Tensor yTrue, int rows, int cols) {
        checkFinite(yTrue);
        checkSameSize(yTrue, rows, cols);
    }

    @Override
    double lossAndGradient(float[] yTrue, float[] pred, int rows, int cols, float[] grad) {
        double total = 0;
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            double diff = (double) pred[i] - yTrue[i];
            total += diff * diff;
            if (grad != null) grad[i] = (float) (2 * diff / n);
        }
        return total / n;
    }

    @Override
    boolean hasAccuracy() {
        return false;
    }

    @Override
    long correct(float[] yTrue, float[] pred, int rows, int cols) {
        throw new UnsupportedOperationException("accuracy is not defined for a regression loss");
    }
}
