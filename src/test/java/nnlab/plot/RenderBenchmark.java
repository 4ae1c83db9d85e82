package nnlab.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import nnlab.nn.Activation;
import nnlab.nn.Adam;
import nnlab.nn.Dense;
import nnlab.nn.FitOptions;
import nnlab.nn.History;
import nnlab.nn.MeanSquaredError;
import nnlab.nn.Sequential;
import nnlab.nn.Tensor;

/**
 * Warm rendering time of an 800 x 500 loss chart to PNG (2x and 1x), SVG and PDF, with drawing
 * alone (no encoding) as the peer each format is compared against. Not a test: run it by hand
 * (command in the README) and read the figures.
 */
public final class RenderBenchmark {
    private static final int WARMUP = 40;
    private static final int RUNS = 60;

    private RenderBenchmark() {}

    public static void main(String[] args) {
        History classification = Models.history(40);
        History regression = regressionHistory(40);
        System.out.printf(Locale.ROOT, "Java %s, %d cores, load average %.1f; %d warm-up + %d timed runs, median and 90th"
                + " percentile; ratios use CPU time%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                WARMUP, RUNS);
        report("loss only (regression)", Plot.loss(regression).size(800, 500));
        report("loss + accuracy panels", Plot.loss(classification).size(800, 500));
    }

    private static void report(String name, Chart chart) {
        System.out.println();
        System.out.println(name + ", 800 x 500:");
        double draw = time("draw only, 2x (peer)", () -> draw(chart));
        double png2 = time("PNG 2x (1600 x 1000 px)", chart::toPng);
        double imageIo = time("PNG 2x via ImageIO (peer)", () -> imageIo(chart.toImage()));
        time("PNG 1x (800 x 500 px)", () -> chart.scale(1).toPng());
        chart.scale(2);
        double svg = time("SVG", chart::toSvg);
        double pdf = time("PDF", chart::toPdf);
        System.out.printf(Locale.ROOT, "  ratios to drawing alone: PNG 2x %.1fx, SVG %.1fx, PDF %.1fx; ImageIO / nnlab PNG"
                + " %.1fx; target PNG 2x <= 50 ms (CPU): %s%n", png2 / draw, svg / draw, pdf / draw, imageIo / png2,
                png2 <= 50 ? "met" : "NOT met");
    }

    private static BufferedImage draw(Chart chart) {
        BufferedImage image = new BufferedImage(1600, 1000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        g2.scale(2, 2);
        chart.jfree().draw(g2, new Rectangle2D.Double(0, 0, 800, 500));
        g2.dispose();
        return image;
    }

    private static byte[] imageIo(BufferedImage image) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Times the work and prints the median wall time and the median CPU time of this thread (the
     * machine is shared, so wall time includes waiting for a core; CPU time does not). Returns the
     * median CPU time in ms.
     */
    private static double time(String label, Supplier<?> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < WARMUP; i++) {
            sink += work.get().hashCode();
        }
        double[] wall = new double[RUNS];
        double[] cpu = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            sink += work.get().hashCode();
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "  %-26s cpu %6.1f ms (p90 %6.1f)   wall %6.1f ms (p90 %6.1f)%s%n", label,
                cpu[RUNS / 2], cpu[RUNS * 9 / 10], wall[RUNS / 2], wall[RUNS * 9 / 10], sink == 42 ? " " : "");
        return cpu[RUNS / 2];
    }

    private static History regressionHistory(int epochs) {
        float[][] x = new float[200][1];
        float[][] y = new float[200][1];
        for (int i = 0; i < 200; i++) {
            x[i][0] = i / 100f;
            y[i][0] = (float) Math.cos(x[i][0] * 3) + 1;
        }
        Sequential model = new Sequential(new Dense(8, Activation.RELU), new Dense(1, Activation.LINEAR));
        model.seed(1);
        model.compile(new MeanSquaredError(), new Adam(0.01));
        return model.fit(Tensor.of(x), Tensor.of(y), new FitOptions().epochs(epochs).verbose(0).validationSplit(0.2));
    }
}
