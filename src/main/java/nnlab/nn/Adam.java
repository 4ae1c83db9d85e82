package nnlab.nn;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam ("adaptive moment estimation"): every weight gets its own effective step size, which grows
 * while its gradient keeps one sign and shrinks when the gradient oscillates.
 *
 * <p>The update is Keras' ("epsilon hat" form): at step {@code t = 1, 2, ...}
 * <pre>
 *   m ← m + (g - m)(1 - β1)          running mean of the gradient
 *   v ← v + (g² - v)(1 - β2)         running mean of its square
 *   α_t = α · √(1 - β2^t) / (1 - β1^t)
 *   w ← w - α_t · m / (√v + ε)
 * </pre>
 * with Keras' defaults α = 0.001, β1 = 0.9, β2 = 0.999, ε = 1e-7.
 */
public final class Adam extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final Map<Param, float[][]> moments = new IdentityHashMap<>();
    private long iterations;

    /**
     * @param learningRate α, positive
     * @param beta1        decay of the gradient mean, in [0, 1)
     * @param beta2        decay of the squared-gradient mean, in [0, 1)
     * @param epsilon      small constant that keeps the division finite, positive
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        super(learningRate);
        checkDecay("beta1", beta1);
        checkDecay("beta2", beta2);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = checkEpsilon(epsilon);
    }

    /** @param learningRate α, positive (Keras' default is 0.001) */
    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-7);
    }

    /** With Keras' defaults: α = 0.001, β1 = 0.9, β2 = 0.999, ε = 1e-7. */
    public Adam() {
        this(0.001);
    }

    private static void checkDecay(String arg, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException("Adam: " + arg + " must be in [0, 1) but was " + value);
        }
    }

    /** @return the number of steps taken so far */
    public long iterations() {
        return iterations;
    }

    @Override
    void step(List<Param> params) {
        iterations++;
        float alpha = (float) (learningRate() * Math.sqrt(1 - Math.pow(beta2, iterations)) / (1 - Math.pow(beta1, iterations)));
        for (Param p : params) {
            float[][] mv = moments.computeIfAbsent(p, k -> new float[][] {new float[k.value.length], new float[k.value.length]});
            Kernels.adam(p.value, p.grad, mv[0], mv[1], p.value.length, (float) (1 - beta1), (float) (1 - beta2),
                    alpha, (float) epsilon);
        }
    }

    @Override
    public String toString() {
        return "Adam(learningRate=" + learningRate() + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon + ")";
    }
}
