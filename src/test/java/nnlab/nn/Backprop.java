package nnlab.nn;

/** One forward and backward pass through a compiled model's layers, as fit does for a batch. */
final class Backprop {
    private Backprop() {}

    /** Fills every weight's grad and returns dLoss/dx. */
    static Tensor gradients(Sequential m, Tensor x, Tensor y) {
        Tensor a = forward(m, x);
        float[] grad = new float[a.size()];
        m.loss().lossAndGradient(y.data(), a.data(), a.shape()[0], a.size() / a.shape()[0], grad);
        Tensor d = new Tensor(a.shape(), grad);
        for (int i = m.layers().size() - 1; i >= 0; i--) d = m.layers().get(i).backward(d, true);
        return d;
    }

    /** The loss only. */
    static double loss(Sequential m, Tensor x, Tensor y) {
        Tensor a = forward(m, x);
        return m.loss().lossAndGradient(y.data(), a.data(), a.shape()[0], a.size() / a.shape()[0], null);
    }

    private static Tensor forward(Sequential m, Tensor x) {
        Tensor a = x;
        for (Layer l : m.layers()) a = l.forward(a);
        return a;
    }
}
