package nnlab.nn;

/**
 * Declares the shape of one input example, like Keras' {@code InputLayer((400,))} or
 * {@code Input(shape=(400,))}. Put it first in a {@link Sequential}:
 * <pre>
 *   Sequential model = new Sequential("my_model",
 *       new InputLayer(400),
 *       new Dense(25, Activation.RELU, "L1"), ...);
 *   model.summary();          // works at once: the weights exist
 * </pre>
 * The model then creates its weights right away instead of on first use, so {@code summary()},
 * {@code getWeights()} and {@code trace(...)} work before {@code fit}. Use
 * {@code new InputLayer(100, 1)} for a Conv1D model on traces of 100 steps with one channel.
 *
 * <p>As in Keras, it is not a computing step: the model's {@link Sequential#layers()} and its
 * summary leave it out, and it has no weights.
 */
public final class InputLayer extends Layer {

    /**
     * @param shape the shape of one example without the batch axis, e.g. {@code 400} or
     *              {@code 100, 1}; every size positive
     */
    public InputLayer(int... shape) {
        super(null, "input_1");
        if (shape == null || shape.length == 0) {
            throw new IllegalArgumentException("InputLayer: give the shape of one example, e.g. new InputLayer(400)"
                    + " for 400 features or new InputLayer(100, 1) for 100 steps of 1 channel");
        }
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("InputLayer: every size must be positive but the shape is "
                        + Tensor.shapeString(shape) + "; e.g. new InputLayer(400) for 400 features");
            }
        }
        build(shape, null);
    }

    /** @return the shape of one example, e.g. {@code [400]} */
    public int[] shape() {
        return inputShape();
    }

    @Override
    int[] computeOutputShape(int[] inputShape) {
        return inputShape;
    }

    // A Sequential keeps the InputLayer out of its layers, so these are never called.

    @Override
    Tensor forward(Tensor x) {
        throw notAStep();
    }

    @Override
    Tensor backward(Tensor dOut, boolean needInputGrad) {
        throw notAStep();
    }

    @Override
    LayerTrace lastTrace() {
        throw notAStep();
    }

    private static UnsupportedOperationException notAStep() {
        return new UnsupportedOperationException("an InputLayer only declares the input shape of a model");
    }
}
