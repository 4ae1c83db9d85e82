package nnlab.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import nnlab.nn.Activation;
import nnlab.nn.History;
import nnlab.nn.Sequential;
import nnlab.nn.Tensor;

/**
 * Charts for the lecture, as static factories. Each returns a {@link Chart} that shows itself in a
 * notebook, can be saved for slides ({@code .png}, {@code .svg}, {@code .pdf}) and exposes its
 * JFreeChart for restyling.
 *
 * <pre>{@code
 * Plot.activations(Activation.SIGMOID, Activation.RELU);
 * Plot.loss("Adam", adamHistory, "SGD", sgdHistory).save("figures/adam-vs-sgd.pdf");
 * Plot.setTheme(Theme.SLIDES);   // every chart made from now on
 * }</pre>
 */
public final class Plot {
    private static volatile Theme theme = Theme.NOTEBOOK;
    /** 0 while unset: charts then take their theme's size. */
    private static volatile int defaultWidth;
    private static volatile int defaultHeight;

    private Plot() {}

    /** Sets the theme of every chart made from now on (charts made earlier keep theirs). */
    public static void setTheme(Theme newTheme) {
        theme = Objects.requireNonNull(newTheme, "theme");
    }

    /** The theme new charts get. */
    public static Theme getTheme() {
        return theme;
    }

    /**
     * Sets the size (logical pixels) of every chart made from now on; by default it follows the
     * theme: 640 x 400 for {@link Theme#NOTEBOOK}, 960 x 540 for {@link Theme#SLIDES}.
     */
    public static void setSize(int width, int height) {
        checkSize(width, height);
        defaultWidth = width;
        defaultHeight = height;
    }

    /** Sets a slide-shaped size for every chart made from now on. */
    public static void setSize(SlideSize preset) {
        setSize(preset.width(), preset.height());
    }

    /** Goes back to the theme's size for new charts. */
    public static void resetSize() {
        defaultWidth = 0;
        defaultHeight = 0;
    }

    static int defaultWidth(Theme t) {
        int w = defaultWidth;
        return w > 0 ? w : t.width();
    }

    static int defaultHeight(Theme t) {
        int h = defaultHeight;
        return h > 0 ? h : t.height();
    }

    static void checkSize(int width, int height) {
        if (width < 50 || height < 50 || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException("Chart size must be between 50 and 10000 logical pixels per side, got "
                    + width + " x " + height + ". SlideSize.WIDE_16_9 is 960 x 540.");
        }
    }

    /** A line plot of {@code f} over {@code [from, to]}. */
    public static Chart function(DoubleUnaryOperator f, double from, double to) {
        return function("f(x)", f, from, to);
    }

