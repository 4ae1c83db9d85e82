package nnlab.kernel;

import nnlab.display.MimeBundle;

/**
 * The outcome of one cell: its execution number, and either the value of its last expression
 * (rendered through the display hooks; null when the cell ends with a statement or declaration) or
 * the error that ended it.
 *
 * @param executionCount the cell's number, as in {@code In [n]}
 * @param value          the rich rendering of the last expression's value, or null
 * @param error          why the cell failed, or null when it succeeded
 */
public record CellResult(int executionCount, MimeBundle value, CellError error) {

    /** True when the cell ran to the end without an error or interrupt. */
    public boolean ok() {
        return error == null;
    }
}
