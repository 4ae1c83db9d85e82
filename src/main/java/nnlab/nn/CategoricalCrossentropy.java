package nnlab.nn;

/**
 * Cross-entropy for one of several classes with one-hot (or probability) targets: {@code y} has
 * shape {@code (batch, classes)}, e.g. {@code [0, 0, 1, 0]} for class 2. The loss of an example
 * is {@code -Σ_j y_j log a_j}.
 *
 * <p>With {@code fromLogits = true} the outputs are logits (stable log-sum-exp formula). With
 * {@code fromLogits = false} the outputs are first rescaled to sum to 1 and clipped to
 * [1e-7, 1 - 1e-7], as Keras does.
 */
public final class CategoricalCrossentropy extends Loss {

    /** @param fromLogits true if the model outputs logits (a linear output layer) */
    public CategoricalCrossentropy(boolean fromLogits) {
        super(fromLogits);
    }

    /** The probability form, like Keras' {@code CategoricalCrossentropy()}. */
    public CategoricalCrossentropy() {
        this(false);
    }

    @Override
    public String name() {
        return "categorical_crossentropy";
    }

    @Override
    void checkTargets(Tensor yTrue, int rows, int cols) {
        checkFinite(yTrue);
        int[] shape = yTrue.shape();
        if (shape.length != 2 || shape[0] != rows || shape[1] != cols) {
            String hint = shape.length == 1 || shape.length == 2 && shape[1] == 1
                    ? "; y looks like class indices: use SparseCategoricalCrossentropy"
                    : "; the output layer needs one unit per class";
            throw new IllegalArgumentException("CategoricalCrossentropy: y has shape " + Tensor.shapeString(shape)
                    + " but the predictions have shape (" + rows + ", " + cols + "); y needs one-hot rows of width "
                    + cols + hint);
        }
    }

    @Override
    double lossAndGradient(float[] yTrue, float[] pred, int rows, int cols, float[] grad) {
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int off = r * cols;
            double ySum = 0;
            for (int j = 0; j < cols; j++) ySum += yTrue[off + j];
            if (fromLogits()) {
                int top = argmax(pred, off, cols);
                double excess = log1pOthers(pred, off, cols, top);
                for (int j = 0; j < cols; j++) total += yTrue[off + j] * (((double) pred[off + top] - pred[off + j]) + excess);
                if (grad != null) {
                    double lse = pred[off + top] + excess;
                    for (int j = 0; j < cols; j++) {
                        grad[off + j] = (float) ((Math.exp(pred[off + j] - lse) * ySum - yTrue[off + j]) / rows);
                    }
                }
            } else {
                double sum = 0;
                for (int j = 0; j < cols; j++) sum += pred[off + j];
                // dL/dq_j for q = p / Σp, then through the rescaling: dL/dp_i = (g_i - Σ_j g_j q_j) / Σp.
                double gq = 0;
                for (int j = 0; j < cols; j++) {
                    double q = pred[off + j] / sum;
                    total -= yTrue[off + j] * Math.log(clip(q));
                    gq += (inClipRange(q) ? -yTrue[off + j] / q : 0) * q;
                }
                if (grad != null) {
                    for (int j = 0; j < cols; j++) {
                        double q = pred[off + j] / sum;
                        double g = inClipRange(q) ? -yTrue[off + j] / q : 0;
                        grad[off + j] = (float) ((g - gq) / sum / rows);
                    }
                }
            }
        }
        return total / rows;
    }

    @Override
    long correct(float[] yTrue, float[] pred, int rows, int cols) {
        long n = 0;
        for (int r = 0; r < rows; r++) if (argmax(pred, r * cols, cols) == argmax(yTrue, r * cols, cols)) n++;
        return n;
    }
}
