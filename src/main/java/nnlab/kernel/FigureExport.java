package nnlab.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import nnlab.display.ChartHook;
import nnlab.display.DisplayHook;
import nnlab.display.DisplayHooks;
import nnlab.display.HistoryHook;
import nnlab.display.JFreeChartHook;
import nnlab.display.MimeBundle;
import nnlab.nn.History;
import nnlab.plot.Chart;
import nnlab.plot.Plot;
import org.jfree.chart.JFreeChart;

/**
 * Saves the figures a cell left in its outputs into a folder, for slides. A chart is saved as
 * PNG, SVG and PDF from the chart itself (vector formats stay sharp at any size); any other image
 * (a picture of a tensor, a BufferedImage) is saved in the formats its output holds.
 *
 * <p>To get from an output back to its chart, the export registers display hooks for charts and
 * training histories that render as usual and remember which chart produced which PNG. Only what is left in a cell's
 * outputs is exported: the intermediate frames of a live training chart are not.
 */
final class FigureExport {
    private final Path folder;
    private final Map<String, Chart> chartsByPng = new HashMap<>();

    FigureExport(Path folder) {
        this.folder = folder;
        ChartHook charts = new ChartHook();
        JFreeChartHook jfreeCharts = new JFreeChartHook();
        DisplayHooks.register(new Recording<>(Chart.class, (chart, requested) ->
                remember(chart, charts.render(chart, requested))));
        DisplayHooks.register(new Recording<>(JFreeChart.class, (chart, requested) ->
                remember(Chart.of(chart), jfreeCharts.render(chart, requested))));
        HistoryHook histories = new HistoryHook();
        DisplayHooks.register(new Recording<>(History.class, (history, requested) ->
                remember(Plot.loss(history), histories.render(history, requested))));
    }

    private synchronized MimeBundle remember(Chart chart, MimeBundle bundle) {
        Object png = bundle.data().get("image/png");
        if (png != null) {
            chartsByPng.put(png.toString(), chart);
        }
        return bundle;
    }

    /** Forgets the charts of earlier cells. */
    synchronized void startCell() {
        chartsByPng.clear();
    }

    /**
     * Writes the figures among one cell's outputs as {@code <notebook>-cell<NN>[-<k>].<ext>} and
     * returns the files written.
     */
    synchronized List<Path> export(String notebook, int cellNumber, Iterable<JsonElement> outputs) throws IOException {
        List<JsonObject> figures = new ArrayList<>();
        for (JsonElement output : outputs) {
            JsonObject data = output.getAsJsonObject().getAsJsonObject("data");
            if (data != null && (data.has("image/png") || data.has("image/svg+xml") || data.has("application/pdf"))) {
                figures.add(data);
            }
        }
        List<Path> written = new ArrayList<>();
        Files.createDirectories(folder);
        for (int k = 0; k < figures.size(); k++) {
            JsonObject data = figures.get(k);
            String base = String.format("%s-cell%02d%s", notebook, cellNumber, figures.size() > 1 ? "-" + (k + 1) : "");
            Chart chart = data.has("image/png") ? chartsByPng.get(NotebookJson.text(data.get("image/png"))) : null;
            if (chart != null) {
                for (String format : Chart.FORMATS) {
                    written.add(chart.save(folder.resolve(base + "." + format)));
                }
                continue;
            }
            if (data.has("image/png")) {
                written.add(write(base + ".png", Base64.getMimeDecoder().decode(NotebookJson.text(data.get("image/png")))));
            }
            if (data.has("image/svg+xml")) {
                written.add(write(base + ".svg", NotebookJson.text(data.get("image/svg+xml")).getBytes(StandardCharsets.UTF_8)));
            }
            if (data.has("application/pdf")) {
                written.add(write(base + ".pdf", Base64.getMimeDecoder().decode(NotebookJson.text(data.get("application/pdf")))));
            }
        }
        return written;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = folder.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    /** Renders values of one type and passes each bundle by the export on its way out. */
    private record Recording<T>(Class<T> type, BiFunction<T, Set<String>, MimeBundle> renderer)
            implements DisplayHook<T> {
        @Override
        public MimeBundle render(T value, Set<String> requested) {
            return renderer.apply(value, requested);
        }
    }
}
