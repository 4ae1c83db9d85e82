package nnlab.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.nn.Activation;
import nnlab.nn.Adam;
import nnlab.nn.Dense;
import nnlab.nn.FitOptions;
import nnlab.nn.Progbar;
import nnlab.nn.Sequential;
import nnlab.nn.SparseCategoricalCrossentropy;
import nnlab.nn.Tensor;
import nnlab.plot.Models;
import nnlab.plot.Rendered;
import org.junit.jupiter.api.Test;

class LiveProgressTest {

    /** A sink that keeps the latest bundle per display id, as a notebook front end does. */
    static final class NotebookSink implements DisplaySink {
        final Map<String, MimeBundle> outputs = new LinkedHashMap<>();
        final List<String> events = new ArrayList<>();

        @Override
        public String display(MimeBundle bundle) {
            String id = "d" + outputs.size();
            outputs.put(id, bundle);
            events.add("display " + id);
            return id;
        }

        @Override
        public void update(String displayId, MimeBundle bundle) {
            if (!outputs.containsKey(displayId)) {
                throw new IllegalStateException("update of unknown display " + displayId);
            }
            outputs.put(displayId, bundle);
            events.add("update " + displayId);
        }

        @Override
        public void clearOutput(boolean wait) {
            outputs.clear();
        }
    }

    private static Sequential model() {
        Sequential model = new Sequential("live", new Dense(4, Activation.LINEAR, "out"));
        model.seed(3);
        model.compile(new SparseCategoricalCrossentropy(true), new Adam(0.05));
        return model;
    }

    @Test
    void fitInANotebookLeavesAProgressLineAndAFinalLossChart() {
        Tensor[] data = Models.blobs();
        NotebookSink sink = new NotebookSink();
        Display.install(sink);
        try {
            var history = model().fit(data[0], data[1], new FitOptions().epochs(5).batchSize(10));
            assertEquals(2, sink.outputs.size(), "one progress display and one chart: " + sink.events);
            assertEquals(List.of("display d0", "display d1"),
                    sink.events.stream().filter(e -> e.startsWith("display")).toList());
            String progress = (String) sink.outputs.get("d0").data().get("text/plain");
            assertTrue(progress.startsWith("Epoch 5/5\n10/10 [==============================]"), progress);
            assertTrue(progress.contains("- loss: " + Progbar.formatValue(history.loss().get(4))), progress);
            assertTrue(progress.contains("5 epochs in "), progress);
            assertTrue(((String) sink.outputs.get("d0").data().get("text/html")).startsWith("<pre"));
            MimeBundle chart = sink.outputs.get("d1");
            Rendered.assertPng(Base64.getDecoder().decode((String) chart.data().get("image/png")), 1280, 800);
            assertTrue(sink.events.get(sink.events.size() - 1).equals("update d1"), "the chart is redrawn last");
            assertEquals(history.toString(), chart.data().get("text/plain"), "final chart shows the whole history");
        } finally {
            Display.install(null);
        }
    }

    @Test
    void silentFitShowsNothingAndPlainJavaGetsTextProgress() {
        Tensor[] data = Models.blobs();
        NotebookSink sink = new NotebookSink();
        Display.install(sink);
        try {
            model().fit(data[0], data[1], new FitOptions().epochs(2).verbose(0));
            assertTrue(sink.outputs.isEmpty());
        } finally {
            Display.install(null);
        }
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            model().fit(data[0], data[1], new FitOptions().epochs(2).batchSize(50));
        } finally {
            System.setOut(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Epoch 2/2") && text.contains("2/2 [=============================="), text);
        assertFalse(sink.events.contains("display d0"));
    }
}
