package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;

/** Base of the tests that run cells in one shared session (opened by each subclass's @BeforeAll). */
abstract class SessionTest {
    static JavaSession session;

    @AfterAll
    static void closeSession() {
        session.close();
    }

    static CellResult ok(String code, Recorder r) {
        CellResult result = session.execute(code, r);
        assertTrue(result.ok(), () -> "cell failed:\n" + result.error().plainText());
        return result;
    }

    static CellError error(String code) {
        CellResult result = session.execute(code, new Recorder());
        assertFalse(result.ok(), "the cell should have failed");
        return result.error();
    }
}
