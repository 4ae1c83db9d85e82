package nnlab.display;

import java.util.Locale;
import java.util.Map;
import nnlab.nn.Callback;
import nnlab.nn.History;
import nnlab.nn.Progbar;
import nnlab.nn.TrainingInfo;

/**
 * Training feedback in a notebook: a Keras-like progress line updated in place, and below it the
 * loss chart, redrawn in place after each epoch and left as a normal chart when training ends.
 * Redraws are spaced out in time so that short epochs do not spend their time drawing.
 */
final class LiveProgress implements Callback {
    static final long BAR_INTERVAL_NANOS = 100_000_000L;
    static final long CHART_INTERVAL_NANOS = 500_000_000L;

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
        progressId = sink.display(progress("Epoch 1/" + info.epochs(), line(0, 0, Map.of())));
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
            sink.update(progressId, progress(header(), line(batch + 1, now - epochStart, Map.of("loss", loss))));
        }
    }

    @Override
    public void onEpochEnd(int e, History soFar) {
        long now = System.nanoTime();
        lastEpochLine = line(info.batchesPerEpoch(), now - epochStart, Progbar.latest(soFar));
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

    private String line(int done, long elapsedNanos, Map<String, Double> values) {
        return Progbar.statusLine(done, info.batchesPerEpoch(), elapsedNanos / 1e9, values);
    }

    private static MimeBundle progress(String header, String line) {
        String text = header + "\n" + line;
        return MimeBundle.text(text).with("text/html", "<pre style=\"margin:0\">" + Html.escape(text) + "</pre>");
    }
}
