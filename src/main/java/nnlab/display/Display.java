package nnlab.display;

import nnlab.nn.Sequential;

/**
 * Shows values in the current notebook, through the {@link DisplaySink} the kernel installed. In a
 * plain Java program (no sink) the plain-text form is printed to {@code System.out} instead, so
 * the same code runs in both places.
 */
public final class Display {
    private static volatile DisplaySink sink;

    private Display() {}

    /**
     * Installs the sink (the kernel does this once at start-up); null removes it. With a sink,
     * {@code fit} shows a live progress line and loss chart in the notebook; without one it prints
     * Keras' text progress.
     */
    public static void install(DisplaySink newSink) {
        sink = newSink;
        Sequential.setProgressReporter(newSink == null ? null : verbose -> new LiveProgress(newSink, verbose));
    }

    /** True when a notebook front end is listening (inside the kernel). */
    public static boolean inNotebook() {
        return sink != null;
    }

    /** Shows a value, optionally only in the given MIME types, and returns its display id (null outside a notebook). */
    public static String display(Object value, String... mimeTypes) {
        MimeBundle bundle = DisplayHooks.render(value, mimeTypes);
        DisplaySink current = sink;
        if (current == null) {
            System.out.println(bundle.data().get("text/plain"));
            return null;
        }
        return current.display(bundle);
    }

    /** Replaces an earlier output, given the id that {@link #display} returned. */
    public static void update(String displayId, Object value) {
        DisplaySink current = sink;
        if (current != null && displayId != null) {
            current.update(displayId, DisplayHooks.render(value));
        }
    }

    /** Clears the current cell's output. */
    public static void clearOutput(boolean wait) {
        DisplaySink current = sink;
        if (current != null) {
            current.clearOutput(wait);
        }
    }
}
