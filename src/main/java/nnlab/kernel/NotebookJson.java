package nnlab.kernel;

import com.google.gson.FormattingStyle;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes Jupyter notebooks (nbformat 4 JSON) the way Jupyter itself saves them: keys
 * sorted, one-space indentation, multi-line strings as lists of lines, non-ASCII text kept as is.
 */
final class NotebookJson {
    private static final Gson GSON = new GsonBuilder()
            .setFormattingStyle(FormattingStyle.PRETTY.withIndent(" "))
            .disableHtmlEscaping()
            .serializeNulls()
            .create();

    private NotebookJson() {}

    /** A notebook file that cannot be run: the message names the file and what is wrong. */
    static final class FormatException extends Exception {
        private static final long serialVersionUID = 1L;

        FormatException(String message) {
            super(message);
        }
    }

    /** Reads a notebook and checks the parts the runner relies on. */
    static JsonObject read(Path file) throws FormatException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new FormatException(file + ": no such file");
        } catch (IOException e) {
            throw new FormatException(file + ": cannot be read (" + e + ")");
        }
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new FormatException(file + ": not valid JSON (" + why + ")");
        }
        if (!parsed.isJsonObject()) {
            throw new FormatException(file + ": expected a JSON object with \"cells\", found " + kind(parsed));
        }
        JsonObject notebook = parsed.getAsJsonObject();
        JsonElement format = notebook.get("nbformat");
        if (format == null || !format.isJsonPrimitive() || format.getAsInt() != 4) {
            throw new FormatException(file + ": expected \"nbformat\": 4, found " + format
                    + " (open and save it in Jupyter to convert it to nbformat 4)");
        }
        if (!(notebook.get("cells") instanceof JsonArray cells)) {
            throw new FormatException(file + ": expected a \"cells\" list, found " + kind(notebook.get("cells")));
        }
        for (int i = 0; i < cells.size(); i++) {
            if (!(cells.get(i) instanceof JsonObject cell) || !cell.has("cell_type") || !cell.has("source")) {
                throw new FormatException(file + ": cell " + (i + 1) + " needs \"cell_type\" and \"source\"");
            }
        }
        return notebook;
    }

    private static String kind(JsonElement e) {
        return e == null ? "nothing" : e.isJsonArray() ? "a list" : e.isJsonObject() ? "an object" : e.toString();
    }

    /** Writes a notebook through a temporary file, so a failure never leaves half a notebook behind. */
    static void write(JsonObject notebook, Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = folder.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.writeString(temporary, GSON.toJson(sorted(notebook)) + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static JsonElement sorted(JsonElement element) {
        if (element.isJsonObject()) {
            Map<String, JsonElement> entries = new TreeMap<>();
            element.getAsJsonObject().entrySet().forEach(e -> entries.put(e.getKey(), sorted(e.getValue())));
            JsonObject copy = new JsonObject();
            entries.forEach(copy::add);
            return copy;
        }
        if (element.isJsonArray()) {
            JsonArray copy = new JsonArray();
            element.getAsJsonArray().forEach(e -> copy.add(sorted(e)));
            return copy;
        }
        return element;
    }

    /** A multi-line string field, stored either as one string or as a list of lines. */
    static String text(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return "";
        }
        if (value.isJsonArray()) {
            StringBuilder joined = new StringBuilder();
            value.getAsJsonArray().forEach(line -> joined.append(line.getAsString()));
            return joined.toString();
        }
        return value.getAsString();
    }

    /** Text as Jupyter stores it: a list of lines, each keeping its newline. */
    static JsonArray lines(String text) {
        JsonArray lines = new JsonArray();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }

    /**
     * A MIME bundle's data as nbformat stores it: text types as lists of lines, JSON types as JSON,
     * binary images as the base64 string they already are.
     */
    static JsonObject mimeData(Map<String, Object> data) {
        JsonObject json = new JsonObject();
        data.forEach((mime, value) -> {
            if (mime.endsWith("json")) {
                json.add(mime, value instanceof String s ? JsonParser.parseString(s) : GSON.toJsonTree(value));
            } else if (mime.startsWith("text/") || mime.equals("image/svg+xml")) {
                json.add(mime, lines(String.valueOf(value)));
            } else {
                json.add(mime, new JsonPrimitive(String.valueOf(value)));
            }
        });
        return json;
    }

    /** A bundle's metadata as JSON. */
    static JsonObject metadata(Map<String, Object> metadata) {
        return GSON.toJsonTree(metadata).getAsJsonObject();
    }
}
