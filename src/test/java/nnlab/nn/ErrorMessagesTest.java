package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every bad input named in the issue gets a message with what, where, expected vs actual and a fix. */
class ErrorMessagesTest {
    private static final Tensor X = Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
    private static final Tensor LABELS = Tensor.of(0, 2, 1);

    private static Sequential compiled() {
        Sequential m = new Sequential("m", new Dense(4, Activation.RELU, "L1"), new Dense(3, Activation.LINEAR, "L2")).seed(1);
        m.compile(new SparseCategoricalCrossentropy(true), new Adam());
        return m;
    }

    private static String message(Class<? extends Throwable> type, Executable e) {
        return assertThrows(type, e).getMessage();
    }

    private static String fitError(Sequential m, Tensor x, Tensor y) {
        return message(IllegalArgumentException.class, () -> m.fit(x, y, new FitOptions().verbose(0)));
    }

    @Test
    void wrongInputWidthForABuiltModel() {
        Sequential m = compiled();
        m.build(2);
        assertEquals("predict: layer 'L1' (the first layer of model 'm') expects input of shape (None, 2) but x has"
                + " shape (1, 3); x needs one row of 2 values per example, or build a new model for this input width",
                message(IllegalArgumentException.class, () -> m.predict(Tensor.of(new double[][] {{1, 2, 3}}))));
        assertEquals("predict: layer 'L1' (the first layer of model 'm') expects input of shape (None, 2) but x has"
                + " shape (2,); for one example use x.reshape(1, -1)",
                message(IllegalArgumentException.class, () -> m.predict(Tensor.of(1, 2))));
        Sequential one = new Sequential("one", new Dense(3, Activation.RELU, "L1"));
        one.build(1);
        assertEquals("predict: layer 'L1' (the first layer of model 'one') expects input of shape (None, 1) but x has"
                + " shape (3,); for 3 examples use x.reshape(-1, 1)",
                message(IllegalArgumentException.class, () -> one.predict(Tensor.of(0.5, 1, 1.5))));
    }

    @Test
    void xAndYWithDifferentExampleCounts() {
        assertEquals("fit: x has 3 examples but y has 2 (x shape (3, 2), y shape (2,)); x and y need one row per"
                + " example, in the same order", fitError(compiled(), X, Tensor.of(0, 1)));
    }

    @Test
    void sparseLabelOutsideTheClasses() {
        assertEquals("SparseCategoricalCrossentropy: label y[1] = 3 is outside [0, 3): the model has 3 outputs, one"
                + " per class; give the output layer as many units as there are classes, or relabel the classes 0..2",
                fitError(compiled(), X, Tensor.of(0, 3, 1)));
        assertEquals("SparseCategoricalCrossentropy: label y[0] = -1 is outside [0, 3): the model has 3 outputs, one"
                + " per class; give the output layer as many units as there are classes, or relabel the classes 0..2",
                fitError(compiled(), X, Tensor.of(-1, 0, 1)));
    }

    @Test
    void sparseLabelThatIsNotAnInteger() {
        assertEquals("SparseCategoricalCrossentropy: label y[2] = 0.5 is not an integer class index in [0, 3);"
                + " for probability or one-hot targets use CategoricalCrossentropy",
                fitError(compiled(), X, Tensor.of(0, 1, 0.5)));
    }

    @Test
    void oneHotLabelsForASparseLoss() {
        Tensor oneHot = Tensor.of(new double[][] {{1, 0, 0}, {0, 0, 1}, {0, 1, 0}});
        assertEquals("SparseCategoricalCrossentropy: y has shape (3, 3) but needs one class index per example,"
                + " shape (3,) or (3, 1); y looks one-hot: use CategoricalCrossentropy, or pass class indices",
                fitError(compiled(), X, oneHot));
    }

    @Test
    void oneHotRowsThatDoNotMatchTheOutputWidth() {
        Sequential m = compiled();
        m.compile(new CategoricalCrossentropy(true), new Adam());
        Tensor fourWide = Tensor.of(new double[][] {{1, 0, 0, 0}, {0, 0, 1, 0}, {0, 1, 0, 0}});
        assertEquals("CategoricalCrossentropy: y has shape (3, 4) but the predictions have shape (3, 3); y needs"
                + " one-hot rows of width 3; the output layer needs one unit per class", fitError(m, X, fourWide));
        assertEquals("CategoricalCrossentropy: y has shape (3,) but the predictions have shape (3, 3); y needs"
                + " one-hot rows of width 3; y looks like class indices: use SparseCategoricalCrossentropy",
                fitError(m, X, LABELS));
    }

