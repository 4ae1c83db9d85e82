package nnlab.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs notebooks without Jupyter or Python: {@code java -jar nnlab.jar run notebooks/*.ipynb}.
 * Each notebook gets a fresh {@link JavaSession}; its code cells run in order, and the executed
 * notebook (nbformat 4, outputs filled in as Jupyter would save them) is written next to it as
 * {@code NAME.executed.ipynb}, into {@code --out}, or over the original with {@code --inplace}.
 * {@code --figures DIR} saves every figure as {@code DIR/NAME-cellNN.png} (charts also as
 * {@code .svg} and {@code .pdf}). A failing cell is reported with the notebook, the cell number
 * and the error, the rest of that notebook is skipped, and the exit status is 1.
 */
public final class NotebookRunner {
    static final String USAGE = """
            Usage: java -jar nnlab.jar run [options] NOTEBOOK.ipynb...
              Runs each notebook's code cells in a fresh Java session (no Jupyter needed) and
              writes the executed notebook.
            Options:
              --out DIR        write executed notebooks into DIR (default: NAME.executed.ipynb
                               next to each notebook)
              --inplace        overwrite each notebook with its executed version
              --figures DIR    save every figure as DIR/NAME-cellNN.png (charts also .svg, .pdf)
              --timeout SEC    stop a cell that runs longer than SEC seconds (default: no limit)
            Exit status: 0 when every cell ran, 1 when a cell failed or a file could not be
            read or written, 2 for a usage error.""";

    private final PrintStream out;
    private Path outFolder;
    private Path figureFolder;
    private boolean inPlace;
    private long timeoutSeconds;
    private final List<Path> notebooks = new ArrayList<>();

    private NotebookRunner(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs the {@code run} subcommand with its arguments (everything after {@code run}) and returns
     * the exit status; reports go to {@code out}.
     */
    public static int run(List<String> args, PrintStream out) {
        if (args.contains("-h") || args.contains("--help")) {
            out.println(USAGE);
            return 0;
        }
        NotebookRunner runner = new NotebookRunner(out);
        String problem = runner.parse(args);
        if (problem != null) {
            out.println("nnlab run: " + problem);
            out.println(USAGE);
            return 2;
        }
        return runner.runAll();
    }

    /** Reads the options; returns what is wrong with them, or null. */
    private String parse(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--out", "--figures", "--timeout" -> {
                    if (i + 1 >= args.size()) {
                        return arg + " needs a value";
                    }
                    String value = args.get(++i);
                    if (arg.equals("--out")) {
                        outFolder = Path.of(value);
                    } else if (arg.equals("--figures")) {
                        figureFolder = Path.of(value);
                    } else {
                        try {
                            timeoutSeconds = Long.parseLong(value);
                        } catch (NumberFormatException e) {
                            timeoutSeconds = -1;
                        }
                        if (timeoutSeconds <= 0) {
                            return "--timeout needs a whole number of seconds > 0, got `" + value + "`";
                        }
                    }
                }
                case "--inplace" -> inPlace = true;
                default -> {
                    if (arg.startsWith("-")) {
                        return "unknown option " + arg;
                    }
                    notebooks.add(Path.of(arg));
                }
            }
        }
        if (notebooks.isEmpty()) {
            return "no notebooks given";
        }
        if (inPlace && outFolder != null) {
            return "--inplace and --out exclude each other: either overwrite the notebooks or write copies";
        }
        return null;
    }

    private int runAll() {
        FigureExport figures = figureFolder == null ? null : new FigureExport(figureFolder);
        long start = System.nanoTime();
        int failed = 0;
        for (int i = 0; i < notebooks.size(); i++) {
            out.printf("[%d/%d] %s%n", i + 1, notebooks.size(), notebooks.get(i));
            if (!runOne(notebooks.get(i), figures)) {
                failed++;
            }
        }
        out.printf("%d notebook%s run in %.1f s%s%n", notebooks.size(), notebooks.size() == 1 ? "" : "s",
                (System.nanoTime() - start) / 1e9, failed == 0 ? ", all cells succeeded" : ", " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    /** Where the executed copy of a notebook goes. */
    private Path target(Path notebook) {
        if (inPlace) {
            return notebook;
        }
        String name = notebook.getFileName().toString();
        if (outFolder != null) {
            return outFolder.resolve(name);
        }
        String stem = name.endsWith(".ipynb") ? name.substring(0, name.length() - ".ipynb".length()) : name;
        return notebook.resolveSibling(stem + ".executed.ipynb");
    }

    private boolean runOne(Path file, FigureExport figures) {
        JsonObject notebook;
        try {
            notebook = NotebookJson.read(file);
        } catch (NotebookJson.FormatException e) {
            out.println("  error: " + e.getMessage());
            return false;
        }
        Path target = target(file);
        if (!inPlace && sameFile(file, target)) {
            out.println("  error: the executed notebook would overwrite " + file
                    + "; choose another --out folder, or pass --inplace to overwrite it on purpose");
            return false;
        }
        String stem = file.getFileName().toString().replaceFirst("\\.ipynb$", "");
        JsonArray cells = notebook.getAsJsonArray("cells");
        for (JsonElement cell : cells) {
            if (isCode(cell)) {
                cell.getAsJsonObject().add("outputs", new JsonArray());
                cell.getAsJsonObject().add("execution_count", JsonNull.INSTANCE);
            }
        }
        long start = System.nanoTime();
        int figureCount = 0;
        String failure = null;
        NotebookOutputs outputs = new NotebookOutputs();
        try (JavaSession session = JavaSession.start();
             Watchdog watchdog = new Watchdog(session, timeoutSeconds)) {
            for (int c = 0; c < cells.size() && failure == null; c++) {
                if (!isCode(cells.get(c))) {
                    continue;
                }
                JsonObject cell = cells.get(c).getAsJsonObject();
                JsonArray cellOutputs = cell.getAsJsonArray("outputs");
                outputs.startCell(cellOutputs);
                if (figures != null) {
                    figures.startCell();
                }
                watchdog.arm();
                CellResult result = session.execute(NotebookJson.text(cell.get("source")), outputs);
                boolean timedOut = watchdog.disarm();
                cell.addProperty("execution_count", result.executionCount());
                if (result.value() != null) {
                    outputs.result(result.executionCount(), result.value());
                }
                if (!result.ok()) {
                    outputs.error(result.error());
                    CellError error = result.error();
                    String details = error.traceback().isEmpty() ? error.name() + ": " + error.message()
                            : error.plainText();
                    failure = String.format("cell %d (In [%d]) failed%s%n%s", c + 1, result.executionCount(),
                            timedOut ? " (it ran longer than --timeout " + timeoutSeconds + " s and was stopped)" : "",
                            indent(details));
                }
                if (figures != null) {
                    figureCount += figures.export(stem, c + 1, cellOutputs).size();
                }
            }
        } catch (IOException | RuntimeException e) {
            failure = "could not run: " + e;
        }
        try {
            NotebookJson.write(notebook, target);
        } catch (IOException e) {
            out.println("  error: could not write " + target + ": " + e);
            return false;
        }
        if (failure != null) {
            out.println("  error in " + file + ": " + failure);
            out.println("  the notebook as far as it ran: " + target);
            return false;
        }
        out.printf("  %d cells in %.1f s%s -> %s%n", cells.size(), (System.nanoTime() - start) / 1e9,
                figures == null ? "" : ", " + figureCount + " figure files in " + figureFolder, target);
        return true;
    }

    private static boolean isCode(JsonElement cell) {
        return "code".equals(cell.getAsJsonObject().get("cell_type").getAsString());
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static String indent(String text) {
        return text.isBlank() ? "" : "    " + text.strip().replace("\n", "\n    ");
    }

    /** Interrupts the running cell when it exceeds the timeout. */
    private static final class Watchdog implements AutoCloseable {
        private final JavaSession session;
        private final long seconds;
        private final ScheduledExecutorService timer;
        private final AtomicBoolean fired = new AtomicBoolean();
        private ScheduledFuture<?> pending;

        Watchdog(JavaSession session, long seconds) {
            this.session = session;
            this.seconds = seconds;
            this.timer = seconds > 0 ? Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "notebook-timeout");
                t.setDaemon(true);
                return t;
            }) : null;
        }

        void arm() {
            fired.set(false);
            if (timer != null) {
                pending = timer.schedule(() -> {
                    fired.set(true);
                    session.interrupt();
                }, seconds, TimeUnit.SECONDS);
            }
        }

        /** Cancels the pending interrupt; true when it had already fired. */
        boolean disarm() {
            if (pending != null) {
                pending.cancel(false);
            }
            return fired.get();
        }

        @Override
        public void close() {
            if (timer != null) {
                timer.shutdownNow();
            }
        }
    }
}