    /** A line plot of {@code f} over {@code [from, to]}, with a name in the legend. */
    public static Chart function(String name, DoubleUnaryOperator f, double from, double to) {
        Objects.requireNonNull(f, "f");
        double[] x = Lines.range(from, to, 400);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f.applyAsDouble(x[i]);
        }
        List<Lines.Series> series = List.of(new Lines.Series(name, x, y));
        return new Chart(t -> Lines.chart(t, name, "x", "y", series, false));
    }

    /** A line through the points {@code (i, y[i])}. */
    public static Chart line(double[] y) {
        return line(steps(y.length), y);
    }

    /** 0, 1, ..., n-1: the x of lines given only their y values. */
    private static double[] steps(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    /** A line through the points {@code (x[i], y[i])}. */
    public static Chart line(double[] x, double[] y) {
        Lines.checkSameLength(x, y);
        List<Lines.Series> series = List.of(new Lines.Series("y", x.clone(), y.clone()));
        return new Chart(t -> Lines.chart(t, null, "x", "y", series, false));
    }

    /** A line through the points of two tensors of the same size (e.g. shape (n) or (n, 1)). */
    public static Chart line(Tensor x, Tensor y) {
        return line(doubles(x), doubles(y));
    }

    /** One named line for {@link #lines(double[], Series...)}, made by {@link #series(String, double[])}. */
    public static final class Series {
        private final String name;
        private final double[] y;

        private Series(String name, double[] y) {
            this.name = name;
            this.y = y;
        }

        /** The name shown in the legend. */
        public String name() {
            return name;
        }

        @Override
        public String toString() {
            return "Series[" + name + ", " + y.length + " values]";
        }
    }

    /** A named line of y values for {@link #lines(double[], Series...)}, e.g. {@code Plot.series("ReLU", y)}. */
    public static Series series(String name, double[] y) {
        if (name == null || y == null) {
            throw new IllegalArgumentException("series: " + (name == null ? "the name" : "the values of \"" + name + "\"")
                    + " must not be null, e.g. Plot.series(\"ReLU\", y)");
        }
        return new Series(name, y.clone());
    }

    /** {@link #series(String, double[])} with the values of a tensor (e.g. shape (n) or (n, 1)). */
    public static Series series(String name, Tensor y) {
        return series(name, y == null ? null : doubles(y));
    }

    /**
     * Named lines over the same x, in the order given, e.g. the ReLU lab's target and model output:
     * {@code Plot.lines(x, Plot.series("target", y), Plot.series("model", a2))}.
     */
    public static Chart lines(double[] x, Series... series) {
        Objects.requireNonNull(x, "x");
        if (series.length == 0) {
            throw new IllegalArgumentException("lines: no lines given; add one Plot.series(\"name\", values) per line.");
        }
        List<Lines.Series> lines = new ArrayList<>();
        for (Series s : series) {
            Objects.requireNonNull(s, "series");
            if (s.y.length != x.length) {
                throw new IllegalArgumentException("lines: x has " + x.length + " values but series \"" + s.name
                        + "\" has " + s.y.length + "; a line needs one y per x.");
            }
            lines.add(new Lines.Series(s.name, x.clone(), s.y));
        }
        return new Chart(t -> Lines.chart(t, null, "x", "y", lines, true));
    }

    /** {@link #lines(double[], Series...)} over the x values of a tensor. */
    public static Chart lines(Tensor x, Series... series) {
        Objects.requireNonNull(x, "x");
        return lines(doubles(x), series);
    }

    /**
     * Named lines over the steps 0, 1, 2, ..., e.g. a weight after each optimizer step:
     * {@code Plot.lines(Plot.series("Adam", w), Plot.series("SGD", v)).axisLabels("step", "w")}.
     */
    public static Chart lines(Series... series) {
        if (series.length == 0 || series[0] == null) {
            return lines(new double[0], series);
        }
        return lines(steps(series[0].y.length), series);
    }

    /**
     * {@link #lines(double[], Series...)} from a map of name to y values, in the map's order (use a
     * LinkedHashMap to choose it).
     */
    public static Chart lines(double[] x, Map<String, double[]> ys) {
        return lines(x, ys.entrySet().stream().map(e -> series(e.getKey(), e.getValue())).toArray(Series[]::new));
    }

    /** {@link #lines(double[], Map)} for tensors. */
    public static Chart lines(Tensor x, Map<String, Tensor> ys) {
        return lines(x, ys.entrySet().stream().map(e -> series(e.getKey(), e.getValue())).toArray(Series[]::new));
    }

    private static double[] doubles(Tensor t) {
        float[] f = t.toArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /**
     * A scatter plot of 2-D points coloured by class ({@code points[i] = {x1, x2}},
     * {@code labels[i]} in 0..k-1).
     */
    public static Chart scatter(double[][] points, int[] labels) {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(labels, "labels");
        if (points.length != labels.length) {
            throw new IllegalArgumentException("scatter: " + points.length + " points but " + labels.length
                    + " labels; give one class label per point.");
        }
        List<double[]> copy = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            if (points[i].length != 2) {
                throw new IllegalArgumentException("scatter: point " + i + " has " + points[i].length
                        + " coordinates; scatter draws 2-D points {x1, x2}.");
            }
            copy.add(points[i].clone());
        }
        int[] classes = labels.clone();
        return new Chart(t -> Scatter.chart(t, "Data", copy, classes));
    }

    /** Class-coloured scatter of 2-D data: {@code x} is (n, 2); {@code y} holds labels, one-hot rows or scores. */
    public static Chart scatter(Tensor x, Tensor y) {
        List<double[]> points = Values.points("scatter", x);
        int[] labels = Values.labels("scatter", y, points.size());
        return new Chart(t -> Scatter.chart(t, "Data", points, labels));
    }

    /**
     * Training loss per epoch; with validation data also {@code val_loss} (dashed), and an accuracy
     * panel when accuracy was recorded. Several histories are overlaid as "run 1", "run 2", ...;
     * use {@link #loss(String, History, Object...)} to name them.
     */
    public static Chart loss(History... histories) {
        if (histories.length == 0) {
            throw new IllegalArgumentException("loss: give at least one History, e.g. Plot.loss(model.fit(x, y, 10)).");
        }
        Map<String, History> runs = new LinkedHashMap<>();
        for (int i = 0; i < histories.length; i++) {
            runs.put(histories.length == 1 ? "" : "run " + (i + 1), Objects.requireNonNull(histories[i], "history"));
        }
        return loss(runs);
    }

    /**
     * Loss curves with names, e.g. {@code Plot.loss("Adam", adam, "SGD", sgd)}: a name, its history,
     * then more name/history pairs.
     */
    public static Chart loss(String name, History history, Object... more) {
        Map<String, History> runs = new LinkedHashMap<>();
        runs.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(history, "history"));
        if (more.length % 2 != 0) {
            throw new IllegalArgumentException("loss: after the first name and history, give name/history pairs;"
                    + " got " + more.length + " more arguments, e.g. Plot.loss(\"Adam\", h1, \"SGD\", h2).");
        }
        for (int i = 0; i < more.length; i += 2) {
            if (!(more[i] instanceof String n) || !(more[i + 1] instanceof History h)) {
                throw new IllegalArgumentException("loss: argument " + (i + 3) + " and " + (i + 4)
                        + " must be a name (String) and a History, got " + typeName(more[i]) + " and "
                        + typeName(more[i + 1]) + ".");
            }
            if (runs.put(n, h) != null) {
                throw new IllegalArgumentException("loss: the name \"" + n + "\" is used twice; give each run its own name.");
            }
        }
        return loss(runs);
    }

    /** Loss curves of named runs, in the map's iteration order (use a LinkedHashMap to choose it). */
    public static Chart loss(Map<String, History> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("loss: the map of runs is empty; give at least one name -> History.");
        }
        Map<String, History> copy = new LinkedHashMap<>(runs);
        return new Chart(t -> LossChart.chart(t, copy));
    }

    /** Activation functions over z in [-5, 5]; no arguments draws sigmoid, ReLU, linear and tanh. */
    public static Chart activations(Activation... activations) {
        return activations(false, activations);
    }

    /** Activation functions, with their derivatives dashed when {@code derivatives} is true. */
    public static Chart activations(boolean derivatives, Activation... activations) {
        List<Activation> chosen = activations.length == 0
                ? List.of(Activation.SIGMOID, Activation.RELU, Activation.LINEAR, Activation.TANH)
                : List.of(activations);
        return new Chart(t -> ActivationChart.chart(t, chosen, derivatives));
    }

    /**
     * One vector of logits z three ways, side by side: independent sigmoids (sum printed, usually
     * not 1), softmax (sums to 1) and multi-label decisions (sigmoid at least 0.5). {@code z} has
     * shape (k) or (1, k); {@code names} optionally label the outputs (e.g. car, bus, pedestrian).
     */
    public static Chart outputs(Tensor z, String... names) {
        int[] s = z.shape();
        if (!(s.length == 1 || s.length == 2 && s[0] == 1) || z.size() == 0) {
            throw new IllegalArgumentException("outputs: z must be one vector of logits, shape (k) or (1, k), but has shape "
                    + Values.shape(s) + ". For one example of a batch use z.row(i).");
        }
        if (names.length != 0 && names.length != z.size()) {
            throw new IllegalArgumentException("outputs: " + names.length + " names for " + z.size()
                    + " outputs; give one name per output or none.");
        }
        String[] labels = new String[z.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = names.length == 0 ? Integer.toString(i) : names[i];
        }
        float[] logits = z.toArray();
        return new Chart(t -> OutputsChart.chart(t, logits, labels));
    }

    /**
     * The class a trained model predicts everywhere in the plane around the data, with the data
     * on top (the multiclass lab's picture). The model takes 2 inputs; {@code y} holds labels.
     */
    public static Chart decisionRegions(Sequential model, Tensor x, Tensor y) {
        List<double[]> points = Values.points("decisionRegions", x);
        int[] labels = Values.labels("decisionRegions", y, points.size());
        return new Chart(t -> Regions.decisionRegions(t, model, points, labels));
    }

    /**
     * What each unit of one layer outputs. For a model with two inputs: one heat map per unit over
     * the plane around the data (white at 0), the line where the output turns on, and the data on
     * top ({@code y} may be null). For a model with one input (the ReLU lab): per unit, z (dashed)
     * and a = g(z) over the range of {@code x}.
     */
    public static Chart unitOutputs(Sequential model, String layer, Tensor x, Tensor y) {
        List<String> names = model.layers().stream().map(l -> l.name()).toList();
        int index = names.indexOf(layer);
        if (index < 0) {
            throw new IllegalArgumentException("unitOutputs: model '" + model.name() + "' has no layer named \""
                    + layer + "\"; its layers are " + names + ".");
        }
        return unitOutputs(model, index, x, y);
    }

    /** {@link #unitOutputs(Sequential, String, Tensor, Tensor)} with the layer given by position (0 = first). */
    public static Chart unitOutputs(Sequential model, int layer, Tensor x, Tensor y) {
        Regions.checkLayer(model, layer);
        int panels = Math.min(model.layers().get(layer).outputShape()[0], Regions.MAX_UNITS);
        Chart chart;
        if (Regions.inputs(model) == 1) {
            java.util.DoubleSummaryStatistics range = java.util.Arrays.stream(doubles(x)).summaryStatistics();
            double from = range.getMin();
            double to = range.getMax() > from ? range.getMax() : from + 1;
            chart = new Chart(t -> UnitLines.chart(t, model, layer, from, to));
        } else {
            List<double[]> points = Values.points("unitOutputs", x);
            int[] labels = y == null ? null : Values.labels("unitOutputs", y, points.size());
            chart = new Chart(t -> Regions.unitOutputs(t, model, layer, points, labels));
        }
        return chart.size(Math.max(chart.width(), 230 * panels + 120), chart.height());
    }

    /** A grid of images (shape (n, h, w), or (n, h*w) for square images), up to 64. */
    public static Chart images(Tensor images) {
        return images(images, null, null);
    }

    /**
     * Images with their labels and the model's predictions underneath (each may be null);
     * mistakes are framed in red. Predictions may be class numbers or scores/logits per class.
     */
    public static Chart images(Tensor images, Tensor labels, Tensor predictions) {
        ImageGrid.Cells all = cells("images", images, labels, predictions, null);
        String title = all.labels() != null && all.predictions() != null
                ? mistakes(all) + " mistakes in " + all.rows().length + " images" : null;
        return imageChart(title, all);
    }

    /** The images the model got wrong (up to 64), titled like the lab: "15 errors out of 5000 images". */
    public static Chart mistakes(Tensor images, Tensor labels, Tensor predictions) {
        ImageGrid.Cells all = cells("mistakes", images, Objects.requireNonNull(labels, "labels"),
                Objects.requireNonNull(predictions, "predictions"), null);
        int[] wrong = java.util.stream.IntStream.range(0, all.labels().length)
                .filter(i -> all.labels()[i] != all.predictions()[i]).toArray();
        if (wrong.length == 0) {
            throw new IllegalArgumentException("mistakes: the model got all " + all.labels().length
                    + " images right, so there is nothing to show; Plot.images(x, y, predictions) shows them all.");
        }
        ImageGrid.Cells shown = cells("mistakes", images, labels, predictions, wrong);
        return imageChart(wrong.length + " errors out of " + all.labels().length + " images", shown);
    }

    private static Chart imageChart(String title, ImageGrid.Cells cells) {
        int n = cells.rows().length;
        Chart chart = new Chart(t -> ImageGrid.chart(t, title, cells));
        int cols = ImageGrid.columns(n);
        int rows = ImageGrid.rows(n);
        return chart.size(Math.max(100, cols * 80 + 8), (int) Math.round(rows * 80 * (1 + ImageGrid.BAND)) + (title == null ? 8 : 44));
    }

    private static long mistakes(ImageGrid.Cells cells) {
        return java.util.stream.IntStream.of(cells.rows()).filter(i -> cells.labels()[i] != cells.predictions()[i]).count();
    }

    private static ImageGrid.Cells cells(String what, Tensor images, Tensor labels, Tensor predictions, int[] pick) {
        int[] s = images.shape();
        int n = s[0];
        int h;
        int w;
        if (s.length == 3) {
            h = s[1];
            w = s[2];
        } else if (s.length == 2 && Math.round(Math.sqrt(s[1])) * Math.round(Math.sqrt(s[1])) == s[1]) {
            h = (int) Math.round(Math.sqrt(s[1]));
            w = h;
        } else {
            throw new IllegalArgumentException(what + ": images must have shape (n, h, w), or (n, h*w) for square images,"
                    + " but have shape " + Values.shape(s) + ". Reshape them, e.g. x.reshape(n, 28, 28).");
        }
        int[] y = labels == null ? null : Values.labels(what, labels, n);
        int[] p = predictions == null ? null : Values.labels(what, predictions, n);
        int[] rows = pick != null ? pick : java.util.stream.IntStream.range(0, n).toArray();
        if (rows.length > ImageGrid.MAX_IMAGES) {
            rows = java.util.Arrays.copyOf(rows, ImageGrid.MAX_IMAGES);
        }
        return new ImageGrid.Cells(images.toArray(), h, w, y, p, rows);
    }

    private static String typeName(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName();
    }
}
