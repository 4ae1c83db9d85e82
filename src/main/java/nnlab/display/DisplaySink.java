package nnlab.display;

/**
 * Where displayed bundles go. The Jupyter kernel installs one with {@link Display#install}; a plain
 * Java program has none, and {@link Display} then falls back to printing the plain text.
 */
public interface DisplaySink {

    /** Shows a new output and returns its display id, so it can be updated in place later. */
    String display(MimeBundle bundle);

    /** Replaces the output that {@link #display} returned {@code displayId} for. */
    void update(String displayId, MimeBundle bundle);

    /** Clears the cell's output; with {@code wait}, only once new output arrives (no flicker). */
    void clearOutput(boolean wait);
}
