package nnlab.nn;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keras' text progress output for {@link Sequential#fit}, the default progress reporter:
 * <pre>
 * Epoch 1/40
 * 157/157 [==============================] - 0s 2ms/step - loss: 1.7094
 * </pre>
 * With verbose 2 there is one line per epoch ({@code 157/157 - 0s - loss: 1.7094 - 310ms/epoch -
 * 2ms/step}). On a terminal the bar moves while the epoch runs; when the output is not a
 * terminal (a file, a notebook) only whole lines are printed, one per epoch.
 */
public final class Progbar implements Callback {
    private static final int WIDTH = 30;
    private static final long UPDATE_INTERVAL_NANOS = 50_000_000L;

    private final int verbose;
    private final PrintStream out;
    private final boolean interactive;
    private TrainingInfo info;
    private long epochStart;
    private long lastUpdate;
    private int lastWidth;

    /**
     * @param verbose     1 for a progress bar, 2 for one line per epoch, 0 for nothing
     * @param out         where to print
     * @param interactive true to redraw the bar in place with {@code \r} (for a terminal)
     */
    public Progbar(int verbose, PrintStream out, boolean interactive) {
        this.verbose = verbose;
        this.out = out;
        this.interactive = interactive;
    }

    /**
     * Prints to {@code out}, redrawing in place only when the JVM runs on a terminal.
     *
     * @param verbose 1 for a progress bar, 2 for one line per epoch, 0 for nothing
     * @param out     where to print
     */
    public Progbar(int verbose, PrintStream out) {
        this(verbose, out, System.console() != null);
    }

    @Override
    public void onTrainBegin(TrainingInfo info) {
        this.info = info;
    }

    @Override
    public void onEpochBegin(int epoch) {
        if (verbose == 0) return;
        out.println("Epoch " + (epoch + 1) + "/" + info.epochs());
        epochStart = System.nanoTime();
        lastUpdate = epochStart;
        lastWidth = 0;
    }

    @Override
    public void onBatchEnd(int epoch, int batch, double loss) {
        long now = System.nanoTime();
        int done = batch + 1;
        if (verbose != 1 || !interactive || done == info.batchesPerEpoch() || now - lastUpdate < UPDATE_INTERVAL_NANOS) {
            return;
        }
        lastUpdate = now;
        double perStep = (now - epochStart) / 1e9 / done;
        int total = info.batchesPerEpoch();
        String line = counter(done, total) + " " + bar(done, total) + " - ETA: " + eta(perStep * (total - done))
                + values(Map.of("loss", loss));
        redraw(line);
        out.flush();
    }

    @Override
    public void onEpochEnd(int epoch, History soFar) {
        if (verbose == 0) return;
        double elapsed = (System.nanoTime() - epochStart) / 1e9;
        int steps = info.batchesPerEpoch();
        Map<String, Double> latest = latest(soFar);
        if (verbose == 1) {
            redraw(statusLine(steps, steps, elapsed, latest));
            out.println();
        } else {
            out.println(counter(steps, steps) + String.format(Locale.ROOT, " - %.0fs", elapsed) + values(latest)
                    + " -" + formatTime(elapsed, "epoch") + " -" + formatTime(elapsed / steps, "step"));
        }
        out.flush();
    }

    @Override
    public void onTrainEnd(History history) {
        // A run stopped mid-epoch leaves a half-drawn bar; end its line.
        if (history.stopReason().isPresent() && verbose == 1 && interactive && lastWidth > 0) out.println();
    }

    /** Writes a line over the previous one on a terminal, or as a new line otherwise. */
    private void redraw(String line) {
        if (interactive) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
        } else {
            out.print(line);
        }
    }

    /**
     * Keras' line for a finished or running epoch:
     * {@code 157/157 [==============================] - 0s 2ms/step - loss: 1.7094}. The time part is
     * left out before the first step.
     *
     * @param done    steps done in this epoch
     * @param total   steps per epoch
     * @param seconds time spent in this epoch so far
     * @param values  the values to show, in order (e.g. {@code loss}, {@code accuracy})
     */
    public static String statusLine(int done, int total, double seconds, Map<String, Double> values) {
        String time = done > 0 ? String.format(Locale.ROOT, " - %.0fs", seconds) + formatTime(seconds / done, "step") : "";
        return counter(done, total) + " " + bar(done, total) + time + values(values);
    }

    /** The last value of every metric in a history, in the history's order. */
    public static Map<String, Double> latest(History history) {
        Map<String, Double> latest = new LinkedHashMap<>();
        for (String key : history.keys()) {
            List<Double> v = history.get(key);
            latest.put(key, v.get(v.size() - 1));
        }
        return latest;
    }

    private static String values(Map<String, Double> values) {
        StringBuilder sb = new StringBuilder();
        values.forEach((key, v) -> sb.append(" - ").append(key).append(": ").append(formatValue(v)));
        return sb.toString();
    }

    private static String counter(int done, int total) {
        String digits = Integer.toString(total);
        return String.format(Locale.ROOT, "%" + digits.length() + "d/%s", done, digits);
    }

    private static String bar(int done, int total) {
        int filled = (int) (WIDTH * (double) done / total);
        StringBuilder sb = new StringBuilder("[");
        if (filled > 0) sb.append("=".repeat(filled - 1)).append(done < total ? '>' : '=');
        return sb.append(".".repeat(WIDTH - filled)).append(']').toString();
    }

    private static String eta(double seconds) {
        long s = (long) seconds;
        if (s > 3600) return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
        if (s > 60) return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        return s + "s";
    }

    /** Keras' time format: {@code " 2ms/step"}, {@code " 0s/epoch"}, {@code " 310us/step"}. */
    static String formatTime(double seconds, String unit) {
        if (seconds >= 1 || seconds == 0) return String.format(Locale.ROOT, " %.0fs/%s", seconds, unit);
        if (seconds >= 1e-3) return String.format(Locale.ROOT, " %.0fms/%s", seconds * 1e3, unit);
        return String.format(Locale.ROOT, " %.0fus/%s", seconds * 1e6, unit);
    }

    /** Keras' number format: 4 decimals, or scientific notation for magnitudes up to 1e-3. */
    public static String formatValue(double v) {
        return String.format(Locale.ROOT, Math.abs(v) > 1e-3 ? "%.4f" : "%.4e", v);
    }
}
