package nnlab.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.HashMap;
import java.util.Map;
import nnlab.display.MimeBundle;

/**
 * Builds the saved outputs of a notebook's cells from what the session reports, the way the
 * Jupyter front end would show them: consecutive text on one stream is one output, a display
 * update replaces the displayed bundle in place (in whichever cell it was shown), and a clear with
 * {@code wait} takes effect when the next output arrives.
 */
final class NotebookOutputs implements OutputListener {
    private final Map<String, JsonObject> displays = new HashMap<>();
    private JsonArray current = new JsonArray();
    private boolean clearPending;

    /** Starts collecting the outputs of a new cell into {@code outputs}. */
    void startCell(JsonArray outputs) {
        current = outputs;
        clearPending = false;
    }

    @Override
    public synchronized void stream(String name, String text) {
        beforeOutput();
        if (!current.isEmpty() && current.get(current.size() - 1) instanceof JsonObject last
                && "stream".equals(last.get("output_type").getAsString()) && name.equals(last.get("name").getAsString())) {
            last.add("text", NotebookJson.lines(NotebookJson.text(last.get("text")) + text));
            return;
        }
        JsonObject output = new JsonObject();
        output.addProperty("output_type", "stream");
        output.addProperty("name", name);
        output.add("text", NotebookJson.lines(text));
        current.add(output);
    }

    @Override
    public synchronized void display(String displayId, MimeBundle bundle) {
        beforeOutput();
        JsonObject output = bundleOutput("display_data", bundle);
        if (displayId != null) {
            displays.put(displayId, output);
        }
        current.add(output);
    }

    @Override
    public synchronized void updateDisplay(String displayId, MimeBundle bundle) {
        JsonObject output = displays.get(displayId);
        if (output != null) {
            output.add("data", NotebookJson.mimeData(bundle.data()));
            output.add("metadata", NotebookJson.metadata(bundle.metadata()));
        }
    }

    @Override
    public synchronized void clearOutput(boolean wait) {
        if (wait) {
            clearPending = true;
        } else {
            clear();
        }
    }

    /** Adds the cell's value as an {@code execute_result}. */
    synchronized void result(int executionCount, MimeBundle bundle) {
        beforeOutput();
        JsonObject output = bundleOutput("execute_result", bundle);
        output.addProperty("execution_count", executionCount);
        current.add(output);
    }

    /** Adds an {@code error} output. */
    synchronized void error(CellError error) {
        beforeOutput();
        JsonObject output = new JsonObject();
        output.addProperty("output_type", "error");
        output.addProperty("ename", error.name());
        output.addProperty("evalue", error.message());
        JsonArray traceback = new JsonArray();
        error.traceback().forEach(line -> traceback.add(new JsonPrimitive(line)));
        output.add("traceback", traceback);
        current.add(output);
    }

    private void beforeOutput() {
        if (clearPending) {
            clear();
        }
    }

    private void clear() {
        clearPending = false;
        for (JsonElement output : current) {
            displays.values().remove(output);
        }
        current.asList().clear();
    }

    private static JsonObject bundleOutput(String type, MimeBundle bundle) {
        JsonObject output = new JsonObject();
        output.addProperty("output_type", type);
        output.add("data", NotebookJson.mimeData(bundle.data()));
        output.add("metadata", NotebookJson.metadata(bundle.metadata()));
        return output;
    }
}