    @Test
    void binaryLabelsOutsideZeroOne() {
        Sequential m = new Sequential(new Dense(1, Activation.SIGMOID));
        m.compile(new BinaryCrossentropy(), new Adam());
        assertEquals("BinaryCrossentropy: label y[1] = 2.0 is outside [0, 1]; binary labels are 0 or 1 (for several"
                + " classes use SparseCategoricalCrossentropy with one output unit per class)",
                fitError(m, X, Tensor.of(0, 2, 1)));
        assertEquals("BinaryCrossentropy: y has shape (3, 2) but the predictions have shape (3, 1); y needs one row"
                + " of 1 value per example", fitError(m, X, Tensor.of(new double[][] {{0, 1}, {1, 0}, {0, 1}})));
    }

    @Test
    void validationSplitThatLeavesNoTrainingData() {
        assertEquals("fit: validationSplit 0.9 of 3 examples leaves 0 for training and 3 for validation; both need at"
                + " least one example", message(IllegalArgumentException.class,
                        () -> compiled().fit(X, LABELS, new FitOptions().validationSplit(0.9).verbose(0))));
    }

    @Test
    void validationDataThatDoesNotFitTheModel() {
        assertEquals("fit (validationData): layer 'L1' (the first layer of model 'm') expects input of shape (None, 2)"
                + " but x has shape (1, 3); x needs one row of 2 values per example, or build a new model for this input"
                + " width", message(IllegalArgumentException.class, () -> compiled().fit(X, LABELS,
                        new FitOptions().verbose(0).validationData(Tensor.of(new double[][] {{1, 2, 3}}), Tensor.of(0)))));
        assertEquals("fit (validationData): x has 1 example but y has 2 (x shape (1, 2), y shape (2,)); x and y need"
                + " one row per example, in the same order", message(IllegalArgumentException.class, () -> compiled().fit(X,
                        LABELS, new FitOptions().verbose(0).validationData(Tensor.of(new double[][] {{1, 2}}), Tensor.of(0, 1)))));
    }

    @Test
    void emptyDataset() {
        assertEquals("fit: the dataset is empty (x has shape (0, 2)); give at least one example",
                fitError(compiled(), Tensor.zeros(0, 2), Tensor.zeros(0)));
    }

    @Test
    void fitBeforeCompileAndPredictBeforeBuild() {
        Sequential m = new Sequential("m", new Dense(3, Activation.RELU));
        assertEquals("fit: model 'm' is not compiled; call model.compile(loss, optimizer) first, e.g."
                + " model.compile(new SparseCategoricalCrossentropy(true), new Adam(0.001)), or model.compile(loss) for"
                + " Keras' default optimizer RMSprop", message(IllegalStateException.class, () -> m.fit(X, LABELS, 1)));
        assertEquals("predict: model 'm' has no weights yet; start it with an InputLayer (e.g. new InputLayer(400) for"
                + " 400 features), call model.build(400) or fit the model first",
                message(IllegalStateException.class, () -> m.predict(X)));
        assertEquals("summary: model 'm' is not built yet, so its shapes are unknown; start it with an InputLayer (e.g."
                + " new InputLayer(400)), call model.build(400) or fit the model", message(IllegalStateException.class, m::summary));
        assertEquals("getWeights() on layer 'dense': the layer has no weights yet; start the model with an InputLayer"
                + " (e.g. new InputLayer(400)), call model.build(400) or fit the model first",
                message(IllegalStateException.class, () -> m.layer("dense").getWeights()));
        assertEquals("inputShape: model 'm' does not know its input shape yet; start it with an InputLayer (e.g. new"
                + " InputLayer(400)), call model.build(400) or fit the model", message(IllegalStateException.class, m::inputShape));
    }

