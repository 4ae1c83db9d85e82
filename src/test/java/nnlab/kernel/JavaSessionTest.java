package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JavaSessionTest extends SessionTest {
    @BeforeAll
    static void start() {
        session = JavaSession.start(64 * 1024);
    }

    static String value(CellResult result) {
        return (String) result.value().data().get("text/plain");
    }

    @Test
    void theJitWarmupStartsOnceAndOnlyUsesIdleTime() throws Exception {
        Thread warmup = JavaSession.warmUpJit();
        assertTrue(warmup.isDaemon(), "the warm-up must not keep the kernel's JVM alive");
        try (JavaSession other = JavaSession.start(1024)) {
            assertTrue(JavaSession.warmUpJit() == warmup, "one warm-up per JVM, however many sessions");
        }
        Thread cell = new Thread(() -> ok("System.setProperty(\"nnlab.test.cell\", \"running\");\nThread.sleep(1500);", new Recorder()));
        cell.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.getProperty("nnlab.test.cell") == null && cell.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(cell.isAlive(), "the cell should be running (sleeping) now");
        assertFalse(JavaSession.idle(), "a running cell keeps the warm-up waiting");
        cell.join();
        deadline = System.nanoTime() + 10_000_000_000L;
        while (!JavaSession.idle() && System.nanoTime() < deadline) Thread.sleep(20);
        assertTrue(JavaSession.idle(), "idle again a moment after the cell ended");
        System.clearProperty("nnlab.test.cell");
        JavaSession.stopJitWarmup();
        warmup.join(30_000);
        assertFalse(warmup.isAlive(), "a kernel that shuts down stops the warm-up");
    }

    @Test
    void lastExpressionIsTheValue() {
        assertEquals("42", value(ok("int x = 6 * 7;\nx", new Recorder())));
        assertEquals("hi!", value(ok("\"hi\" + \"!\"", new Recorder())));
    }

    @Test
    void statementsAndDeclarationsHaveNoValue() {
        assertNull(ok("int y = 3;", new Recorder()).value());
        assertNull(ok("System.out.print(\"\");", new Recorder()).value());
        assertNull(ok("void noop() {}", new Recorder()).value());
        Recorder printf = new Recorder();
        assertNull(ok("System.out.printf(\"%d%n\", 7)", printf).value(), "printf's returned stream is not a value");
        assertEquals("7\n", printf.stdout.toString());
    }

    @Test
    void stdoutAndStderrArriveInOrder() {
        Recorder r = new Recorder();
        ok("System.out.println(\"a\");\nSystem.err.println(\"b\");\nSystem.out.println(\"c\");", r);
        assertEquals(List.of("stdout:a\n", "stderr:b\n", "stdout:c\n"), r.events);
    }

    @Test
    void outputIsStreamedWhileTheCellRuns() {
        List<Long> times = new CopyOnWriteArrayList<>();
        Recorder r = new Recorder() {
            @Override
            public synchronized void stream(String name, String text) {
                times.add(System.nanoTime());
                super.stream(name, text);
            }
        };
        ok("System.out.println(\"first\");\nThread.sleep(600);\nSystem.out.println(\"second\");", r);
        long end = System.nanoTime();
        assertEquals("first\nsecond\n", r.stdout.toString());
        assertTrue(end - times.get(0) > 400_000_000L, "the first line must arrive before the sleep ends");
    }

    @Test
    void earlierDefinitionsStayAcrossCells() {
        ok("int square(int v) { return v * v; }\nint base = 5;", new Recorder());
        assertEquals("25", value(ok("square(base)", new Recorder())));
    }

    @Test
    void displayFunctionsReachTheListenerInOrderWithText() {
        Recorder r = new Recorder();
        CellResult result = ok("System.out.println(\"before\");\n"
                + "String id = display(MimeBundle.text(\"one\").with(\"text/html\", \"<b>one</b>\"));\n"
                + "updateDisplay(id, \"two\");\n"
                + "clearOutput(true);\n"
                + "System.out.println(\"after\");", r);
        assertNull(result.value());
        assertEquals(5, r.events.size(), r.events::toString);
        assertEquals("stdout:before\n", r.events.get(0));
        assertTrue(r.events.get(1).startsWith("display:nnlab-") && r.events.get(1).endsWith(":one"));
        String id = r.events.get(1).split(":")[1];
        assertEquals("update:" + id + ":two", r.events.get(2));
        assertEquals("clear:true", r.events.get(3));
        assertEquals("stdout:after\n", r.events.get(4));
        assertEquals("<b>one</b>", r.bundles.get(0).data().get("text/html"));
    }

    @Test
    void displayAsTheLastLineDoesNotRepeatItsId() {
        Recorder r = new Recorder();
        assertNull(ok("display(\"x\")", r).value());
        assertEquals(1, r.bundles.size());
    }

    @Test
    void libraryCodeCanDisplayThroughDisplayClass() {
        Recorder r = new Recorder();
        ok("nnlab.display.Display.display(\"from a library\");", r);
        assertEquals("from a library", r.bundles.get(0).data().get("text/plain"));
    }

    @Test
    void renderReturnsTheBundleAndShowsIt() {
        CellResult result = ok("render(MimeBundle.text(\"t\").with(\"text/html\", \"<i>t</i>\"))", new Recorder());
        assertEquals("<i>t</i>", result.value().data().get("text/html"));
    }

    @Test
    void systemInAsksTheListenerForLines() {
        Recorder r = new Recorder();
        r.inputs.add("Ada");
        r.inputs.add("36");
        CellResult result = ok("Scanner in = new Scanner(System.in);\nString name = in.nextLine();\nint age = in.nextInt();\nname + \" \" + (age + 1)", r);
        assertEquals("Ada 37", value(result));
    }

    @Test
    void compileErrorShowsCellLineColumnSourceAndMessage() {
        CellError e = error("int fine = 1;\nint bad = \"text\";");
        assertEquals("CompileError", e.name());
        assertEquals("incompatible types: java.lang.String cannot be converted to int", e.message());
        List<String> lines = List.of(e.plainText().split("\n"));
        assertTrue(lines.get(0).matches("Compile error in cell \\[\\d+], line 2, column 11:"), lines.get(0));
        assertEquals("    int bad = \"text\";", lines.get(1));
        assertEquals("              ^^^^^^", lines.get(2));
        assertEquals(e.message(), lines.get(3));
    }

    @Test
    void unknownSymbolDropsJShellsWrapperLocation() {
        CellError e = error("int z = undefinedThing + 1;");
        String text = e.plainText();
        assertTrue(text.contains("cannot find symbol"), text);
        assertTrue(text.contains("symbol:   variable undefinedThing"), text);
        assertFalse(text.contains("location: class"), text);
    }

    @Test
    void runtimeErrorIsCutToTheStudentsFramesWithCellLines() {
        ok("int divide(int a, int b) {\n    return a / b;\n}", new Recorder());
        CellError e = error("int q = 1;\n\nint r = divide(q, 0);");
        assertEquals("java.lang.ArithmeticException", e.name());
        assertEquals("/ by zero", e.message());
        List<String> lines = List.of(e.plainText().split("\n"));
        assertEquals("java.lang.ArithmeticException: / by zero", lines.get(0));
        assertTrue(lines.get(1).matches("    at divide \\(cell \\[\\d+], line 2\\)"), lines.get(1));
        assertTrue(lines.get(2).matches("    at cell \\[\\d+], line 3"), lines.get(2));
        assertEquals(3, lines.size(), e.plainText());
    }

    @Test
    void libraryFramesAboveTheStudentsCodeAreKeptAndKernelFramesDropped() {
        CellError e = error("Integer.parseInt(\"twelve\")");
        String text = e.plainText();
        assertTrue(text.startsWith("java.lang.NumberFormatException: For input string: \"twelve\""), text);
        assertTrue(text.contains("at java.base/java.lang.Integer.parseInt"), text);
        assertFalse(text.contains("nnlab.kernel") || text.contains("jdk.jshell") || text.contains("reflect"), text);
    }

    @Test
    void causesAreShown() {
        CellError e = error("throw new RuntimeException(\"outer\", new IllegalStateException(\"inner\"));");
        assertTrue(e.plainText().contains("Caused by: java.lang.IllegalStateException: inner"), e.plainText());
    }

    @Test
    void stackOverflowIsFoldedAndExplained() {
        CellError e = error("int down(int n) { return down(n + 1) + 1; }\ndown(0)");
        assertEquals("java.lang.StackOverflowError", e.name());
        String text = e.plainText();
        assertTrue(text.contains("previous line repeated"), text);
        assertTrue(text.contains("recursion"), text);
        assertTrue(e.traceback().size() < 15, text);
        assertEquals("3", value(ok("1 + 2", new Recorder())));
    }

    @Test
    void outOfMemoryLeavesTheSessionUsable() {
        ok("int keep = 11;", new Recorder());
        CellError e = error("long[] huge = new long[Integer.MAX_VALUE - 8];");
        assertEquals("java.lang.OutOfMemoryError", e.name());
        assertTrue(e.plainText().contains("Earlier variables are kept"), e.plainText());
        assertEquals("11", value(ok("keep", new Recorder())));
    }

    @Test
    void systemExitIsRefused() {
        CellError e = error("System.exit(3);");
        assertTrue(e.message().startsWith("System.exit(3) is disabled in a notebook"), e.message());
        CellError viaRuntime = error("Runtime.getRuntime().halt(1);");
        assertTrue(viaRuntime.message().startsWith("System.exit(1) is disabled"), viaRuntime.message());
    }

    @Test
    void interruptStopsATightLoopAndKeepsVariables() throws Exception {
        ok("int before = 99;", new Recorder());
        Thread stopper = new Thread(() -> {
            sleep(500);
            session.interrupt();
        });
        stopper.start();
        long start = System.nanoTime();
        CellError e = error("while (true) {}\nint after = 1;");
        long millis = (System.nanoTime() - start) / 1_000_000;
        stopper.join();
        assertEquals("Interrupted", e.name());
        assertTrue(millis < 2500, "took " + millis + " ms");
        assertEquals("99", value(ok("before", new Recorder())));
        assertTrue(error("after").message().contains("cannot find symbol"), "code after the loop must not run");
    }

    @Test
    void interruptStopsALoopThatSwallowsExceptions() throws Exception {
        Thread stopper = new Thread(() -> {
            sleep(400);
            session.interrupt();
        });
        stopper.start();
        CellError e = error("while (true) { try { Thread.sleep(10); } catch (Throwable t) { } }");
        stopper.join();
        assertEquals("Interrupted", e.name());
    }

    @Test
    void veryLongOutputIsTruncatedWithANotice() {
        Recorder r = new Recorder();
        ok("for (int i = 0; i < 100_000; i++) System.out.println(\"line \" + i);", r);
        assertTrue(r.stdout.length() <= 64 * 1024, "kept " + r.stdout.length());
        assertTrue(r.stdout.toString().startsWith("line 0\nline 1\n"));
        assertTrue(r.stderr.toString().contains("output truncated"), r.stderr::toString);
    }

    @Test
    void multibyteTextIsNotSplit() {
        Recorder r = new Recorder();
        ok("for (int i = 0; i < 3000; i++) System.out.print(\"稀疏分类\");", r);
        assertEquals("稀疏分类".repeat(3000), r.stdout.toString());
    }

    @Test
    void cellsRunWithoutHistoryTakeNoNumber() {
        int before = session.executionCount();
        int historyBefore = session.history().size();
        CellResult quiet = session.execute("int silentValue = 5;\nsilentValue * 2", new Recorder(), false);
        assertEquals("10", value(quiet));
        assertEquals(before, session.executionCount());
        assertEquals(historyBefore, session.history().size());
        assertEquals(before + 1, ok("silentValue", new Recorder()).executionCount(), "the next stored cell gets the next number");
    }

    @Test
    void historyKeepsEveryCell() {
        int before = session.history().size();
        ok("int h = 1;", new Recorder());
        assertEquals(before + 1, session.history().size());
        assertEquals("int h = 1;", session.history().get(before));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
