package nnlab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Turns javac diagnostics and cell exceptions into {@link CellError}s a student can read. Colours
 * are ANSI red (bold for the headline) and cyan, which stay readable on light and dark themes.
 */
final class ErrorFormatter {
    static final String RED = "\u001B[31m";
    static final String BOLD_RED = "\u001B[1;31m";
    static final String CYAN = "\u001B[36m";
    static final String RESET = "\u001B[0m";
    private static final int MAX_FRAMES = 30;
    private static final int MAX_LIBRARY_FRAMES_ON_TOP = 6;

    /** Where a snippet's source came from: "cell [3]" and the line its first character is on. */
    record Origin(String where, int firstLine) {}

    private ErrorFormatter() {}

    /**
     * A compile error.
     *
     * @param text   the whole cell (or file) the snippet came from
     * @param offset where the snippet starts in {@code text}
     * @param where  "cell [3]" or a file name
     */
    static CellError compileError(String text, int offset, String where, List<Diag> errors) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag diag : errors) {
            String message = javacMessage(diag);
            if (first == null) {
                first = message;
            }
            int start = clamp(offset + (int) Math.max(0, diag.getStartPosition()), text.length());
            int end = clamp(offset + (int) Math.max(diag.getStartPosition(), diag.getEndPosition()), text.length());
            int lineStart = text.lastIndexOf('\n', start - 1) + 1;
            int lineEnd = text.indexOf('\n', start);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            int lineNumber = lineNumber(text, start);
            int column = start - lineStart + 1;
            String sourceLine = text.substring(lineStart, lineEnd).replace('\t', ' ');
            int width = Math.max(1, Math.min(end, lineEnd) - start);
            lines.add(BOLD_RED + "Compile error" + RESET + " in " + where + ", line " + lineNumber + ", column " + column + ":");
            lines.add("    " + sourceLine);
            lines.add("    " + " ".repeat(start - lineStart) + RED + "^".repeat(width) + RESET);
            for (String messageLine : message.split("\n")) {
                lines.add(RED + messageLine + RESET);
            }
        }
        return new CellError("CompileError", first == null ? "compile error" : first, lines);
    }

    /** A compile error that javac reported without a usable position. */
    static CellError plainCompileError(String message) {
        return new CellError("CompileError", message, List.of(BOLD_RED + "Compile error: " + RESET + RED + message + RESET));
    }

    /** javac's message, without JShell's meaningless "location: class" line for its wrapper class. */
    static String javacMessage(Diag diag) {
        String message = diag.getMessage(Locale.ENGLISH);
        return message.replaceAll("(?m)^\\s*location: class\\s*$\\n?", "").strip();
    }

    /** A runtime exception, with its stack cut to the notebook's own frames. */
    static CellError runtimeError(JShellException exception, Map<String, Origin> origins) {
        List<String> lines = new ArrayList<>();
        String name = exceptionClass(exception);
        String message = exception.getMessage();
        JShellException current = exception;
        boolean firstInChain = true;
        while (current != null) {
            String headline = exceptionClass(current) + (current.getMessage() == null ? "" : ": " + current.getMessage());
            lines.add((firstInChain ? BOLD_RED : RED + "Caused by: ") + headline + RESET);
            lines.addAll(frames(current.getStackTrace(), origins));
            String hint = hint(current);
            if (hint != null) {
                lines.add(CYAN + hint + RESET);
            }
            firstInChain = false;
            current = current.getCause() instanceof JShellException next ? next : null;
        }
        return new CellError(name, message == null ? "" : message, lines);
    }

    /** A cell stopped by an interrupt. */
    static CellError interrupted() {
        return new CellError("Interrupted", "the cell was stopped",
                List.of(BOLD_RED + "Interrupted:" + RESET + " the cell was stopped. Variables defined before it are kept."));
    }

    private static String exceptionClass(JShellException exception) {
        if (exception instanceof EvalException eval) {
            return eval.getExceptionClassName();
        }
        if (exception instanceof UnresolvedReferenceException unresolved) {
            return "UnresolvedReference (" + unresolved.getSnippet().toString().strip() + ")";
        }
        return exception.getClass().getName();
    }

    private static String hint(JShellException exception) {
        if (exception instanceof EvalException eval) {
            switch (eval.getExceptionClassName()) {
                case "java.lang.StackOverflowError":
                    return "Hint: a method kept calling itself; check that the recursion reaches its base case.";
                case "java.lang.OutOfMemoryError":
                    return String.format("Hint: the cell asked for more memory than the kernel may use (%,d MB)."
                            + " Earlier variables are kept.", Runtime.getRuntime().maxMemory() >> 20);
                default:
                    return null;
            }
        }
        return null;
    }

    /**
     * Frames from the top down to the last notebook frame; JShell, reflection and kernel frames
     * are dropped, repeated frames (deep recursion) are folded.
     */
    static List<String> frames(StackTraceElement[] stack, Map<String, Origin> origins) {
        int lastNotebook = -1;
        int firstNotebook = -1;
        for (int i = 0; i < stack.length; i++) {
            if (isNotebookFrame(stack[i])) {
                lastNotebook = i;
                if (firstNotebook < 0) {
                    firstNotebook = i;
                }
            }
        }
        int end = lastNotebook >= 0 ? lastNotebook + 1 : Math.min(stack.length, MAX_LIBRARY_FRAMES_ON_TOP);
        int start = firstNotebook > MAX_LIBRARY_FRAMES_ON_TOP ? firstNotebook - MAX_LIBRARY_FRAMES_ON_TOP : 0;
        List<String> lines = new ArrayList<>();
        if (start > 0) {
            lines.add("    ... " + start + " frames inside library code");
        }
        String previous = null;
        int repeats = 0;
        int shown = 0;
        for (int i = start; i < end; i++) {
            StackTraceElement frame = stack[i];
            if (isInternal(frame)) {
                continue;
            }
            String line = "    at " + describe(frame, origins);
            if (line.equals(previous)) {
                repeats++;
                continue;
            }
            if (repeats > 0) {
                lines.add("    ... previous line repeated " + repeats + " more times");
                repeats = 0;
            }
            previous = line;
            if (shown++ < MAX_FRAMES) {
                lines.add(line);
            }
        }
        if (repeats > 0) {
            lines.add("    ... previous line repeated " + repeats + " more times");
        }
        if (shown > MAX_FRAMES) {
            lines.add("    ... " + (shown - MAX_FRAMES) + " more frames");
        }
        return lines;
    }

    private static boolean isNotebookFrame(StackTraceElement frame) {
        return frame.getFileName() != null && frame.getFileName().startsWith("#");
    }

    private static boolean isInternal(StackTraceElement frame) {
        String c = frame.getClassName();
        return c.startsWith("jdk.internal.") || c.startsWith("java.lang.reflect.") || c.startsWith("jdk.jshell.")
                || c.startsWith("sun.reflect.") || c.startsWith("nnlab.kernel.");
    }

    private static String describe(StackTraceElement frame, Map<String, Origin> origins) {
        if (!isNotebookFrame(frame)) {
            return frame.toString();
        }
        Origin origin = origins.get(frame.getFileName().substring(1));
        String place = origin == null
                ? "an earlier cell"
                : origin.where() + ", line " + (origin.firstLine() + Math.max(frame.getLineNumber(), 1) - 1);
        String method = frame.getMethodName();
        String cls = frame.getClassName();
        if (method.isEmpty()) {
            return place;
        }
        return (cls.isEmpty() ? "" : cls + ".") + method + " (" + place + ")";
    }

    static int lineNumber(String text, int position) {
        int line = 1;
        for (int i = 0; i < position && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(value, max));
    }
}