    @Test
    void nonPositiveSizesAndRates() {
        assertEquals("Dense: units must be positive but was 0; e.g. Dense(25, ...)",
                message(IllegalArgumentException.class, () -> new Dense(0, Activation.RELU)));
        assertEquals("Conv1D: filters must be positive but was -2; e.g. Conv1D(25, ...)",
                message(IllegalArgumentException.class, () -> new Conv1D(-2, 3, 1, Activation.RELU)));
        assertEquals("Conv1D: kernelSize must be positive but was 0",
                message(IllegalArgumentException.class, () -> new Conv1D(2, 0, 1, Activation.RELU)));
        assertEquals("Conv1D: stride must be positive but was 0",
                message(IllegalArgumentException.class, () -> new Conv1D(2, 3, 0, Activation.RELU)));
        assertEquals("fit: epochs must be positive but was 0; e.g. epochs(10)",
                message(IllegalArgumentException.class, () -> compiled().fit(X, LABELS, 0)));
        assertEquals("fit: batchSize must be positive but was -1; Keras' default is 32",
                message(IllegalArgumentException.class, () -> compiled().fit(X, LABELS, 1, -1)));
        assertEquals("Adam: learningRate must be a positive number but was 0.0; typical values are 0.001 to 0.1",
                message(IllegalArgumentException.class, () -> new Adam(0)));
        assertEquals("SGD: learningRate must be a positive number but was NaN; typical values are 0.001 to 0.1",
                message(IllegalArgumentException.class, () -> new SGD(Double.NaN)));
        assertEquals("fit: validationSplit must be in [0, 1) but was 1.0; e.g. 0.2 holds out the last 20% of the examples",
                message(IllegalArgumentException.class, () -> new FitOptions().validationSplit(1)));
    }

    @Test
    void setWeightsWithWrongCountOrShapesChangesNothing() {
        Sequential m = compiled();
        m.build(2);
        List<Tensor> before = m.getWeights();
        assertEquals("setWeights: model 'm' has 4 weight arrays [W(2, 4), b(4,), W(4, 3), b(3,)] but got 2",
                message(IllegalArgumentException.class, () -> m.setWeights(before.subList(0, 2))));
        List<Tensor> wrong = List.of(Tensor.zeros(2, 4), Tensor.zeros(4), Tensor.zeros(3, 4), Tensor.zeros(3));
        assertEquals("setWeights: weight 2 (W of layer 'L2') must have shape (4, 3) but has shape (3, 4); model 'm'"
                + " expects [W(2, 4), b(4,), W(4, 3), b(3,)]", message(IllegalArgumentException.class, () -> m.setWeights(wrong)));
        assertEquals("setWeights: layer 'L1' has 2 weight arrays [W(2, 4), b(4,)] but got 1",
                message(IllegalArgumentException.class, () -> m.layer("L1").setWeights(before.subList(0, 1))));
        assertArrayEquals(before.get(0).toArray(), m.getWeights().get(0).toArray());
    }

    @Test
    void nanOrInfiniteInputs() {
        Tensor bad = Tensor.of(new double[][] {{1, 2}, {3, Double.NaN}, {5, 6}});
        assertEquals("fit: x contains NaN at row 1, column 1; remove or replace missing/infinite values first",
                fitError(compiled(), bad, LABELS));
        Sequential m = compiled();
        m.build(2);
        assertEquals("predict: x contains Infinity at row 0, column 0; remove or replace missing/infinite values first",
                message(IllegalArgumentException.class,
                        () -> m.predict(Tensor.of(new double[][] {{Double.POSITIVE_INFINITY, 0}}))));
        Sequential r = new Sequential(new Dense(1));
        r.compile(new MeanSquaredError(), new SGD(0.1));
        assertEquals("fit: y contains -Infinity at row 2, column 0; remove or replace missing/infinite values first",
                fitError(r, X, Tensor.of(1, 2, Double.NEGATIVE_INFINITY)));
    }

