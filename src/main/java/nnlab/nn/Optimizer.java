package nnlab.nn;

import java.util.List;

/**
 * Changes the weights after each batch, using the gradients that backpropagation found.
 */
public abstract class Optimizer {
    private final double learningRate;

    Optimizer(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": learningRate must be a positive number"
                    + " but was " + learningRate + "; typical values are 0.001 to 0.1");
        }
        this.learningRate = learningRate;
    }

    /** The ε of Adam and RMSprop: positive and finite (an infinite one would make every step 0). */
    final double checkEpsilon(double epsilon) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": epsilon must be a positive number but"
                    + " was " + epsilon + "; it keeps the division finite where the gradients are 0 (Keras' default is 1e-7)");
        }
        return epsilon;
    }

    /** @return the learning rate α */
    public double learningRate() {
        return learningRate;
    }

    /** Takes one step on every parameter from its {@code grad}. */
    abstract void step(List<Param> params);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(learningRate=" + learningRate + ")";
    }
}
