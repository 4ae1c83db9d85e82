package nnlab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

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
    private static volatile int defaultWidth = 640;
    private static volatile int defaultHeight = 400;

    private Plot() {}

    /** Sets the theme of every chart made from now on (charts made earlier keep theirs). */
    public static void setTheme(Theme newTheme) {
        theme = Objects.requireNonNull(newTheme, "theme");
    }

    /** The theme new charts get. */
    public static Theme getTheme() {
        return theme;
    }

    /** Sets the size (logical pixels) of every chart made from now on; the default is 640 x 400. */
    public static void setSize(int width, int height) {
        checkSize(width, height);
        defaultWidth = width;
        defaultHeight = height;
    }

    /** Sets a slide-shaped size for every chart made from now on. */
    public static void setSize(SlideSize preset) {
        setSize(preset.width(), preset.height());
    }

    static int defaultWidth() {
        return defaultWidth;
    }

    static int defaultHeight() {
        return defaultHeight;
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
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return line(x, y);
    }

    /** A line through the points {@code (x[i], y[i])}. */
    public static Chart line(double[] x, double[] y) {
        Lines.checkSameLength(x, y);
        List<Lines.Series> series = List.of(new Lines.Series("y", x.clone(), y.clone()));
        return new Chart(t -> Lines.chart(t, null, "x", "y", series, false));
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
}
