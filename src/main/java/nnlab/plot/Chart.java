package nnlab.plot;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeCategoryPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;

/**
 * A chart that shows itself in a notebook and can be saved for slides. It wraps a JFreeChart
 * ({@link #jfree()}) together with a size, a {@link Theme} and the PNG pixel density.
 *
 * <pre>{@code
 * Chart c = Plot.loss(history).theme(Theme.SLIDES).size(SlideSize.WIDE_16_9);
 * c.save("figures/loss.pdf");
 * }</pre>
 *
 * Charts made by {@link Plot} are rebuilt when the theme changes, so choose the theme before
 * restyling {@link #jfree()} by hand.
 */
public final class Chart {
    /** The file extensions {@link #save(Path)} understands. */
    public static final List<String> FORMATS = List.of("png", "svg", "pdf");
    private static final AtomicLong SVG_IDS = new AtomicLong();

    private final Function<Theme, JFreeChart> builder;
    private JFreeChart chart;
    private Theme theme;
    private String title;
    private String xLabel;
    private String yLabel;
    /** 0 until set: then the size comes from {@link Plot#setSize} or else from the theme. */
    private int width;
    private int height;
    private double scale = 2;

    /** A chart from a factory: {@code builder} makes the JFreeChart in a given theme. */
    Chart(Function<Theme, JFreeChart> builder) {
        this(builder, null);
        theme(Plot.getTheme());
    }

    private Chart(Function<Theme, JFreeChart> builder, JFreeChart own) {
        this.builder = builder;
        this.chart = own;
        this.theme = Plot.getTheme();
    }

    /**
     * Wraps a JFreeChart you built yourself. It keeps its own styling until you call
     * {@link #theme(Theme)}.
     */
    public static Chart of(JFreeChart chart) {
        Objects.requireNonNull(chart, "chart");
        return new Chart(theme -> {
            theme.apply(chart);
            return chart;
        }, chart);
    }

    /** The underlying JFreeChart, for restyling with the full JFreeChart API. */
    public JFreeChart jfree() {
        return chart;
    }

    /** Redraws the chart in another theme (for example {@link Theme#SLIDES}); returns this chart. */
    public Chart theme(Theme newTheme) {
        Objects.requireNonNull(newTheme, "theme");
        chart = builder.apply(newTheme);
        theme = newTheme;
        if (title != null) {
            title(title);
        }
        if (xLabel != null || yLabel != null) {
            axisLabels(xLabel, yLabel);
        }
        return this;
    }

    /** The current theme. */
    public Theme theme() {
        return theme;
    }

    /** Sets the title (any Unicode text; CJK needs a CJK font installed); returns this chart. */
    public Chart title(String newTitle) {
        title = newTitle;
        chart.setTitle(newTitle);
        if (newTitle != null) {
            chart.getTitle().setFont(theme.font(java.awt.Font.BOLD, theme.titleSize()));
        }
        return this;
    }

    /**
     * Names the axes, e.g. {@code Plot.lines(steps, w, b).axisLabels("step", "value")}; null keeps
     * an axis's label. The labels stay when the theme changes. On a chart of several panels the
     * shared axis and every panel's other axis get the label.
     *
     * @throws IllegalStateException if the chart shows no axes (a grid of images)
     */
    public Chart axisLabels(String x, String y) {
        List<Axis> xAxes = new ArrayList<>();
        List<Axis> yAxes = new ArrayList<>();
        collectAxes(chart.getPlot(), xAxes, yAxes);
        if (xAxes.isEmpty() && yAxes.isEmpty()) {
            throw new IllegalStateException("axisLabels: this chart shows no axes to label; give it a title"
                    + " instead with .title(\"...\")");
        }
        xLabel = x;
        yLabel = y;
        if (x != null) xAxes.forEach(axis -> axis.setLabel(x));
        if (y != null) yAxes.forEach(axis -> axis.setLabel(y));
        return this;
    }

    /** The visible x and y axes of a plot; combined plots (checked first, as they extend the simple ones) share one. */
    private static void collectAxes(org.jfree.chart.plot.Plot plot, List<Axis> xAxes, List<Axis> yAxes) {
        if (plot instanceof CombinedDomainXYPlot combined) {
            xAxes.add(combined.getDomainAxis());
            for (XYPlot panel : combined.getSubplots()) yAxes.add(panel.getRangeAxis());
        } else if (plot instanceof CombinedRangeXYPlot combined) {
            yAxes.add(combined.getRangeAxis());
            for (XYPlot panel : combined.getSubplots()) xAxes.add(panel.getDomainAxis());
        } else if (plot instanceof CombinedRangeCategoryPlot combined) {
            yAxes.add(combined.getRangeAxis());
            for (Object panel : combined.getSubplots()) xAxes.add(((CategoryPlot) panel).getDomainAxis());
        } else if (plot instanceof XYPlot xy) {
            xAxes.add(xy.getDomainAxis());
            yAxes.add(xy.getRangeAxis());
        } else if (plot instanceof CategoryPlot category) {
            xAxes.add(category.getDomainAxis());
            yAxes.add(category.getRangeAxis());
        }
        xAxes.removeIf(axis -> axis == null || !axis.isVisible());
        yAxes.removeIf(axis -> axis == null || !axis.isVisible());
    }

