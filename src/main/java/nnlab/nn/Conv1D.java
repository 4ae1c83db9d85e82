package nnlab.nn;

/**
 * A 1-D convolution: each output unit looks only at a window of {@code kernelSize} consecutive
 * steps of the input, and the window moves {@code stride} steps at a time (no padding, Keras'
 * {@code padding="valid"}). Every filter shares its weights across all windows.
 *
 * <p>Input shape {@code (batch, steps, channels)}; a 2-D input {@code (batch, steps)}, such as
 * an ECG trace of 100 samples, counts as one channel. Output shape
 * {@code (batch, (steps - kernelSize) / stride + 1, filters)}. The kernel {@code W} has Keras'
 * shape {@code (kernelSize, channels, filters)}, the bias {@code b} shape {@code (filters)}.
 */
public final class Conv1D extends AffineLayer {
    private final int kernelSize;
    private final int stride;
    private int steps;
    private int channels;
    private int outSteps;
    private int[] lastInputShape;

    /**
     * @param filters    the number of filters (output channels), positive
     * @param kernelSize the window length, positive
     * @param stride     how far the window moves, positive
     * @param activation the activation function {@code g}
     * @param name       the layer's name
     */
    public Conv1D(int filters, int kernelSize, int stride, Activation activation, String name) {
        super(name, "conv1d", filters, "filters", activation);
        checkPositive("kernelSize", kernelSize);
        checkPositive("stride", stride);
        this.kernelSize = kernelSize;
        this.stride = stride;
    }

    /**
     * A layer with a default name ({@code conv1d}, {@code conv1d_1}, ...).
     *
     * @param filters    the number of filters (output channels), positive
     * @param kernelSize the window length, positive
     * @param stride     how far the window moves, positive
     * @param activation the activation function {@code g}
     */
    public Conv1D(int filters, int kernelSize, int stride, Activation activation) {
        this(filters, kernelSize, stride, activation, null);
    }

    private static void checkPositive(String arg, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("Conv1D: " + arg + " must be positive but was " + value);
        }
    }

    /** @return the number of filters */
    public int filters() {
        return units;
    }

    /** @return the window length */
    public int kernelSize() {
        return kernelSize;
    }

    /** @return the step between windows */
    public int stride() {
        return stride;
    }

    @Override
    int[] computeOutputShape(int[] inputShape) {
        if (inputShape.length != 1 && inputShape.length != 2) {
            throw new IllegalArgumentException("Conv1D layer '" + name() + "' expects inputs of shape (None, steps) or"
                    + " (None, steps, channels) but got rank " + (inputShape.length + 1) + " input (None, ...)"
                    + " of per-example shape " + Tensor.shapeString(inputShape));
        }
        int inSteps = inputShape[0];
        if (inSteps < kernelSize) {
            throw new IllegalArgumentException("Conv1D layer '" + name() + "': the input has " + inSteps
                    + " steps, fewer than kernelSize " + kernelSize + "; use a smaller kernelSize");
        }
        return new int[] {(inSteps - kernelSize) / stride + 1, units};
    }

    @Override
    void createParams(int[] inputShape, java.util.Random seeds) {
        steps = inputShape[0];
        channels = inputShape.length == 2 ? inputShape[1] : 1;
        outSteps = (steps - kernelSize) / stride + 1;
        // Keras: fan_in = kernelSize * channels, fan_out = kernelSize * filters.
        createAffine(new int[] {kernelSize, channels, units}, kernelSize * channels, kernelSize * units, seeds);
    }

    @Override
    Tensor forward(Tensor x) {
        int batch = x.shape()[0];
        lastInputShape = x.shape();
        // Each window is a contiguous run of kernelSize*channels floats, so one copy per window
        // lays the windows out as the rows of a matrix ("im2col").
        int window = kernelSize * channels;
        float[] in = x.data();
        float[] patches = new float[batch * outSteps * window];
        for (int n = 0; n < batch; n++) {
            for (int t = 0; t < outSteps; t++) {
                System.arraycopy(in, (n * steps + t * stride) * channels, patches, (n * outSteps + t) * window, window);
            }
        }
        return new Tensor(new int[] {batch, outSteps, units}, affineForward(x, patches, batch * outSteps));
    }

    @Override
    Tensor backward(Tensor dOut, boolean needInputGrad) {
        float[] dPatches = affineBackward(dOut.data(), needInputGrad);
        if (dPatches == null) return null;
        int batch = lastInputShape[0];
        int window = kernelSize * channels;
        float[] dx = new float[batch * steps * channels];
        for (int n = 0; n < batch; n++) {
            for (int t = 0; t < outSteps; t++) {
                int src = (n * outSteps + t) * window;
                int dst = (n * steps + t * stride) * channels;
                for (int i = 0; i < window; i++) dx[dst + i] += dPatches[src + i];
            }
        }
        return new Tensor(lastInputShape, dx);
    }
}
