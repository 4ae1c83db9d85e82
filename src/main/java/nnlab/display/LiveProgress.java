package nnlab.display;

import java.util.Locale;
import nnlab.nn.Callback;
import nnlab.nn.History;
import nnlab.nn.TrainingInfo;

/**
 * Training feedback in a notebook: a Keras-like progress line updated in place, and below it the
 * loss chart, redrawn in place after each epoch and left as a normal chart when training ends.
 * Redraws are spaced out in time so that short epochs do not spend their time drawing.
 */
final class LiveProgress implements Callback {
    static final long BAR_INTERVAL_NANOS = 100_000_000L;
    static final long CHART_INTERVAL_NANOS = 500_000_000L;
    private static final int WIDTH = 30;

    private final DisplaySink sink;
    private final int verbose;
    private TrainingInfo info;
    private String progressId;
    private String chartId;
    private long trainStart;
    private long epochStart;
    private long lastBar;
    private long lastChart;
    private int epoch;
    private String lastEpochLine = "";

    LiveProgress(DisplaySink sink, int verbose) {
        this.sink = sink;
        this.verbose = verbose;
    }

    @Override
    public void onTrainBegin(TrainingInfo trainingInfo) {
        info = trainingInfo;
        trainStart = System.nanoTime();
        progressId = sink.display(progress("Epoch 1/" + info.epochs(), line(0, 0, Double.NaN)));
    }

    @Override
    public void onEpochBegin(int e) {
        epoch = e;
        epochStart = System.nanoTime();
    }

    @Override
    public void onBatchEnd(int e, int batch, double loss) {
        long now = System.nanoTime();
        if (verbose == 1 && now - lastBar >= BAR_INTERVAL_NANOS) {
            lastBar = now;
            sink.update(progressId, progress(header(), line(batch + 1, now - epochStart, loss)));
        }
    }

    @Override
    public void onEpochEnd(int e, History soFar) {
        long now = System.nanoTime();
        lastEpochLine = line(info.batchesPerEpoch(), now - epochStart, soFar.loss().get(soFar.epochs() - 1))
                + extras(soFar);
        sink.update(progressId, progress(header(), lastEpochLine));
        if (chartId == null || now - lastChart >= CHART_INTERVAL_NANOS) {
            drawChart(soFar);
            lastChart = System.nanoTime();
        }
    }

    @Override
    public void onTrainEnd(History history) {
        double seconds = (System.nanoTime() - trainStart) / 1e9;
        String done = history.epochs() + " epochs in " + String.format(Locale.ROOT, "%.1f s", seconds)
                + history.stopReason().map(r -> "; stopped early: " + r).orElse("");
        sink.update(progressId, progress(header(), lastEpochLine + "\n" + done));
        if (history.epochs() > 0) {
            drawChart(history);
        }
    }

    private void drawChart(History history) {
        MimeBundle chart = DisplayHooks.render(history);
        if (chartId == null) {
            chartId = sink.display(chart);
        } else {
            sink.update(chartId, chart);
        }
    }

    private String header() {
        return "Epoch " + (epoch + 1) + "/" + info.epochs();
    }

    /** Keras' line: {@code 157/157 [======>.......] - 1s 2ms/step - loss: 0.1234}. */
    private String line(int done, long elapsedNanos, double loss) {
        int total = info.batchesPerEpoch();
        String counter = String.format(Locale.ROOT, "%" + String.valueOf(total).length() + "d/%d", done, total);
        StringBuilder s = new StringBuilder(counter).append(" [").append(bar(done, total)).append(']');
        if (done > 0) {
            double seconds = elapsedNanos / 1e9;
            s.append(String.format(Locale.ROOT, " - %.0fs %s/step", seconds, perStep(seconds / done)));
        }
        if (!Double.isNaN(loss)) {
            s.append(" - loss: ").append(value(loss));
        }
        return s.toString();
    }

    private static String extras(History h) {
        StringBuilder s = new StringBuilder();
        for (String key : h.keys()) {
            if (!key.equals("loss")) {
                s.append(" - ").append(key).append(": ").append(value(h.get(key).get(h.epochs() - 1)));
            }
        }
        return s.toString();
    }

    static String bar(int done, int total) {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        if (done >= total) {
            return "=".repeat(WIDTH);
        }
        return "=".repeat(Math.max(0, filled - 1)) + (filled > 0 ? ">" : "") + ".".repeat(WIDTH - filled);
    }

    private static String perStep(double seconds) {
        if (seconds >= 1) {
            return String.format(Locale.ROOT, "%.0fs", seconds);
        }
        if (seconds >= 1e-3) {
            return String.format(Locale.ROOT, "%.0fms", seconds * 1e3);
        }
        return String.format(Locale.ROOT, "%.0fus", seconds * 1e6);
    }

    /** Keras prints {@code %.4f}, or {@code %.4e} for magnitudes up to 1e-3. */
    static String value(Double v) {
        if (v == null) {
            return "nan";
        }
        return String.format(Locale.ROOT, Math.abs(v) > 1e-3 ? "%.4f" : "%.4e", v);
    }

    private static MimeBundle progress(String header, String line) {
        String text = header + "\n" + line;
        return MimeBundle.text(text).with("text/html", "<pre style=\"margin:0\">" + Html.escape(text) + "</pre>");
    }
}
