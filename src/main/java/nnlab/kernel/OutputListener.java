package nnlab.kernel;

import nnlab.display.MimeBundle;

/**
 * Receives what a cell produces while it runs, in order: text written to {@code System.out} and
 * {@code System.err} (streamed in chunks, not held until the end), bundles shown with
 * {@code display(...)}, updates to them, and requests to clear the output. The cell's value and
 * error come back in the {@link CellResult} that {@link JavaSession#execute} returns.
 *
 * <p>Methods may be called from the cell's thread and from the session's output flusher, but never
 * concurrently.
 */
public interface OutputListener {

    /** Text written to a stream; {@code name} is {@code "stdout"} or {@code "stderr"}. */
    void stream(String name, String text);

    /** A new display output with its id (for later {@link #updateDisplay}). */
    void display(String displayId, MimeBundle bundle);

    /** Replaces the output shown earlier under {@code displayId}. */
    void updateDisplay(String displayId, MimeBundle bundle);

    /** Clears the cell's output; with {@code wait}, only when the next output arrives. */
    void clearOutput(boolean wait);

    /**
     * Asks the user for one line of input (a cell reading {@code System.in}); returns null when no
     * input can be given, which the cell sees as end of input. The default gives none.
     */
    default String readLine(String prompt) {
        return null;
    }
}
