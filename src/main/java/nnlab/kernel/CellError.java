package nnlab.kernel;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Why a cell failed, formatted for a student: a compile error with the cell line, the source line
 * and the span marked; a runtime exception with the stack cut to the notebook's own frames; or an
 * interrupt.
 *
 * @param name      the error's short name ({@code CompileError}, the exception's class name, or
 *                  {@code Interrupted})
 * @param message   the message (javac's, or the exception's)
 * @param traceback the lines to show, with ANSI colours readable on light and dark themes
 */
public record CellError(String name, String message, List<String> traceback) {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");

    public CellError {
        traceback = List.copyOf(traceback);
    }

    /** The traceback as plain text (colours removed), one line per line. */
    public String plainText() {
        return ANSI.matcher(String.join("\n", traceback)).replaceAll("");
    }
}
