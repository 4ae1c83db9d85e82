package nnlab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import nnlab.nn.Tensor;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A small labelled data set: features {@code x} of shape {@code (examples, features)} and targets
 * {@code y}, plus the names that make them readable. Instances are immutable; the methods that
 * transform a data set ({@link #oneHot()}, {@link #standardized()}, {@link #split}) return new ones.
 *
 * <p>What {@code y} holds depends on the {@link Targets kind} of data set:
 * <ul>
 *   <li>{@link Targets#CLASS}: one integer class index per example, shape {@code (examples)}, for
 *       {@code SparseCategoricalCrossentropy} or {@code BinaryCrossentropy};</li>
 *   <li>{@link Targets#ONE_HOT}: one row of 0/1 per example, shape {@code (examples, classes)}, for
 *       {@code CategoricalCrossentropy};</li>
 *   <li>{@link Targets#MULTI_LABEL}: independent 0/1 labels, shape {@code (examples, labels)};</li>
 *   <li>{@link Targets#VALUE}: real numbers to regress, shape {@code (examples, outputs)}.</li>
 * </ul>
 */
public final class Dataset {

    /** What the targets {@code y} of a data set are. */
    public enum Targets {
        /** One integer class index per example. */
        CLASS,
        /** One one-hot row per example. */
        ONE_HOT,
        /** Several independent yes/no labels per example. */
        MULTI_LABEL,
        /** Real-valued outputs (regression). */
        VALUE
    }

    private final String name;
    private final float[] x;
    private final float[] y;
    private final int examples;
    private final int features;
    private final int outputs;
    private final Targets targets;
    private final List<String> featureNames;
    private final List<String> labelNames;
    private final int[] imageShape;

    Dataset(String name, float[] x, int features, float[] y, int outputs, Targets targets,
            List<String> featureNames, List<String> labelNames, int[] imageShape) {
        this.name = name;
        this.x = x;
        this.y = y;
        this.examples = x.length / features;
        this.features = features;
        this.outputs = outputs;
        this.targets = targets;
        this.featureNames = List.copyOf(featureNames);
        this.labelNames = List.copyOf(labelNames);
        this.imageShape = imageShape == null ? new int[0] : imageShape.clone();
        if (featureNames.size() != features || examples * features != x.length
                || y.length != (long) examples * outputs) {
            throw new IllegalStateException("inconsistent data set " + name);
        }
    }

    /** A data set of class labels; {@code classNames.get(i)} names class {@code i}. */
    static Dataset ofClasses(String name, float[] x, List<String> featureNames, int[] labels,
                             List<String> classNames, int[] imageShape) {
        float[] y = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            y[i] = labels[i];
        }
        return new Dataset(name, x, featureNames.size(), y, 1, Targets.CLASS, featureNames, classNames, imageShape);
    }

    /** Feature names {@code prefix0, prefix1, ...}. */
    static List<String> numberedNames(String prefix, int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    /** The data set's name, e.g. {@code digits20}. */
    public String name() {
        return name;
    }

    /** The features, shape {@code (examples, features)}. */
    public Tensor x() {
        return Tensor.of(new int[] {examples, features}, x);
    }

    /** The targets; see the class description for their shape. */
    public Tensor y() {
        int[] shape = targets == Targets.CLASS ? new int[] {examples} : new int[] {examples, outputs};
        return Tensor.of(shape, y);
    }

    /** The number of examples. */
    public int size() {
        return examples;
    }

    /** The number of features per example. */
    public int featureCount() {
        return features;
    }

    /** What the targets are. */
    public Targets targets() {
        return targets;
    }

    /** The feature (column) names, e.g. {@code sepal length (cm)} or {@code px0 ... px399}. */
    public List<String> featureNames() {
        return featureNames;
    }

    /**
     * The names of the classes (class and one-hot data sets), of the labels (multi-label) or of
     * the outputs (regression).
     */
    public List<String> labelNames() {
        return labelNames;
    }

    /** The number of classes; fails for multi-label and regression data sets. */
    public int classCount() {
        requireClasses("classCount()");
        return labelNames.size();
    }

    /**
     * The height and width of each example seen as an image (e.g. {@code [20, 20]}), or an empty
     * array when the examples are not images.
     */
    public int[] imageShape() {
        return imageShape.clone();
    }

    /** The class index of each example; fails for multi-label and regression data sets. */
    public int[] labels() {
        requireClasses("labels()");
        int[] labels = new int[examples];
        for (int i = 0; i < examples; i++) {
            if (targets == Targets.CLASS) {
                labels[i] = (int) y[i];
            } else {
                for (int c = 1; c < outputs; c++) {
                    if (y[i * outputs + c] > y[i * outputs + labels[i]]) {
                        labels[i] = c;
                    }
                }
            }
        }
        return labels;
    }

    /** How many examples each class has, indexed by class; fails for multi-label and regression data sets. */
    public int[] classCounts() {
        int[] counts = new int[classCount()];
        for (int label : labels()) {
            counts[label]++;
        }
        return counts;
    }

    /** The same data with one-hot targets, for {@code CategoricalCrossentropy}. */
    public Dataset oneHot() {
        int classes = classCount();
        float[] hot = new float[examples * classes];
        int[] labels = labels();
        for (int i = 0; i < examples; i++) {
            hot[i * classes + labels[i]] = 1f;
        }
        return new Dataset(name, x, features, hot, classes, Targets.ONE_HOT, featureNames, labelNames, imageShape);
    }

    /** The examples at the given positions, in that order. */
    public Dataset rows(int... indices) {
        float[] xs = new float[indices.length * features];
        float[] ys = new float[indices.length * outputs];
        for (int r = 0; r < indices.length; r++) {
            int i = indices[r];
            if (i < 0 || i >= examples) {
                throw new IndexOutOfBoundsException("row " + i + " is outside " + name + ", which has rows 0.."
                        + (examples - 1));
            }
            System.arraycopy(x, i * features, xs, r * features, features);
            System.arraycopy(y, i * outputs, ys, r * outputs, outputs);
        }
        return new Dataset(name, xs, features, ys, outputs, targets, featureNames, labelNames, imageShape);
    }

    /** The first {@code n} examples (or all, if there are fewer). */
    public Dataset head(int n) {
        int[] first = new int[Math.min(Math.max(n, 0), examples)];
        Arrays.setAll(first, i -> i);
        return rows(first);
    }

    /**
     * Each feature shifted and scaled to mean 0 and standard deviation 1 over this data set (the
     * z-score, like scikit-learn's {@code StandardScaler}); constant features are only centred.
     * To keep the test set unseen, prefer {@link Split#standardized()}, which uses the training
     * part's statistics for every part.
     */
    public Dataset standardized() {
        return scaled(featureMeans(), featureDeviations(featureMeans()));
    }

    float[] featureMeans() {
        double[] sum = new double[features];
        for (int i = 0; i < x.length; i++) {
            sum[i % features] += x[i];
        }
        float[] mean = new float[features];
        for (int j = 0; j < features; j++) {
            mean[j] = (float) (sum[j] / examples);
        }
        return mean;
    }

    float[] featureDeviations(float[] mean) {
        double[] sum = new double[features];
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - mean[i % features];
            sum[i % features] += d * d;
        }
        float[] deviation = new float[features];
        for (int j = 0; j < features; j++) {
            double sd = Math.sqrt(sum[j] / examples);
            deviation[j] = sd > 0 ? (float) sd : 1f;
        }
        return deviation;
    }

    Dataset scaled(float[] mean, float[] deviation) {
        float[] xs = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            xs[i] = (x[i] - mean[i % features]) / deviation[i % features];
        }
        return new Dataset(name, xs, features, y, outputs, targets, featureNames, labelNames, imageShape);
    }

    /**
     * Shuffles the examples with a seed and cuts them into training, validation and test parts,
     * like scikit-learn's {@code train_test_split} applied twice. The same seed always gives the
     * same parts.
     *
     * @param validationFraction share of the examples for validation, in [0, 1); 0 means no validation part
     * @param testFraction       share of the examples for testing, in (0, 1)
     * @param seed               the shuffling seed
     */
    public Split split(double validationFraction, double testFraction, long seed) {
        if (!(validationFraction >= 0 && testFraction > 0 && validationFraction + testFraction < 1)) {
            throw new IllegalArgumentException("split(" + validationFraction + ", " + testFraction
                    + ", seed): the validation fraction must be in [0, 1), the test fraction in (0, 1), and"
                    + " together they must leave some examples for training (sum < 1), e.g. split(0.1, 0.2, 42)");
        }
        int testCount = (int) Math.ceil(testFraction * examples);
        int validationCount = (int) Math.round(validationFraction * examples);
        if (testCount + validationCount >= examples || (validationFraction > 0 && validationCount == 0)) {
            throw new IllegalArgumentException("split(" + validationFraction + ", " + testFraction + ", seed): "
                    + name + " has only " + examples + " examples, too few to give every part at least one");
        }
        int[] order = shuffledIndices(examples, seed);
        Dataset test = rows(Arrays.copyOfRange(order, 0, testCount));
        Dataset validation = validationCount == 0 ? null
                : rows(Arrays.copyOfRange(order, testCount, testCount + validationCount));
        Dataset train = rows(Arrays.copyOfRange(order, testCount + validationCount, examples));
        return new Split(train, validation, test);
    }

    /** A Fisher–Yates shuffle of 0..n-1 driven by {@code seed}. */
    static int[] shuffledIndices(int n, long seed) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /**
     * The data as a Tablesaw table: one column per feature, then the targets (a {@code label}
     * column and, when the classes have names, a {@code class} column; one 0/1 column per label for
     * multi-label data; one column per output for regression).
     */
    public Table table() {
        Table table = Table.create(name);
        for (int j = 0; j < features; j++) {
            double[] column = new double[examples];
            for (int i = 0; i < examples; i++) {
                column[i] = x[i * features + j];
            }
            table.addColumns(DoubleColumn.create(featureNames.get(j), column));
        }
        switch (targets) {
            case CLASS, ONE_HOT -> {
                int[] labels = labels();
                table.addColumns(IntColumn.create("label", labels));
                if (!classesAreNumbers()) {
                    table.addColumns(StringColumn.create("class",
                            Arrays.stream(labels).mapToObj(labelNames::get).toArray(String[]::new)));
                }
            }
            case MULTI_LABEL -> {
                for (int c = 0; c < outputs; c++) {
                    int[] column = new int[examples];
                    for (int i = 0; i < examples; i++) {
                        column[i] = Math.round(y[i * outputs + c]);
                    }
                    table.addColumns(IntColumn.create(labelNames.get(c), column));
                }
            }
            case VALUE -> {
                for (int c = 0; c < outputs; c++) {
                    double[] column = new double[examples];
                    for (int i = 0; i < examples; i++) {
                        column[i] = y[i * outputs + c];
                    }
                    table.addColumns(DoubleColumn.create(labelNames.get(c), column));
                }
            }
        }
        return table;
    }

    private boolean classesAreNumbers() {
        for (int c = 0; c < labelNames.size(); c++) {
            if (!labelNames.get(c).equals(Integer.toString(c))) {
                return false;
            }
        }
        return true;
    }

    private void requireClasses(String method) {
        if (targets != Targets.CLASS && targets != Targets.ONE_HOT) {
            throw new IllegalStateException(method + ": " + name + " has " + targets
                    + " targets, not classes; use y() to get them");
        }
    }

    /** A one-line description, e.g. {@code digits20: 5000 examples, x (5000, 400), y (5000) class 0..9}. */
    @Override
    public String toString() {
        String yShape = targets == Targets.CLASS ? "(" + examples + ")" : "(" + examples + ", " + outputs + ")";
        String what = switch (targets) {
            case CLASS -> "class index, classes " + labelNames;
            case ONE_HOT -> "one-hot, classes " + labelNames;
            case MULTI_LABEL -> "multi-label " + labelNames;
            case VALUE -> "values " + labelNames;
        };
        return name + ": " + examples + " examples, x (" + examples + ", " + features + "), y " + yShape + " " + what;
    }
}