    @Test
    void seedAfterTrainingOrSetWeights() {
        String expected = "seed: model 'm' was already trained or its weights were set, and seed(...) only chooses the"
                + " initial weights; call it right after new Sequential(...)";
        Sequential trained = compiled();
        trained.fit(X, LABELS, new FitOptions().verbose(0));
        List<Tensor> after = trained.getWeights();
        assertEquals(expected, message(IllegalStateException.class, () -> trained.seed(3)));
        assertEquals(after, trained.getWeights(), "the trained weights stay");
        Sequential set = compiled();
        set.build(2);
        set.setWeights(set.getWeights());
        assertEquals(expected, message(IllegalStateException.class, () -> set.seed(3)));
        Sequential layerSet = compiled();
        layerSet.build(2);
        layerSet.layer("L2").setWeights(layerSet.layer("L2").getWeights());
        assertEquals(expected, message(IllegalStateException.class, () -> layerSet.seed(3)));
    }

    @Test
    void inputLayerMistakes() {
        assertEquals("InputLayer: give the shape of one example, e.g. new InputLayer(400) for 400 features or new"
                + " InputLayer(100, 1) for 100 steps of 1 channel", message(IllegalArgumentException.class, InputLayer::new));
        assertEquals("InputLayer: every size must be positive but the shape is (400, 0); e.g. new InputLayer(400) for"
                + " 400 features", message(IllegalArgumentException.class, () -> new InputLayer(400, 0)));
        assertEquals("InputLayer: every size must be positive but the shape is (-3,); e.g. new InputLayer(400) for 400"
                + " features", message(IllegalArgumentException.class, () -> new InputLayer(-3)));
        assertEquals("Sequential 'm': InputLayer (None, 2) must come first but follows [L1]; put new InputLayer(...)"
                + " before the other layers", message(IllegalArgumentException.class,
                        () -> new Sequential("m", new Dense(4, Activation.RELU, "L1"), new InputLayer(2))));
        Sequential added = new Sequential("m", new Dense(4, Activation.RELU, "L1"));
        assertEquals("Sequential 'm': InputLayer (None, 2) must come first but follows [L1]; put new InputLayer(...)"
                + " before the other layers", message(IllegalArgumentException.class, () -> added.add(new InputLayer(2))));
        assertEquals("Sequential 'm': a second InputLayer (None, 3); the model already starts with InputLayer (None, 2)"
                + " and takes one InputLayer, first", message(IllegalArgumentException.class,
                        () -> new Sequential("m", new InputLayer(2), new InputLayer(3), new Dense(1))));
        Sequential declared = new Sequential("m", new InputLayer(2), new Dense(4, Activation.RELU, "L1"));
        assertEquals("build: model 'm' starts with InputLayer (None, 2), so it cannot be built for (None, 3); leave out"
                + " build(...) or change the InputLayer", message(IllegalArgumentException.class, () -> declared.build(3)));
        Sequential empty = new Sequential("m");
        empty.add(new InputLayer(2));
        assertEquals("Sequential 'm': a second InputLayer (None, 2); the model already starts with InputLayer (None, 2)"
                + " and takes one InputLayer, first", message(IllegalArgumentException.class, () -> empty.add(new InputLayer(2))));
        assertEquals("Dense layer 'dense' expects inputs of shape (None, features) but got (None, 10, 2); put a Flatten()"
                + " layer before it", message(IllegalArgumentException.class,
                        () -> new Sequential(new InputLayer(10, 2), new Dense(3))));
    }

    @Test
    void dataThatDisagreesWithTheInputLayer() {
        Sequential m = new Sequential("m", new InputLayer(3), new Dense(4, Activation.RELU, "L1"),
                new Dense(3, Activation.LINEAR, "L2"));
        m.compile(new SparseCategoricalCrossentropy(true), new Adam());
        assertEquals("fit: layer 'L1' (the first layer of model 'm') expects input of shape (None, 3) but x has shape"
                + " (3, 2); x needs one row of 3 values per example, or build a new model for this input width",
                fitError(m, X, LABELS));
        assertEquals("predict: layer 'L1' (the first layer of model 'm') expects input of shape (None, 3) but x has"
                + " shape (3, 2); x needs one row of 3 values per example, or build a new model for this input width",
                message(IllegalArgumentException.class, () -> m.predict(X)));
    }

