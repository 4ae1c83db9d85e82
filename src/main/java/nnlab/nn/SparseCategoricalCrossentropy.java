package nnlab.nn;

/**
 * Cross-entropy for one of several classes with integer labels: {@code y} holds the class index
 * {@code 0..classes-1} of each example (shape {@code (batch)} or {@code (batch, 1)}), the model
 * outputs one score per class. The loss of an example is {@code -log a_y}.
 *
 * <p>With {@code fromLogits = true} the outputs are logits and the loss is computed as
 * {@code logSumExp(z) - z_y}, which stays accurate for confident predictions; this is the
 * lecture's "preferred" model (a linear output layer). With {@code fromLogits = false} the
 * outputs are probabilities (a softmax output layer); they are clipped to [1e-7, 1 - 1e-7].
 */
public final class SparseCategoricalCrossentropy extends Loss {

    /** @param fromLogits true if the model outputs logits (a linear output layer) */
    public SparseCategoricalCrossentropy(boolean fromLogits) {
        super(fromLogits);
    }

    /** The probability form, like Keras' {@code SparseCategoricalCrossentropy()}. */
    public SparseCategoricalCrossentropy() {
        this(false);
    }

    @Override
    public String name() {
        return "sparse_categorical_crossentropy";
    }

    @Override
    void checkTargets(Tensor yTrue, int rows, int cols) {
        checkFinite(yTrue);
        int[] shape = yTrue.shape();
        boolean labelShape = shape.length == 1 && shape[0] == rows || shape.length == 2 && shape[0] == rows && shape[1] == 1;
        if (!labelShape) {
            String hint = shape.length == 2 && shape[1] == cols
                    ? "; y looks one-hot: use CategoricalCrossentropy, or pass class indices"
                    : "";
            throw new IllegalArgumentException("SparseCategoricalCrossentropy: y has shape " + Tensor.shapeString(shape)
                    + " but needs one class index per example, shape (" + rows + ",) or (" + rows + ", 1)" + hint);
        }
        float[] y = yTrue.data();
        for (int i = 0; i < y.length; i++) {
            if (y[i] != Math.rint(y[i])) {
                throw new IllegalArgumentException("SparseCategoricalCrossentropy: label y[" + i + "] = " + y[i]
                        + " is not an integer class index in [0, " + cols + "); for probability"
                        + " or one-hot targets use CategoricalCrossentropy");
            }
            if (y[i] < 0 || y[i] >= cols) {
                throw new IllegalArgumentException("SparseCategoricalCrossentropy: label y[" + i + "] = " + (int) y[i]
                        + " is outside [0, " + cols + "): the model has " + cols + " outputs, one per class;"
                        + " give the output layer as many units as there are classes, or relabel the classes 0.."
                        + (cols - 1));
            }
        }
    }

    /** A row's exponentials, kept between calls so that a training step allocates nothing. */
    private double[] expScratch = new double[0];

    private double[] exps(int cols) {
        if (expScratch.length < cols) expScratch = new double[cols];
        return expScratch;
    }

    @Override
    double lossAndGradient(float[] yTrue, float[] pred, int rows, int cols, float[] grad) {
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int off = r * cols;
            int label = (int) yTrue[r];
            if (fromLogits()) {
                int top = argmax(pred, off, cols);
                // e_j = exp(z_j - z_top), once per logit: the loss needs their sum, the gradient
                // softmax_j = e_j / Σ e.
                double[] e = exps(cols);
                double others = 0;
                for (int j = 0; j < cols; j++) {
                    e[j] = Math.exp((double) pred[off + j] - pred[off + top]);
                    if (j != top) others += e[j];
                }
                total += ((double) pred[off + top] - pred[off + label]) + Math.log1p(others);
                if (grad != null) {
                    for (int j = 0; j < cols; j++) {
                        double softmax = e[j] / (1 + others);
                        grad[off + j] = (float) ((softmax - (j == label ? 1 : 0)) / rows);
                    }
                }
            } else {
                // Keras: log of the clipped probabilities, then softmax cross-entropy on those
                // logs, i.e. -log c_y + log Σ c_j (the sum is 1 for an exact softmax).
                double sum = 0;
                for (int j = 0; j < cols; j++) sum += clip(pred[off + j]);
                double cy = clip(pred[off + label]);
                total += -Math.log(cy) + Math.log(sum);
                if (grad != null) {
                    for (int j = 0; j < cols; j++) {
                        double g = inClipRange(pred[off + j]) ? 1 / sum - (j == label ? 1 / cy : 0) : 0;
                        grad[off + j] = (float) (g / rows);
                    }
                }
            }
        }
        return total / rows;
    }

    @Override
    long correct(float[] yTrue, float[] pred, int rows, int cols) {
        long n = 0;
        for (int r = 0; r < rows; r++) if (argmax(pred, r * cols, cols) == (int) yTrue[r]) n++;
        return n;
    }
}