    /** Sets the size in logical pixels (PNG files get {@link #scale()} times as many); returns this chart. */
    public Chart size(int newWidth, int newHeight) {
        Plot.checkSize(newWidth, newHeight);
        width = newWidth;
        height = newHeight;
        return this;
    }

    /** Sets a slide-shaped size; returns this chart. */
    public Chart size(SlideSize preset) {
        return size(preset.width(), preset.height());
    }

    /**
     * Width in logical pixels: as set with {@link #size}, else {@link Plot#setSize}, else the
     * theme's (640 for notebooks, 960 for slides).
     */
    public int width() {
        return width > 0 ? width : Plot.defaultWidth(theme);
    }

    /** Height in logical pixels (see {@link #width()}): 400 for notebooks, 540 for slides. */
    public int height() {
        return height > 0 ? height : Plot.defaultHeight(theme);
    }

    /**
     * Sets how many image pixels a logical pixel gets in PNG output (default 2, sharp on
     * high-density screens and projectors); returns this chart.
     */
    public Chart scale(double newScale) {
        if (!(newScale > 0 && newScale <= 8)) {
            throw new IllegalArgumentException("PNG scale must be in (0, 8], got " + newScale
                    + "; 1 gives width x height pixels, 2 (the default) twice as many per side.");
        }
        scale = newScale;
        return this;
    }

    /** The PNG pixel density. */
    public double scale() {
        return scale;
    }

    /** Draws the chart into a new image of (width x scale) by (height x scale) pixels. */
    public BufferedImage toImage() {
        Fonts.check(chart);
        int w = (int) Math.round(width() * scale);
        int h = (int) Math.round(height() * scale);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            // A hand-made chart may have no background; PNG has no alpha here, so show it on white.
            g2.setColor(java.awt.Color.WHITE);
            g2.fillRect(0, 0, w, h);
            g2.scale(scale, scale);
            chart.draw(g2, new Rectangle2D.Double(0, 0, width(), height()));
        } finally {
            g2.dispose();
        }
        return image;
    }

    /** The chart as PNG bytes. */
    public byte[] toPng() {
        return PngEncoder.encode(toImage());
    }

    /** The chart as a standalone SVG document (text stays text, so it can be edited). */
    public String toSvg() {
        return svg().getSVGDocument();
    }

    /** The chart as an {@code <svg>} element for embedding in HTML (ids made unique per call). */
    public String toSvgElement() {
        return svg().getSVGElement();
    }

    /** The chart as a one-page PDF, with text drawn as outlines so every script prints correctly. */
    public byte[] toPdf() {
        Fonts.check(chart);
        PDFDocument doc = new PDFDocument();
        doc.setTitle(chart.getTitle() == null ? "chart" : chart.getTitle().getText());
        Page page = doc.createPage(new Rectangle2D.Double(0, 0, width(), height()));
        PDFGraphics2D g2 = page.getGraphics2D();
        // JFreePDF only has the 14 standard PDF fonts, which lack CJK and most non-Latin glyphs.
        g2.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width(), height()));
        return doc.getPDFBytes();
    }

    /**
     * Saves the chart; the extension picks the format: {@code .png}, {@code .svg} or {@code .pdf}.
     * Missing folders are created. The file is written under a temporary name and then moved into
     * place, so a failed export never replaces a good file with a broken one.
     *
     * @return the path written
     */
    public Path save(Path file) {
        Objects.requireNonNull(file, "file");
        String format = formatOf(file);
        byte[] bytes = switch (format) {
            case "png" -> toPng();
            case "svg" -> toSvg().getBytes(StandardCharsets.UTF_8);
            default -> toPdf();
        };
        writeAtomically(file, bytes);
        return file;
    }

    /** Saves the chart to a file named by a string; see {@link #save(Path)}. */
    public Path save(String file) {
        return save(Path.of(file));
    }

    @Override
    public String toString() {
        String t = chart.getTitle() == null ? "" : "\"" + chart.getTitle().getText() + "\", ";
        return "Chart[" + t + width() + "x" + height() + ", " + theme + "]";
    }

    private SVGGraphics2D svg() {
        Fonts.check(chart);
        SVGGraphics2D g2 = new SVGGraphics2D(width(), height());
        g2.setDefsKeyPrefix("nnlab" + SVG_IDS.incrementAndGet() + "_");
        chart.draw(g2, new Rectangle2D.Double(0, 0, width(), height()));
        return g2;
    }

    static String formatOf(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(ext)) {
            throw new IllegalArgumentException("Cannot save a chart as '" + file + "': "
                    + (ext.isEmpty() ? "the name has no extension" : "unknown extension '." + ext + "'")
                    + ". Supported extensions: .png, .svg, .pdf (e.g. chart.save(\"loss.png\")).");
        }
        return ext;
    }

    static void writeAtomically(Path file, byte[] bytes) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            if (Files.isDirectory(target)) {
                throw new IllegalArgumentException("Cannot save to '" + file + "': it is a folder; give a file name"
                        + " such as '" + file.resolve("chart.png") + "'.");
            }
            // A fresh name in the same folder (so the move is a rename); CREATE_NEW keeps the
            // usual file permissions, unlike createTempFile's owner-only ones.
            temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
            Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the chart to '" + file + "': " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The original error matters more than a leftover temporary file.
                }
            }
        }
    }
}
