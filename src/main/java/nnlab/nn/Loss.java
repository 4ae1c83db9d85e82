package nnlab.nn;

/**
 * A loss function {@code L(y, ŷ)} measured on one example and averaged over the batch (Keras'
 * "sum over batch size" reduction). Training minimises it.
 *
 * <p>Cross-entropy losses take either probabilities ({@code fromLogits = false}: the model ends
 * in sigmoid or softmax) or logits ({@code fromLogits = true}: the model ends in a linear layer
 * and the loss applies sigmoid/softmax itself with a numerically stable formula). Probabilities
 * are clipped to {@code [1e-7, 1 - 1e-7]} before the logarithm, as in Keras. Unlike Keras, a
 * softmax output is never silently turned back into logits: the probability path is what you get.
 */
public abstract class Loss {
    /** Keras' fuzz factor {@code epsilon()}: probabilities are clipped to [EPSILON, 1 - EPSILON]. */
    static final double EPSILON = 1e-7;

    private final boolean fromLogits;

    Loss(boolean fromLogits) {
        this.fromLogits = fromLogits;
    }

    /** @return true if this loss expects logits (unbounded scores) rather than probabilities */
    public boolean fromLogits() {
        return fromLogits;
    }

    /** @return the Keras name of the loss, e.g. {@code "sparse_categorical_crossentropy"} */
    public abstract String name();

    /**
     * The loss of predictions {@code yPred} against the targets {@code yTrue}, averaged over the
     * batch (the first axis; a rank-1 {@code yPred} is one example).
     *
     * @param yTrue the targets (their form depends on the loss)
     * @param yPred the model outputs, shape {@code (batch, outputs)}
     * @return the mean loss
     * @throws IllegalArgumentException if the targets do not fit the predictions
     */
    public double compute(Tensor yTrue, Tensor yPred) {
        int rows = rowsOf(yPred);
        int cols = rows == 0 ? 0 : yPred.size() / rows;
        checkTargets(yTrue, rows, cols);
        return lossAndGradient(yTrue.data(), yPred.data(), rows, cols, null);
    }

    static int rowsOf(Tensor yPred) {
        return yPred.rank() <= 1 ? 1 : yPred.shape()[0];
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(fromLogits=" + fromLogits + ")";
    }

    /**
     * Throws an {@link IllegalArgumentException} naming the problem if {@code yTrue} does not fit
     * predictions of {@code rows × cols} (wrong count, shape, or values).
     */
    abstract void checkTargets(Tensor yTrue, int rows, int cols);

    /**
     * The mean loss over {@code rows} examples; if {@code grad} is not null it receives
     * dLoss/dPred (already divided by the batch size), same layout as {@code pred}.
     */
    abstract double lossAndGradient(float[] yTrue, float[] pred, int rows, int cols, float[] grad);

    /** @return false for losses where "accuracy" means nothing (regression) */
    boolean hasAccuracy() {
        return true;
    }

    /** How many accuracy units ({@link #accuracyUnits}) the predictions get right. */
    abstract long correct(float[] yTrue, float[] pred, int rows, int cols);

    /** The number of accuracy units for {@code rows × cols} predictions: examples, or outputs for binary ones. */
    long accuracyUnits(int rows, int cols) {
        return rows;
    }

    // Shared checks used by the subclasses.

    void checkSameSize(Tensor yTrue, int rows, int cols) {
        if (yTrue.size() != (long) rows * cols || yTrue.rank() > 1 && yTrue.shape()[0] != rows) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": y has shape "
                    + Tensor.shapeString(yTrue.shape()) + " but the predictions have shape (" + rows + ", " + cols + ")"
                    + "; y needs one row of " + cols + " value" + (cols == 1 ? "" : "s") + " per example");
        }
    }

    void checkFinite(Tensor yTrue) {
        float[] y = yTrue.data();
        for (int i = 0; i < y.length; i++) {
            if (!Float.isFinite(y[i])) {
                throw new IllegalArgumentException(getClass().getSimpleName() + ": y contains " + y[i]
                        + " at flat index " + i + "; remove or replace NaN/infinite targets");
            }
        }
    }

    static double clip(double p) {
        return Math.min(Math.max(p, EPSILON), 1 - EPSILON);
    }

    static boolean inClipRange(double p) {
        return p >= EPSILON && p <= 1 - EPSILON;
    }

    /**
     * For the row's largest logit {@code z_top}: log(Σ_j e^{z_j - z_top}) = log1p(Σ_{j≠top} e^{z_j - z_top}).
     * Then {@code -log softmax(z)_j = (z_top - z_j) + this}: nothing overflows, and the tiny loss
     * of a confident prediction keeps all its digits (no large number is added and subtracted).
     */
    static double log1pOthers(float[] z, int off, int cols, int top) {
        double others = 0;
        for (int j = 0; j < cols; j++) if (j != top) others += Math.exp((double) z[off + j] - z[off + top]);
        return Math.log1p(others);
    }

    static int argmax(float[] v, int off, int cols) {
        int best = 0;
        for (int j = 1; j < cols; j++) if (v[off + j] > v[off + best]) best = j;
        return best;
    }
}
