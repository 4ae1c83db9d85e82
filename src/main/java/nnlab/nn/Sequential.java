package nnlab.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * A neural network made of layers applied one after another, as in Keras:
 * <pre>
 *   Sequential model = new Sequential("my_model",
 *       new InputLayer(400),
 *       new Dense(25, Activation.RELU, "L1"),
 *       new Dense(15, Activation.RELU, "L2"),
 *       new Dense(10, Activation.LINEAR, "L3"));
 *   model.compile(new SparseCategoricalCrossentropy(true), new Adam(0.001));
 *   History h = model.fit(x, y, 40);
 *   Tensor logits = model.predict(x);
 * </pre>
 * A model that starts with an {@link InputLayer} creates its weights at once, as Keras does when
 * given an {@code Input}. Without one the weights are created on first use (the input width comes
 * from the data) or up front with {@link #build(int...)}.
 *
 * <p>A seed ({@link #seed(long)} or {@link Seed#setGlobal(long)}) makes the initial weights and the
 * shuffling, and so the whole run, repeatable. {@code seed(s)} may come after the weights exist, as
 * in {@code new Sequential(new InputLayer(400), ...).seed(1234)}: until the model is trained or its
 * weights are set, it redraws them from {@code s}, so they are the same as for a model seeded
 * before it was built. The global seed, like {@code tf.random.set_seed}, is read when the weights
 * are created, so set it before {@code new Sequential(new InputLayer(...), ...)}.
 */
public final class Sequential {
    private static final IntFunction<Callback> DEFAULT_REPORTER = verbose -> new Progbar(verbose, System.out);
    private static volatile IntFunction<Callback> progressReporter = DEFAULT_REPORTER;

    private final String name;
    private final List<Layer> layers = new ArrayList<>();
    private InputLayer input;
    private Long seed;
    /** The stream the initial weights come from; a layer added after the build continues it. */
    private java.util.Random init;
    private java.util.Random shuffleRandom;
    private int[] inputShape;
    private Loss loss;
    private Optimizer optimizer;

    /**
     * A model named {@code "sequential"}.
     *
     * @param layers the layers, input side first; an {@link InputLayer} may come first
     */
    public Sequential(Layer... layers) {
        this("sequential", layers);
    }

    /**
     * @param name   the model's name, shown by {@link #summary()}
     * @param layers the layers, input side first; an {@link InputLayer} may come first
     */
    public Sequential(String name, Layer... layers) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Sequential: the model name must not be blank; leave it out to get"
                    + " \"sequential\"");
        }
        this.name = name;
        for (Layer layer : layers) append(layer);
        if (input != null && !this.layers.isEmpty()) build(input.shape());
    }

    /**
     * Appends a layer. An {@link InputLayer} may only be added to an empty model. Once the model
     * knows its input shape (from an InputLayer or a build) the new layer gets its weights at once,
     * as in Keras.
     *
     * @param layer the next layer
     * @throws IllegalArgumentException if the layer is already in the model, its name is taken, it
     *                                  does not fit the output of the layer before, or it is an
     *                                  InputLayer that does not come first
     */
    public void add(Layer layer) {
        append(layer);
        if (layer instanceof InputLayer) return;
        if (isBuilt()) layer.build(layers.get(layers.size() - 2).outputShape(), init);
        else if (input != null) build(input.shape());
    }

    /** Checks a layer and appends it without creating weights; its shape is checked if the input shape is known. */
    private void append(Layer layer) {
        if (layer == null) throw new IllegalArgumentException("Sequential '" + name + "': layer " + layers.size() + " is null");
        if (layer instanceof InputLayer in) {
            declareInput(in);
            return;
        }
        for (Layer l : layers) {
            if (l == layer) throw new IllegalArgumentException("Sequential '" + name + "': layer '" + layer.name()
                    + "' was added twice; create a new layer object for each position");
            if (layer.hasExplicitName() && l.hasExplicitName() && l.name().equals(layer.name())) {
                throw new IllegalArgumentException("Sequential '" + name + "': two layers are named '" + layer.name()
                        + "'; layer names must be unique");
            }
        }
        if (layer.isBuilt()) {
            throw new IllegalArgumentException("Sequential '" + name + "': layer '" + layer.name() + "' already belongs"
                    + " to a built model; create a new layer object");
        }
        int[] shape = knownInputShape();
        if (shape != null) {
            for (Layer l : layers) shape = l.computeOutputShape(shape.clone());
            layer.computeOutputShape(shape.clone());
        }
        layers.add(layer);
        assignDefaultNames();
    }

    private void declareInput(InputLayer in) {
        String shape = withBatch(in.shape());
        if (input != null) {
            throw new IllegalArgumentException("Sequential '" + name + "': a second InputLayer " + shape + "; the model"
                    + " already starts with InputLayer " + withBatch(input.shape()) + " and takes one InputLayer, first");
        }
        if (!layers.isEmpty()) {
            throw new IllegalArgumentException("Sequential '" + name + "': InputLayer " + shape + " must come first but"
                    + " follows " + layers.stream().map(Layer::name).toList() + "; put new InputLayer(...) before the"
                    + " other layers");
        }
        input = in;
    }

    /** The shape of one input example if known yet: built for, or declared by an InputLayer. */
    private int[] knownInputShape() {
        return isBuilt() ? inputShape : input != null ? input.shape() : null;
    }

    /** Numbers unnamed layers per kind like Keras: dense, dense_1, dense_2, ... */
    private void assignDefaultNames() {
        Map<String, Integer> counts = new HashMap<>();
        for (Layer l : layers) {
            if (l.hasExplicitName()) continue;
            String base = l.type().toLowerCase(java.util.Locale.ROOT);
            int k = counts.merge(base, 1, Integer::sum) - 1;
            l.rename(k == 0 ? base : base + "_" + k);
        }
    }

    /** @return the model's name */
    public String name() {
        return name;
    }

    /**
     * Fixes the random seed of this model: the initial weights and the order of examples in every
     * epoch follow from it. If the weights already exist (an {@link InputLayer} or
     * {@link #build(int...)} created them) but the model has not been trained and its weights were
     * not set, they are drawn again from this seed.
     *
     * @param seed any number
     * @return this model
     * @throws IllegalStateException if the model was already trained or its weights were set
     */
    public Sequential seed(long seed) {
        for (Layer l : layers) {
            if (l.weightsChanged) {
                throw new IllegalStateException("seed: model '" + name + "' was already trained or its weights were"
                        + " set, and seed(...) only chooses the initial weights; call it right after"
                        + " new Sequential(...)");
            }
        }
        this.seed = seed;
        if (isBuilt()) createWeights(inputShape);
        return this;
    }

    /**
     * Chooses the loss to minimise, with Keras' default optimizer: {@code new RMSprop()}
     * (learning rate 0.001), as {@code model.compile(loss=...)} does in Keras.
     *
     * @param loss e.g. {@code new SparseCategoricalCrossentropy(true)}
     */
    public void compile(Loss loss) {
        compile(loss, new RMSprop());
    }

    /**
     * Chooses the loss to minimise and the optimizer that minimises it. Compiling again keeps the
     * weights, so training goes on from where it stopped; a new optimizer starts afresh (Adam's
     * moments and step count, RMSprop's running averages).
     *
     * @param loss      e.g. {@code new SparseCategoricalCrossentropy(true)}
     * @param optimizer e.g. {@code new Adam(0.001)}
     */
    public void compile(Loss loss, Optimizer optimizer) {
        if (loss == null || optimizer == null) {
            throw new IllegalArgumentException("compile: " + (loss == null ? "loss" : "optimizer") + " must not be null;"
                    + " e.g. model.compile(new SparseCategoricalCrossentropy(true), new Adam(0.001))");
        }
        this.loss = loss;
        this.optimizer = optimizer;
        warnAboutOutputActivation();
    }

    /** The two classic mismatches between output layer and loss, each a one-line warning. */
    private void warnAboutOutputActivation() {
        if (layers.isEmpty() || !(layers.get(layers.size() - 1) instanceof AffineLayer out)) return;
        boolean crossEntropy = !(loss instanceof MeanSquaredError);
        boolean squashing = out.activation == Activation.SOFTMAX || out.activation == Activation.SIGMOID;
        String act = out.activation.name().toLowerCase(java.util.Locale.ROOT);
        if (crossEntropy && loss.fromLogits() && squashing) {
            System.err.println("WARNING: " + loss + " expects logits, but output layer '" + out.name()
                    + "' already applies " + act + "; use Activation.LINEAR in the output layer, or fromLogits=false");
        } else if (crossEntropy && !loss.fromLogits() && !squashing) {
            System.err.println("WARNING: " + loss + " expects probabilities, but output layer '" + out.name()
                    + "' is " + act + "; use fromLogits=true, or a softmax/sigmoid output layer");
        }
    }

    /** @return the loss given to {@link #compile}, or null before compiling */
    public Loss loss() {
        return loss;
    }

    /** @return the optimizer given to {@link #compile}, or null before compiling */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * Creates the weights for inputs of the given shape (without the batch axis), like Keras'
     * {@code model.build((None, 400))}: {@code build(400)} for 400 features, {@code build(100)} or
     * {@code build(100, 1)} for a Conv1D model on traces of 100 steps. A model that starts with an
     * {@link InputLayer} is already built for its shape.
     *
     * @param inputShape the shape of one example
     * @throws IllegalStateException if the model already has weights for another input shape
     * @throws IllegalArgumentException if the shape disagrees with the model's InputLayer
     */
    public void build(int... inputShape) {
        if (layers.isEmpty()) {
            throw new IllegalStateException("build: model '" + name + "' has no layers; pass them to new Sequential(...)");
        }
        if (inputShape.length == 0) {
            throw new IllegalArgumentException("build: give the shape of one example, e.g. build(400) for 400 features");
        }
        for (int d : inputShape) {
            if (d <= 0) throw new IllegalArgumentException("build: input sizes must be positive but got "
                    + Arrays.toString(inputShape));
        }
        if (input != null && !Arrays.equals(input.shape(), inputShape)) {
            throw new IllegalArgumentException("build: model '" + name + "' starts with InputLayer "
                    + withBatch(input.shape()) + ", so it cannot be built for " + withBatch(inputShape)
                    + "; leave out build(...) or change the InputLayer");
        }
        if (isBuilt()) {
            if (Arrays.equals(this.inputShape, inputShape)) return;
            throw new IllegalStateException("build: model '" + name + "' is already built for inputs of shape "
                    + withBatch(this.inputShape) + ", not " + withBatch(inputShape) + "; create a new model");
        }
        // Check every layer's shape before creating any weights, so a failure leaves nothing half-built.
        int[] shape = inputShape.clone();
        for (Layer l : layers) shape = l.computeOutputShape(shape);
        if (seed == null) seed = Seed.next();
        createWeights(inputShape);
        this.inputShape = inputShape.clone();
    }

    /** Draws every layer's initial weights and the shuffling stream from the model's seed. */
    private void createWeights(int[] inputShape) {
        SplittableRandom root = new SplittableRandom(seed);
        init = new java.util.Random(root.nextLong());
        int[] shape = inputShape.clone();
        for (Layer l : layers) {
            l.build(shape, init);
            shape = l.outputShape();
        }
        shuffleRandom = new java.util.Random(root.nextLong());
    }

    /**
     * The shape of one input example, e.g. {@code [400]}; Keras' {@code model.input_shape} is the
     * same with the batch axis, {@code (None, 400)}.
     *
     * @return the shape declared by the model's {@link InputLayer} or given to {@link #build(int...)}
     *         or {@code fit}
     * @throws IllegalStateException if the model does not know it yet
     */
    public int[] inputShape() {
        int[] shape = knownInputShape();
        if (shape == null) {
            throw new IllegalStateException("inputShape: model '" + name + "' does not know its input shape yet; start"
                    + " it with an InputLayer (e.g. new InputLayer(400)), call model.build(400) or fit the model");
        }
        return shape.clone();
    }

    /** @return true once the model has its weights */
    public boolean isBuilt() {
        return inputShape != null;
    }

    /**
     * Trains for {@code epochs} passes over the data with batch size 32, printing Keras-like
     * progress.
     *
     * @param x      inputs, one row per example
     * @param y      targets (class indices, one-hot rows, 0/1 labels or values, depending on the loss)
     * @param epochs the number of passes, positive
     * @return the loss (and accuracy) of every epoch
     */
    public History fit(Tensor x, Tensor y, int epochs) {
        return fit(x, y, new FitOptions().epochs(epochs));
    }

    /**
     * Trains for {@code epochs} passes over the data with the given batch size.
     *
     * @param x         inputs, one row per example
     * @param y         targets
     * @param epochs    the number of passes, positive
     * @param batchSize examples per weight update, positive
     * @return the loss (and accuracy) of every epoch
     */
    public History fit(Tensor x, Tensor y, int epochs, int batchSize) {
        return fit(x, y, new FitOptions().epochs(epochs).batchSize(batchSize));
    }

    /**
     * Trains with the given options. Each epoch reshuffles the training examples (from the
     * model's seed), runs forward and backward on every batch and lets the optimizer update the
     * weights. If the loss of a batch becomes NaN or infinite, training stops at once; the
     * returned history keeps the finished epochs and says why it stopped. If the thread is
     * interrupted (a notebook's stop button), training ends between two batches with a
     * {@link java.util.concurrent.CancellationException}; callbacks still get {@code onTrainEnd}.
     *
     * @param x       inputs, one row per example
     * @param y       targets
     * @param options epochs, batch size, validation split, shuffling, verbosity, callbacks
     * @return the per-epoch history
     */
    public History fit(Tensor x, Tensor y, FitOptions options) {
        requireCompiled("fit");
        checkData("fit", x, y);
        if (!isBuilt()) {
            if (x.rank() < 2) throw new IllegalArgumentException(badRank("fit", x));
            build(Arrays.copyOfRange(x.shape(), 1, x.rank()));
        }
        Tensor input = asModelInput("fit", x);
        int n = x.shape()[0];
        int outCols = outputSize();
        loss.checkTargets(y, n, outCols);

        int nTrain = options.validationX() != null ? n : (int) Math.floor(n * (1 - options.validationSplit()));
        Tensor xVal = input.rows(nTrain, n);
        Tensor yVal = y.rows(nTrain, n);
        if (options.validationX() != null) {
            String where = "fit (validationData)";
            checkData(where, options.validationX(), options.validationY());
            xVal = asModelInput(where, options.validationX());
            yVal = options.validationY();
            loss.checkTargets(yVal, xVal.shape()[0], outCols);
        } else if (options.validationSplit() > 0 && (nTrain == n || nTrain == 0)) {
            throw new IllegalArgumentException("fit: validationSplit " + options.validationSplit() + " of " + n
                    + " examples leaves " + nTrain + " for training and " + (n - nTrain) + " for validation; both need"
                    + " at least one example");
        }
        int nVal = xVal.shape()[0];
        boolean accuracy = loss.hasAccuracy();
        List<String> keys = new ArrayList<>(List.of("loss"));
        if (accuracy) keys.add("accuracy");
        if (nVal > 0) {
            keys.add("val_loss");
            if (accuracy) keys.add("val_accuracy");
        }
        int batchSize = Math.min(options.batchSize(), nTrain);
        int batches = (nTrain + batchSize - 1) / batchSize;
        List<Callback> callbacks = new ArrayList<>(options.callbacks());
        if (options.verbose() > 0) callbacks.add(progressReporter.apply(options.verbose()));
        TrainingInfo info = new TrainingInfo(options.epochs(), batches, nTrain, batchSize, nVal, options.verbose(), keys);
        for (Layer l : layers) l.weightsChanged = true;
        return new FitLoop(this, input, y, nVal > 0 ? xVal : null, yVal, info, options.shuffle(), callbacks).run();
    }

    /** Reorders {@code order} at random from the model's seed. */
    void shuffle(int[] order) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = shuffleRandom.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** The model output for a batch; each layer keeps what its backward step needs. */
    Tensor forward(Tensor x) {
        Tensor a = x;
        for (Layer l : layers) a = l.forward(a);
        return a;
    }

    /** Backpropagates dLoss/dOutput of the last forward batch into every weight's grad. */
    void backward(Tensor dOut) {
        Tensor d = dOut;
        for (int i = layers.size() - 1; i >= 0; i--) d = layers.get(i).backward(d, i > 0);
    }

    /** All trainable arrays, in Keras order. */
    List<Param> params() {
        List<Param> all = new ArrayList<>();
        for (Layer l : layers) all.addAll(l.params());
        return all;
    }

    /**
     * The model's outputs for the given inputs (probabilities for a softmax/sigmoid output,
     * logits for a linear one).
     *
     * @param x inputs, one row per example
     * @return outputs, one row per example
     */
    public Tensor predict(Tensor x) {
        requireBuilt("predict");
        Tensor input = asModelInput("predict", x);
        checkFinite("predict", "x", x);
        return forward(input);
    }

    /**
     * The mean loss on the given data (Keras' {@code evaluate} without metrics).
     *
     * @param x inputs
     * @param y targets
     * @return the loss averaged over all examples
     */
    public double evaluate(Tensor x, Tensor y) {
        requireCompiled("evaluate");
        requireBuilt("evaluate");
        checkData("evaluate", x, y);
        return loss.compute(y, forward(asModelInput("evaluate", x)));
    }

    /**
     * Runs a forward pass and records, for every layer, its input, weights, {@code z} and output.
     *
     * @param x inputs, one row per example (a few rows are easiest to read)
     * @return one record per layer
     */
    public Trace trace(Tensor x) {
        requireBuilt("trace");
        Tensor input = asModelInput("trace", x);
        checkFinite("trace", "x", x);
        forward(input);
        List<LayerTrace> records = new ArrayList<>();
        for (Layer l : layers) records.add(l.lastTrace());
        return new Trace(records);
    }

    /**
     * The layer table with output shapes and parameter counts (Keras 2 format in
     * {@code toString()}).
     *
     * @return the summary
     * @throws IllegalStateException if the model is not built
     */
    public Summary summary() {
        if (!isBuilt()) {
            throw new IllegalStateException("summary: model '" + name + "' is not built yet, so its shapes are unknown;"
                    + " start it with an InputLayer (e.g. new InputLayer(400)), call model.build(400) or fit the model");
        }
        List<Summary.Row> rows = new ArrayList<>();
        for (Layer l : layers) rows.add(new Summary.Row(l.name(), l.type(), withBatch(l.outputShape()), l.paramCount()));
        return new Summary(name, rows);
    }

    /**
     * All weights in Keras order {@code [W1, b1, W2, b2, ...]}, copied.
     *
     * @return the weights
     */
    public List<Tensor> getWeights() {
        requireBuilt("getWeights");
        List<Tensor> out = new ArrayList<>();
        for (Layer l : layers) out.addAll(l.getWeights());
        return out;
    }

    /**
     * Replaces all weights, in the order of {@link #getWeights()}. Nothing changes if any count or
     * shape is wrong.
     *
     * @param weights {@code [W1, b1, W2, b2, ...]}
     */
    public void setWeights(List<Tensor> weights) {
        requireBuilt("setWeights");
        Layer.assignWeights(layers, weights, "model '" + name + "'");
    }

    /**
     * @param name a layer name
     * @return the layer with that name
     * @throws IllegalArgumentException if there is none
     */
    public Layer layer(String name) {
        for (Layer l : layers) if (l.name().equals(name)) return l;
        throw new IllegalArgumentException("layer(\"" + name + "\"): model '" + this.name + "' has no such layer;"
                + " its layers are " + layers.stream().map(Layer::name).toList());
    }

    /** @return the layers, input side first (unmodifiable); like Keras' {@code model.layers}, without the InputLayer */
    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    /**
     * Replaces the progress display used by {@code fit} when verbose is 1 or 2 (the default is
     * {@link Progbar} on {@code System.out}). The notebook layer installs a live display here.
     *
     * @param forVerbosity makes a fresh callback for each fit, given the verbosity; null restores
     *                     the default
     */
    public static void setProgressReporter(IntFunction<Callback> forVerbosity) {
        progressReporter = forVerbosity == null ? DEFAULT_REPORTER : forVerbosity;
    }

    /** The model name and its layers. */
    @Override
    public String toString() {
        return "Sequential(\"" + name + "\", " + layers.stream().map(l -> l.name() + " (" + l.type() + ")").toList() + ")";
    }

    // Checks that turn bad input into clear messages.

    /** The number of outputs per example. */
    int outputSize() {
        return Tensor.sizeOf(layers.get(layers.size() - 1).outputShape());
    }

    private void requireCompiled(String what) {
        if (loss == null) {
            throw new IllegalStateException(what + ": model '" + name + "' is not compiled; call model.compile(loss,"
                    + " optimizer) first, e.g. model.compile(new SparseCategoricalCrossentropy(true), new Adam(0.001)),"
                    + " or model.compile(loss) for Keras' default optimizer RMSprop");
        }
    }

    private void requireBuilt(String what) {
        if (layers.isEmpty()) {
            throw new IllegalStateException(what + ": model '" + name + "' has no layers");
        }
        if (!isBuilt()) {
            throw new IllegalStateException(what + ": model '" + name + "' has no weights yet; start it with an"
                    + " InputLayer (e.g. new InputLayer(400) for 400 features), call model.build(400) or fit the model"
                    + " first");
        }
    }

    private static void checkData(String what, Tensor x, Tensor y) {
        if (x == null || y == null) throw new IllegalArgumentException(what + ": " + (x == null ? "x" : "y") + " is null");
        int nx = x.rank() == 0 ? 1 : x.shape()[0];
        int ny = y.rank() == 0 ? 1 : y.shape()[0];
        if (nx == 0) {
            throw new IllegalArgumentException(what + ": the dataset is empty (x has shape " + Tensor.shapeString(x.shape())
                    + "); give at least one example");
        }
        if (nx != ny) {
            throw new IllegalArgumentException(what + ": x has " + nx + (nx == 1 ? " example" : " examples") + " but y has " + ny
                    + " (x shape " + Tensor.shapeString(x.shape()) + ", y shape " + Tensor.shapeString(y.shape())
                    + "); x and y need one row per example, in the same order");
        }
        checkFinite(what, "x", x);
        checkFinite(what, "y", y);
    }

    private static void checkFinite(String what, String arg, Tensor t) {
        float[] d = t.data();
        int rows = t.rank() == 0 ? 1 : Math.max(1, t.shape()[0]);
        int rowSize = Math.max(1, d.length / rows);
        int i = Kernels.firstNonFinite(d);
        if (i >= 0) {
            throw new IllegalArgumentException(what + ": " + arg + " contains " + d[i] + " at row " + i / rowSize
                    + ", column " + i % rowSize + "; remove or replace missing/infinite values first");
        }
    }

    /**
     * {@code x} if each of its rows has the model's input shape, or viewed with that shape when
     * they differ only by a trailing axis of size 1 (a trace of shape (steps) for a model built
     * for (steps, 1), or the other way round); otherwise an error explaining the mismatch.
     */
    private Tensor asModelInput(String what, Tensor x) {
        if (x == null) throw new IllegalArgumentException(what + ": x is null");
        int[] shape = x.shape();
        if (shape.length >= 1 && shape[0] == 0) {
            throw new IllegalArgumentException(what + ": x has no examples (shape " + Tensor.shapeString(shape) + ")");
        }
        int[] row = Arrays.copyOfRange(shape, Math.min(1, shape.length), shape.length);
        if (shape.length >= 2 && (Arrays.equals(append(row, 1), inputShape) || Arrays.equals(row, append(inputShape, 1)))) {
            return x.reshape(append(new int[] {shape[0]}, inputShape));
        }
        if (shape.length != inputShape.length + 1 || !Arrays.equals(row, inputShape)) {
            Layer first = layers.get(0);
            int width = Tensor.sizeOf(inputShape);
            String fix = "; x needs one row of " + width + (width == 1 ? " value" : " values") + " per example, or build a"
                    + " new model for this input width";
            if (shape.length == inputShape.length && x.size() == width) {
                fix = "; for one example use x.reshape(1, -1)";
            } else if (shape.length == 1 && inputShape.length == 1 && x.size() % width == 0) {
                fix = "; for " + x.size() / width + " examples use x.reshape(-1, " + width + ")";
            }
            throw new IllegalArgumentException(what + ": layer '" + first.name() + "' (the first layer of model '" + name
                    + "') expects input of shape " + withBatch(inputShape) + " but x has shape "
                    + Tensor.shapeString(shape) + fix);
        }
        return x;
    }

    private static int[] append(int[] a, int... more) {
        int[] out = Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }

    private static String badRank(String what, Tensor x) {
        return what + ": x has shape " + Tensor.shapeString(x.shape()) + " but needs one row per example, shape"
                + " (examples, features); for one feature per example use x.reshape(-1, 1)";
    }

    private static String withBatch(int[] shape) {
        StringBuilder sb = new StringBuilder("(None");
        for (int d : shape) sb.append(", ").append(d);
        return sb.append(')').toString();
    }
}
