package nnlab.nn;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * RMSprop ("root mean square propagation"), Keras' default optimizer: {@code model.compile(loss)}
 * uses it. Every weight's step is divided by the root of a running mean of its squared gradient,
 * so weights with large gradients take smaller steps and weights with small ones larger steps.
 *
 * <p>The update is that of Keras 2 ({@code tf.keras.optimizers.RMSprop} up to TF 2.10, the
 * optimizer the labs use). With the default {@code momentum = 0}, for every weight:
 * <pre>
 *   ms ← ρ·ms + (1 - ρ)·g²               running mean of the squared gradient, starting at 0
 *   w  ← w - α·g / (√ms + ε)
 * </pre>
 * With {@code momentum > 0} Keras hands the step to TensorFlow's {@code ResourceApplyRMSProp}
 * kernel, which puts ε <em>under</em> the root:
 * <pre>
 *   ms  ← ms + (g² - ms)(1 - ρ)
 *   mom ← momentum·mom + α·g / √(ms + ε)
 *   w   ← w - mom
 * </pre>
 * Sources: keras-team/keras v2.9.0, {@code keras/optimizers/optimizer_v2/rmsprop.py},
 * {@code RMSprop._resource_apply_dense} (the momentum-free branch writes
 * {@code var - lr_t * grad / (tf.sqrt(rms_t) + epsilon)}; otherwise it calls
 * {@code tf.raw_ops.ResourceApplyRMSProp}); tensorflow/tensorflow
 * {@code tensorflow/core/kernels/training_ops.cc}, {@code ApplyRMSProp<CPUDevice, T>}
 * ({@code mom = mom * momentum + (grad * lr) / (ms + epsilon).sqrt()}). The later Keras
 * optimizers (TF 2.11+, Keras 3 {@code keras/src/optimizers/rmsprop.py}) use √(ms + ε) in both
 * cases. Keras' {@code centered=True} variant is not provided.
 *
 * <p>Defaults as in Keras: α = 0.001, ρ = 0.9, momentum = 0, ε = 1e-7. The arithmetic is float32,
 * with {@code 1 - ρ} rounded to float as TensorFlow computes it.
 */
public final class RMSprop extends Optimizer {
    private final double rho;
    private final double momentum;
    private final double epsilon;
    /** Per weight array: {ms} or, with momentum, {ms, mom}. */
    private final Map<Param, float[][]> slots = new IdentityHashMap<>();

    /**
     * @param learningRate α, positive
     * @param rho          decay of the running mean of g², in [0, 1)
     * @param momentum     decay of the step's running sum, in [0, 1]; 0 turns momentum off
     * @param epsilon      small constant that keeps the division finite, positive
     */
    public RMSprop(double learningRate, double rho, double momentum, double epsilon) {
        super(learningRate);
        if (!(rho >= 0 && rho < 1)) {
            throw new IllegalArgumentException("RMSprop: rho must be in [0, 1) but was " + rho + "; Keras' default is 0.9");
        }
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("RMSprop: momentum must be in [0, 1] but was " + momentum
                    + "; 0 (Keras' default) turns it off");
        }
        this.rho = rho;
        this.momentum = momentum;
        this.epsilon = checkEpsilon(epsilon);
    }

    /** @param learningRate α, positive (Keras' default is 0.001) */
    public RMSprop(double learningRate) {
        this(learningRate, 0.9, 0.0, 1e-7);
    }

    /** With Keras' defaults: α = 0.001, ρ = 0.9, momentum = 0, ε = 1e-7. */
    public RMSprop() {
        this(0.001);
    }

    @Override
    void step(List<Param> params) {
        float lr = (float) learningRate();
        float r = (float) rho;
        float oneMinusRho = 1f - r;
        float eps = (float) epsilon;
        boolean withMomentum = momentum > 0;
        for (Param p : params) {
            int n = p.value.length;
            float[][] s = slots.computeIfAbsent(p, k -> withMomentum ? new float[][] {new float[n], new float[n]}
                    : new float[][] {new float[n]});
            if (withMomentum) {
                Kernels.rmspropMomentum(p.value, p.grad, s[0], s[1], n, oneMinusRho, (float) momentum, lr, eps);
            } else {
                Kernels.rmsprop(p.value, p.grad, s[0], n, r, oneMinusRho, lr, eps);
            }
        }
    }

    @Override
    public String toString() {
        return "RMSprop(learningRate=" + learningRate() + ", rho=" + rho + ", momentum=" + momentum + ", epsilon="
                + epsilon + ")";
    }
}
