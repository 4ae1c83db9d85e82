package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless runner: real notebooks through a real {@link JavaSession}, files checked afterwards. */
class NotebookRunnerTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream report = new ByteArrayOutputStream();

    private int run(String... args) {
        return NotebookRunner.run(List.of(args), new PrintStream(report, true, StandardCharsets.UTF_8));
    }

    private String report() {
        return report.toString(StandardCharsets.UTF_8);
    }

    /** A notebook with a markdown cell first, then the given code cells. */
    private Path notebook(String name, String... code) throws IOException {
        JsonArray cells = new JsonArray();
        JsonObject markdown = new JsonObject();
        markdown.addProperty("cell_type", "markdown");
        markdown.add("metadata", new JsonObject());
        markdown.addProperty("source", "# " + name);
        cells.add(markdown);
        for (String source : code) {
            JsonObject cell = new JsonObject();
            cell.addProperty("cell_type", "code");
            cell.add("metadata", new JsonObject());
            cell.add("source", NotebookJson.lines(source));
            cell.add("outputs", new JsonArray());
            cell.add("execution_count", null);
            cells.add(cell);
        }
        JsonObject nb = new JsonObject();
        nb.add("cells", cells);
        nb.add("metadata", new JsonObject());
        nb.addProperty("nbformat", 4);
        nb.addProperty("nbformat_minor", 5);
        Path file = dir.resolve(name + ".ipynb");
        Files.writeString(file, nb.toString());
        return file;
    }

    private static JsonArray cells(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject().getAsJsonArray("cells");
    }

    private static JsonArray outputs(JsonArray cells, int index) {
        return cells.get(index).getAsJsonObject().getAsJsonArray("outputs");
    }

    @Test
    void withoutTheFlagTheRunnerRestartsItselfWithTheVectorModule() throws Exception {
        Path nb = notebook("flag", "ModuleLayer.boot().findModule(\"jdk.incubator.vector\").isPresent()");
        // As `java -jar nnlab.jar run` starts: no --add-modules.
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", nb.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        JsonObject result = outputs(cells(dir.resolve("flag.executed.ipynb")), 1).get(0).getAsJsonObject();
        assertEquals("true", NotebookJson.text(result.getAsJsonObject("data").get("text/plain")),
                "the notebook should have run with the Vector API; runner output:\n" + out);
    }

    @Test
    void executesCellsInOrderAndSavesOutputsLikeJupyter() throws IOException {
        Path nb = notebook("basics",
                "int n = 6;\nSystem.out.println(\"a\");\nSystem.out.println(\"b\");",
                "n * 7",
                "String id = display(\"step 0\");\nupdateDisplay(id, \"step 1\");",
                "System.err.println(\"careful\");");
        String original = Files.readString(nb);
        assertEquals(0, run(nb.toString()), report());

        assertEquals(original, Files.readString(nb), "the original notebook is never overwritten");
        Path executed = dir.resolve("basics.executed.ipynb");
        JsonArray cells = cells(executed);
        JsonObject stream = outputs(cells, 1).get(0).getAsJsonObject();
        assertEquals("stream", stream.get("output_type").getAsString());
        assertEquals("a\nb\n", NotebookJson.text(stream.get("text")), "consecutive prints form one output");
        assertEquals(1, cells.get(1).getAsJsonObject().get("execution_count").getAsInt());
        JsonObject result = outputs(cells, 2).get(0).getAsJsonObject();
        assertEquals("execute_result", result.get("output_type").getAsString());
        assertEquals("42", NotebookJson.text(result.getAsJsonObject("data").get("text/plain")));
        assertEquals(2, result.get("execution_count").getAsInt());
        JsonArray updated = outputs(cells, 3);
        assertEquals(1, updated.size());
        assertEquals("step 1", NotebookJson.text(updated.get(0).getAsJsonObject().getAsJsonObject("data").get("text/plain")));
        assertEquals("stderr", outputs(cells, 4).get(0).getAsJsonObject().get("name").getAsString());
        assertTrue(report().contains("5 cells in"), report());
    }

    @Test
    void failingCellIsReportedWithNotebookCellAndMessageAndStopsTheNotebook() throws IOException {
        Path nb = notebook("broken", "int ok = 1;", "int[] a = new int[2];\na[5] = 1;", "System.out.println(\"after\");");
        Path out = dir.resolve("out");
        assertEquals(1, run("--out", out.toString(), nb.toString()));
        String report = report();
        assertTrue(report.contains("error in " + nb + ": cell 3 (In [2]) failed"), report);
        assertTrue(report.contains("ArrayIndexOutOfBoundsException: Index 5 out of bounds for length 2"), report);
        assertTrue(report.contains("1 failed"), report);
        JsonArray cells = cells(out.resolve("broken.ipynb"));
        JsonObject error = outputs(cells, 2).get(0).getAsJsonObject();
        assertEquals("error", error.get("output_type").getAsString());
        assertTrue(error.get("ename").getAsString().contains("ArrayIndexOutOfBoundsException"));
        assertEquals(0, outputs(cells, 3).size(), "cells after the failure do not run");
        assertTrue(cells.get(3).getAsJsonObject().get("execution_count").isJsonNull());
    }

    @Test
    void otherNotebooksStillRunAfterOneFails() throws IOException {
        Path bad = notebook("first", "throw new IllegalStateException(\"boom\");");
        Path good = notebook("second", "1 + 1");
        assertEquals(1, run(bad.toString(), good.toString()));
        assertTrue(Files.exists(dir.resolve("second.executed.ipynb")));
        assertTrue(report().contains("2 notebooks run in"), report());
    }

    @Test
    void figuresAreExportedAsPngSvgAndPdfNamedAfterNotebookAndCell() throws IOException {
        Path nb = notebook("charts",
                "int x = 1;",
                "Plot.function(\"sin\", Math::sin, 0, 6)",
                "display(Plot.line(new double[] {1, 2, 3}));\ndisplay(Plot.line(new double[] {3, 1, 2}));");
        Path figures = dir.resolve("figures");
        assertEquals(0, run("--figures", figures.toString(), "--out", dir.resolve("out").toString(), nb.toString()), report());
        List<String> names = new ArrayList<>();
        try (var files = Files.list(figures)) {
            files.forEach(f -> names.add(f.getFileName().toString()));
        }
        names.sort(null);
        assertEquals(List.of("charts-cell03.pdf", "charts-cell03.png", "charts-cell03.svg",
                "charts-cell04-1.pdf", "charts-cell04-1.png", "charts-cell04-1.svg",
                "charts-cell04-2.pdf", "charts-cell04-2.png", "charts-cell04-2.svg"), names);
        BufferedImage png = ImageIO.read(figures.resolve("charts-cell03.png").toFile());
        assertTrue(png.getWidth() > 100 && png.getHeight() > 100);
        assertTrue(Files.readString(figures.resolve("charts-cell03.svg")).contains("<svg"));
        byte[] pdf = Files.readAllBytes(figures.resolve("charts-cell03.pdf"));
        assertArrayEquals("%PDF".getBytes(StandardCharsets.US_ASCII), java.util.Arrays.copyOf(pdf, 4));
    }

    @Test
    void trainingChartsAreExportedAsVectorsToo() throws IOException {
        Path nb = notebook("training",
                "Sequential m = new Sequential(new Dense(1, Activation.LINEAR));\n"
                        + "m.compile(new MeanSquaredError(), new SGD(0.1));\n"
                        + "m.fit(Tensor.of(new float[][] {{1}, {2}}), Tensor.of(new float[][] {{2}, {4}}), 3)");
        Path figures = dir.resolve("figures");
        assertEquals(0, run("--figures", figures.toString(), nb.toString()), report());
        for (String format : List.of("png", "svg", "pdf")) {
            assertTrue(Files.size(figures.resolve("training-cell02-1." + format)) > 0, "the live loss chart as " + format);
            assertTrue(Files.size(figures.resolve("training-cell02-2." + format)) > 0, "the History value as " + format);
        }
    }

    @Test
    void imagesThatAreNotChartsAreExportedFromTheirOutput() throws IOException {
        Path nb = notebook("picture", "new java.awt.image.BufferedImage(30, 20, java.awt.image.BufferedImage.TYPE_INT_RGB)");
        Path figures = dir.resolve("figures");
        assertEquals(0, run("--figures", figures.toString(), nb.toString()), report());
        BufferedImage png = ImageIO.read(figures.resolve("picture-cell02.png").toFile());
        assertTrue(png.getWidth() >= 30, "width " + png.getWidth());
    }

    @Test
    void theNotebookIsReplacedOnlyWithInplace() throws IOException {
        Path nb = notebook("inplace", "40 + 2");
        String original = Files.readString(nb);
        assertEquals(1, run("--out", dir.toString(), nb.toString()));
        assertTrue(report().contains("would overwrite " + nb), report());
        assertEquals(original, Files.readString(nb));
        assertEquals(0, run("--inplace", nb.toString()), report());
        assertEquals("42", NotebookJson.text(outputs(cells(nb), 1).get(0).getAsJsonObject()
                .getAsJsonObject("data").get("text/plain")));
    }

    @Test
    void clearOutputWithWaitTakesEffectAtTheNextOutput() throws IOException {
        Path nb = notebook("clearing",
                "System.out.println(\"old\");\nclearOutput(true);\nSystem.out.println(\"new\");",
                "System.out.println(\"gone\");\nclearOutput(false);");
        assertEquals(0, run(nb.toString()), report());
        JsonArray cells = cells(dir.resolve("clearing.executed.ipynb"));
        assertEquals(1, outputs(cells, 1).size());
        assertEquals("new\n", NotebookJson.text(outputs(cells, 1).get(0).getAsJsonObject().get("text")));
        assertEquals(0, outputs(cells, 2).size());
    }

    @Test
    void unreadableNotebooksAreReportedWithTheReason() throws IOException {
        Path notJson = dir.resolve("bad.ipynb");
        Files.writeString(notJson, "{\"cells\": [");
        Path old = dir.resolve("old.ipynb");
        Files.writeString(old, "{\"nbformat\": 3, \"worksheets\": []}");
        Path missing = dir.resolve("missing.ipynb");
        assertEquals(1, run(notJson.toString(), old.toString(), missing.toString()));
        String report = report();
        assertTrue(report.contains(notJson + ": not valid JSON"), report);
        assertTrue(report.contains(old + ": expected \"nbformat\": 4, found 3"), report);
        assertTrue(report.contains(missing + ": no such file"), report);
        assertFalse(Files.exists(dir.resolve("bad.executed.ipynb")));
    }

    @Test
    void usageErrorsExitWithStatusTwo() {
        assertEquals(2, run());
        assertTrue(report().contains("no notebooks given"), report());
        assertEquals(2, run("--timeout", "soon", "x.ipynb"));
        assertTrue(report().contains("--timeout needs a whole number of seconds > 0, got `soon`"), report());
        assertEquals(2, run("--inplace", "--out", "d", "x.ipynb"));
        assertTrue(report().contains("--inplace and --out exclude each other"), report());
        assertEquals(2, run("--colour", "x.ipynb"));
        assertTrue(report().contains("unknown option --colour"), report());
    }

    @Test
    void timeoutStopsARunawayCell() throws IOException {
        Path nb = notebook("forever", "while (true) { }");
        assertEquals(1, run("--timeout", "2", nb.toString()));
        assertTrue(report().contains("ran longer than --timeout 2 s and was stopped"), report());
    }
}