    @Test
    void compileWithoutLossAndBadRMSpropSettings() {
        Sequential m = compiled();
        assertEquals("compile: loss must not be null; e.g. model.compile(new SparseCategoricalCrossentropy(true),"
                + " new Adam(0.001))", message(IllegalArgumentException.class, () -> m.compile(null)));
        assertEquals("RMSprop: learningRate must be a positive number but was -0.001; typical values are 0.001 to 0.1",
                message(IllegalArgumentException.class, () -> new RMSprop(-0.001)));
        assertEquals("RMSprop: rho must be in [0, 1) but was 1.0; Keras' default is 0.9",
                message(IllegalArgumentException.class, () -> new RMSprop(0.001, 1, 0, 1e-7)));
        assertEquals("RMSprop: rho must be in [0, 1) but was -0.1; Keras' default is 0.9",
                message(IllegalArgumentException.class, () -> new RMSprop(0.001, -0.1, 0, 1e-7)));
        assertEquals("RMSprop: momentum must be in [0, 1] but was -0.5; 0 (Keras' default) turns it off",
                message(IllegalArgumentException.class, () -> new RMSprop(0.001, 0.9, -0.5, 1e-7)));
        assertEquals("RMSprop: momentum must be in [0, 1] but was 1.5; 0 (Keras' default) turns it off",
                message(IllegalArgumentException.class, () -> new RMSprop(0.001, 0.9, 1.5, 1e-7)));
        assertEquals("RMSprop: epsilon must be a positive number but was -1.0E-7; it keeps the division finite where"
                + " the gradients are 0 (Keras' default is 1e-7)",
                message(IllegalArgumentException.class, () -> new RMSprop(0.001, 0.9, 0, -1e-7)));
        assertEquals("RMSprop: epsilon must be a positive number but was 0.0; it keeps the division finite where"
                + " the gradients are 0 (Keras' default is 1e-7)",
                message(IllegalArgumentException.class, () -> new RMSprop(0.001, 0.9, 0, 0)));
        assertEquals("Adam: epsilon must be a positive number but was Infinity; it keeps the division finite where"
                + " the gradients are 0 (Keras' default is 1e-7)",
                message(IllegalArgumentException.class, () -> new Adam(0.001, 0.9, 0.999, Double.POSITIVE_INFINITY)));
    }

    @Test
    void modelAssemblyMistakes() {
        Sequential m = compiled();
        m.build(2);
        assertEquals("build: model 'm' is already built for inputs of shape (None, 2), not (None, 5); create a new model",
                message(IllegalStateException.class, () -> m.build(5)));
        assertEquals("Dense layer 'dense' expects inputs of shape (None, features) but got (None, 8, 2); put a Flatten()"
                + " layer before it", message(IllegalArgumentException.class, () -> {
                    Sequential conv = new Sequential(new Conv1D(2, 3, 1, Activation.RELU));
                    conv.build(10);
                    conv.add(new Dense(1));
                }));
        assertEquals("Sequential 'sequential': two layers are named 'L1'; layer names must be unique",
                message(IllegalArgumentException.class,
                        () -> new Sequential(new Dense(2, Activation.RELU, "L1"), new Dense(2, Activation.RELU, "L1"))));
        Dense shared = new Dense(2);
        assertEquals("Sequential 'sequential': layer 'dense' was added twice; create a new layer object for each position",
                message(IllegalArgumentException.class, () -> new Sequential(shared, shared)));
        assertEquals("Sequential 'sequential': layer 'L1' already belongs to a built model; create a new layer object",
                message(IllegalArgumentException.class, () -> new Sequential(m.layer("L1"))));
        assertEquals("compile: optimizer must not be null; e.g. model.compile(new SparseCategoricalCrossentropy(true),"
                + " new Adam(0.001))", message(IllegalArgumentException.class,
                        () -> m.compile(new SparseCategoricalCrossentropy(true), null)));
    }

    @Test
    void layerLookupAndDenseAfterConvolution() {
        Sequential m = compiled();
        assertEquals("layer(\"L3\"): model 'm' has no such layer; its layers are [L1, L2]",
                message(IllegalArgumentException.class, () -> m.layer("L3")));
        Sequential conv = new Sequential(new Conv1D(2, 3, 1, Activation.RELU), new Dense(1));
        assertEquals("Dense layer 'dense' expects inputs of shape (None, features) but got (None, 8, 2); put a"
                + " Flatten() layer before it", message(IllegalArgumentException.class, () -> conv.build(10)));
        assertEquals(false, conv.layers().get(0).isBuilt(), "a failed build leaves no layer half-built");
    }
}
