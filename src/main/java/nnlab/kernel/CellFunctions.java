package nnlab.kernel;

import nnlab.display.Display;
import nnlab.display.DisplayHooks;
import nnlab.display.MimeBundle;

/**
 * The functions every notebook cell can call without a prefix (the start-up script imports them
 * statically), with IJava's names.
 */
public final class CellFunctions {
    private CellFunctions() {}

    /**
     * Shows a value below the cell now (not only as the cell's result), optionally only in the given
     * MIME types, e.g. {@code display(chart, "image/svg+xml")}.
     *
     * @return the display id, for {@link #updateDisplay}
     */
    public static String display(Object value, String... mimeTypes) {
        return Display.display(value, mimeTypes);
    }

    /** Replaces what an earlier {@link #display} showed (a live progress view, say). */
    public static void updateDisplay(String displayId, Object value) {
        Display.update(displayId, value);
    }

    /** The MIME bundle a value displays as; as a cell's last expression it shows exactly that. */
    public static MimeBundle render(Object value, String... mimeTypes) {
        return DisplayHooks.render(value, mimeTypes);
    }

    /** Clears this cell's output so far. */
    public static void clearOutput() {
        Display.clearOutput(false);
    }

    /** Clears this cell's output; with {@code wait}, only when new output arrives (no flicker in animations). */
    public static void clearOutput(boolean wait) {
        Display.clearOutput(wait);
    }
}
