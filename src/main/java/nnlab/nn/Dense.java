package nnlab.nn;

import java.util.Arrays;

/**
 * A fully connected layer: every unit sees every input. For a batch {@code x} of shape
 * {@code (batch, inputs)} it computes {@code z = x·W + b} and outputs {@code a = g(z)} of shape
 * {@code (batch, units)}, exactly like Keras' {@code Dense}.
 *
 * <p>{@code W} has shape {@code (inputs, units)}: column {@code j} holds the weights of unit
 * {@code j}. {@code b} has shape {@code (units)}. The weights start Glorot-uniform, the bias at 0.
 */
public final class Dense extends AffineLayer {

    /**
     * @param units      the number of units (outputs), positive
     * @param activation the activation function {@code g}
     * @param name       the layer's name, e.g. {@code "L1"}
     */
    public Dense(int units, Activation activation, String name) {
        super(name, "dense", units, "units", activation);
    }

    /**
     * A layer with a default name ({@code dense}, {@code dense_1}, ... within its model).
     *
     * @param units      the number of units (outputs), positive
     * @param activation the activation function {@code g}
     */
    public Dense(int units, Activation activation) {
        this(units, activation, null);
    }

    /**
     * A linear layer (Keras' {@code activation=None}).
     *
     * @param units the number of units (outputs), positive
     */
    public Dense(int units) {
        this(units, Activation.LINEAR, null);
    }

    /** @return the number of units */
    public int units() {
        return units;
    }

    @Override
    int[] computeOutputShape(int[] inputShape) {
        if (inputShape.length != 1) {
            throw new IllegalArgumentException("Dense layer '" + name() + "' expects inputs of shape (None, features)"
                    + " but got (None, " + Arrays.toString(inputShape).replaceAll("[\\[\\]]", "")
                    + "); put a Flatten() layer before it");
        }
        if (inputShape[0] <= 0) {
            throw new IllegalArgumentException("Dense layer '" + name() + "': the input width must be positive but was "
                    + inputShape[0]);
        }
        return new int[] {units};
    }

    @Override
    void createParams(int[] inputShape, java.util.Random seeds) {
        createAffine(new int[] {inputShape[0], units}, inputShape[0], units, seeds);
    }

    @Override
    Tensor forward(Tensor x) {
        int rows = x.shape()[0];
        return new Tensor(new int[] {rows, units}, affineForward(x, x.data(), rows));
    }

    @Override
    Tensor backward(Tensor dOut, boolean needInputGrad) {
        float[] dx = affineBackward(dOut.data(), needInputGrad);
        return dx == null ? null : new Tensor(new int[] {dOut.shape()[0], kernel.shape[0]}, dx);
    }
}
