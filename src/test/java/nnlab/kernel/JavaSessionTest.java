package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JavaSessionTest {
    static JavaSession session;

    @BeforeAll
    static void start() {
        session = JavaSession.start();
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    static CellResult run(String code, Recorder r) {
        return session.execute(code, r);
    }

    @Test
    void lastExpressionIsTheValue() {
        Recorder r = new Recorder();
        CellResult result = run("int x = 6 * 7;\nx", r);
        assertTrue(result.ok(), () -> result.error().plainText());
        assertEquals("42", result.value().data().get("text/plain"));
    }

    @Test
    void statementsHaveNoValueAndPrintInOrder() {
        Recorder r = new Recorder();
        CellResult result = run("System.out.println(\"a\");\nSystem.err.println(\"b\");\nSystem.out.println(\"c\");", r);
        assertTrue(result.ok());
        assertNull(result.value());
        assertEquals("[stdout:a\n, stderr:b\n, stdout:c\n]", r.events.toString());
    }
}
