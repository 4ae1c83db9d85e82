package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Completion, inspection and is-complete, as the notebook editor asks for them. */
class EditorSupportTest extends SessionTest {
    @BeforeAll
    static void start() {
        session = JavaSession.start();
        assertTrue(session.execute("int learningRate = 1;\nint learningSteps = 2;", new Recorder()).ok());
    }

    @Test
    void completesAtTheEndOfASingleLine() {
        JavaSession.Completions c = session.complete("Math.sqr", 8);
        assertEquals(java.util.List.of("sqrt("), c.matches());
        assertEquals(5, c.start());
        assertEquals(8, c.end());
    }

    @Test
    void completesInsideAMultiLineCellWithCellPositions() {
        String code = "int a = 1;\nString s = \"x\";\nint b = learni;\nint c = 3;";
        int cursor = code.indexOf("learni") + "learni".length();
        JavaSession.Completions c = session.complete(code, cursor);
        assertEquals(java.util.Set.of("learningRate", "learningSteps"), java.util.Set.copyOf(c.matches()));
        assertEquals(code.indexOf("learni"), c.start());
        assertEquals(cursor, c.end());
    }

    @Test
    void completesMembersAfterADotOnALaterLine() {
        String code = "%time int x = 1;\nint n = 2;\n\"ada\".toUpperC";
        JavaSession.Completions c = session.complete(code, code.length());
        assertEquals(java.util.List.of("toUpperCase("), c.matches());
        assertEquals(code.length() - "toUpperC".length(), c.start());
    }

    @Test
    void completesMembersOfVariablesDeclaredEarlierInTheSameCellBeforeItRuns() {
        String code = "double stepSize = 0.1;\njava.util.List<String> names = new java.util.ArrayList<>();\nnames.addA";
        JavaSession.Completions members = session.complete(code, code.length());
        assertEquals(java.util.List.of("addAll("), members.matches());
        assertEquals(code.length() - "addA".length(), members.start());
        String inferred = "var text = new StringBuilder();\ntext.appendCod";
        assertEquals(java.util.List.of("appendCodePoint("), session.complete(inferred, inferred.length()).matches());
        String call = "java.util.List<String> names = new java.util.ArrayList<>();\nnames.addAll(other);";
        String doc = session.inspect(call, call.indexOf("addAll") + 3, false);
        assertTrue(doc != null && doc.contains("boolean List<E>.addAll("), String.valueOf(doc));
    }

    @Test
    void completesTheCurrentLineWhenAnEarlierLineDoesNotCompile() {
        String code = "int broken = ;\n\"ada\".toUpperC";
        assertEquals(java.util.List.of("toUpperCase("), session.complete(code, code.length()).matches());
    }

    @Test
    void completesMagicNames() {
        JavaSession.Completions c = session.complete("int a = 1;\n%cla", 15);
        assertEquals(java.util.List.of("%classpath"), c.matches());
        assertEquals(11, c.start());
    }

    @Test
    void inspectShowsSignaturesForTheNameUnderTheCursor() {
        String doc = session.inspect("int m = Math.max(1, 2);", "int m = Math.ma".length(), false);
        assertTrue(doc.contains("int Math.max(int a, int b)"), doc);
        assertNull(session.inspect("   ", 1, false));
    }

    @Test
    void isCompleteTellsRunnableFromUnfinishedAndInvalidCode() {
        assertEquals("complete", session.isComplete("int x = 3;"));
        assertEquals("complete", session.isComplete("x + 1"));
        assertEquals("complete", session.isComplete("%%html\n<b>"));
        assertEquals("    ", session.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals("        ", session.isComplete("void f() {\n    if (true) {"));
        assertEquals("", session.isComplete("int y = 1 +"));
        assertEquals("invalid", session.isComplete("int q = ;"));
    }
}
