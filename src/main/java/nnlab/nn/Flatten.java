package nnlab.nn;

/**
 * Turns each example into one flat row: {@code (batch, d1, d2, ...)} becomes
 * {@code (batch, d1·d2·...)}, so a Dense layer can follow a Conv1D layer. It has no weights.
 */
public final class Flatten extends Layer {
    private Tensor lastInput;
    private Tensor lastOutput;

    /** A Flatten layer with a default name ({@code flatten}, {@code flatten_1}, ...). */
    public Flatten() {
        this(null);
    }

    /** @param name the layer's name */
    public Flatten(String name) {
        super(name, "flatten");
    }

    @Override
    int[] computeOutputShape(int[] inputShape) {
        return new int[] {Tensor.sizeOf(inputShape)};
    }

    @Override
    Tensor forward(Tensor x) {
        lastInput = x;
        lastOutput = x.reshape(x.shape()[0], -1);
        return lastOutput;
    }

    @Override
    Tensor backward(Tensor dOut, boolean needInputGrad) {
        return needInputGrad ? dOut.reshape(lastInput.shape()) : null;
    }

    @Override
    LayerTrace lastTrace() {
        return new LayerTrace(name(), type(), null, lastInput, null, null, null, lastOutput);
    }
}
