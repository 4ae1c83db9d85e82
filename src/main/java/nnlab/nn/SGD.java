package nnlab.nn;

import java.util.List;

/** Plain gradient descent: {@code w ← w - α · dL/dw}. */
public final class SGD extends Optimizer {

    /** @param learningRate the step size α, positive */
    public SGD(double learningRate) {
        super(learningRate);
    }

    /** With Keras' default learning rate 0.01. */
    public SGD() {
        this(0.01);
    }

    @Override
    void step(List<Param> params) {
        float lr = (float) learningRate();
        for (Param p : params) {
            for (int i = 0; i < p.value.length; i++) p.value[i] -= lr * p.grad[i];
        }
    }
}
