package nnlab.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of a {@link Sequential} model: it maps a batch of inputs to a batch of outputs and
 * may own trainable weights. Shapes here are per example, without the batch axis (Keras writes
 * them with a leading {@code None}).
 *
 * <p>A layer is <em>built</em> when it knows its input shape and has created its weights; a
 * model builds its layers when it is created with an {@link InputLayer}, on first use or with
 * {@link Sequential#build(int...)}.
 */
public abstract class Layer {
    private String name;
    private final boolean named;
    private int[] inputShape;
    private int[] outputShape;
    /**
     * Set by {@link Sequential#fit} around each training forward and backward call: the layer may
     * then return arrays that the next batch overwrites. Otherwise (predict, trace) every result is
     * a fresh array the caller may keep.
     */
    boolean reuseArrays;
    /**
     * True once fit or setWeights changed the weights drawn at build time; {@link Sequential#seed}
     * may redraw the initial weights only while no layer has this set.
     */
    boolean weightsChanged;

    Layer(String name, String defaultName) {
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": name must not be blank;"
                    + " leave it out to get a default name like \"" + defaultName + "\"");
        }
        this.named = name != null;
        this.name = named ? name : defaultName;
    }

    /** @return the layer's name, e.g. {@code "L1"} or a default like {@code "dense_1"} */
    public String name() {
        return name;
    }

    /** @return the Keras class name of the layer, e.g. {@code "Dense"} */
    public String type() {
        return getClass().getSimpleName();
    }

    /** @return true once the layer knows its input shape and has its weights */
    public boolean isBuilt() {
        return outputShape != null;
    }

    /**
     * @return the shape of one input example, e.g. {@code [400]}
     * @throws IllegalStateException if the layer is not built yet
     */
    public int[] inputShape() {
        requireBuilt("inputShape()");
        return inputShape.clone();
    }

    /**
     * @return the shape of one output example, e.g. {@code [25]}
     * @throws IllegalStateException if the layer is not built yet
     */
    public int[] outputShape() {
        requireBuilt("outputShape()");
        return outputShape.clone();
    }

    /** @return the number of trainable numbers (0 before the layer is built) */
    public int paramCount() {
        int n = 0;
        for (Param p : params()) n += p.value.length;
        return n;
    }

    /**
     * The layer's weights in Keras order, e.g. {@code [W, b]} for a Dense layer; copies.
     *
     * @return the weights (empty for layers without weights)
     * @throws IllegalStateException if the layer is not built yet
     */
    public List<Tensor> getWeights() {
        requireBuilt("getWeights()");
        List<Tensor> out = new ArrayList<>();
        for (Param p : params()) out.add(p.toTensor());
        return out;
    }

    /**
     * Replaces the weights (copied), in the order {@link #getWeights()} returns them.
     *
     * @param weights one tensor per weight array, with matching shapes
     * @throws IllegalArgumentException on a wrong count or shape; then nothing is changed
     * @throws IllegalStateException if the layer is not built yet
     */
    public void setWeights(List<Tensor> weights) {
        requireBuilt("setWeights()");
        assignWeights(List.of(this), weights, "layer '" + name + "'");
    }

    /**
     * Copies {@code weights} into the layers' parameters in order, after checking the count and
     * every shape, so a mistake changes nothing.
     */
    static void assignWeights(List<Layer> layers, List<Tensor> weights, String owner) {
        List<Param> params = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        for (Layer l : layers) {
            for (Param p : l.params()) {
                params.add(p);
                owners.add(l.name);
            }
        }
        StringBuilder expected = new StringBuilder("[");
        for (Param p : params) expected.append(expected.length() > 1 ? ", " : "").append(p.name).append(Tensor.shapeString(p.shape));
        expected.append(']');
        if (weights.size() != params.size()) {
            throw new IllegalArgumentException("setWeights: " + owner + " has " + params.size() + " weight arrays "
                    + expected + " but got " + weights.size());
        }
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            int[] actual = weights.get(i).shape();
            if (!java.util.Arrays.equals(actual, p.shape)) {
                throw new IllegalArgumentException("setWeights: weight " + i + " (" + p.name + " of layer '" + owners.get(i)
                        + "') must have shape " + Tensor.shapeString(p.shape) + " but has shape "
                        + Tensor.shapeString(actual) + "; " + owner + " expects " + expected);
            }
        }
        for (int i = 0; i < params.size(); i++) {
            System.arraycopy(weights.get(i).data(), 0, params.get(i).value, 0, params.get(i).value.length);
        }
        for (Layer l : layers) l.weightsChanged = true;
    }

    void requireBuilt(String what) {
        if (!isBuilt()) {
            throw new IllegalStateException(what + " on layer '" + name + "': the layer has no weights yet; start the"
                    + " model with an InputLayer (e.g. new InputLayer(400)), call model.build(400) or fit the model first");
        }
    }

    /** Called by a model to give unnamed layers unique names such as {@code dense_1}. */
    boolean hasExplicitName() {
        return named;
    }

    void rename(String newName) {
        name = newName;
    }

    /** Fixes the input shape, checks it and creates the weights from {@code seeds}. */
    final void build(int[] inputShape, java.util.Random seeds) {
        int[] out = computeOutputShape(inputShape.clone());
        createParams(inputShape, seeds);
        this.inputShape = inputShape.clone();
        this.outputShape = out;
    }

    /** The output shape for one example of the given input shape; throws if it cannot take it. */
    abstract int[] computeOutputShape(int[] inputShape);

    /**
     * Creates the weights for an input shape already accepted by {@link #computeOutputShape}; a
     * layer without weights (Flatten, InputLayer) keeps this empty default.
     */
    void createParams(int[] inputShape, java.util.Random seeds) {}

    /** The trainable arrays in Keras order (empty before build, and always for a layer without weights). */
    List<Param> params() {
        return List.of();
    }

    /** Maps a batch forward and remembers what {@link #backward} will need. */
    abstract Tensor forward(Tensor x);

    /**
     * Given dLoss/dOutput for the last forward batch, stores dLoss/dWeights in the params' grad
     * arrays and returns dLoss/dInput (or null when {@code needInputGrad} is false).
     */
    abstract Tensor backward(Tensor dOut, boolean needInputGrad);

    /** The record of the last forward pass, for {@link Sequential#trace}. */
    abstract LayerTrace lastTrace();

    /** Glorot (Xavier) uniform: U[-L, L] with L = sqrt(6 / (fanIn + fanOut)), Keras' default. */
    static void glorotUniform(float[] w, int fanIn, int fanOut, java.util.Random seeds) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < w.length; i++) w[i] = (float) ((2 * seeds.nextDouble() - 1) * limit);
    }
}
