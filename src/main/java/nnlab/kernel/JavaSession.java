package nnlab.kernel;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;
import nnlab.display.Display;
import nnlab.display.DisplayHooks;
import nnlab.display.DisplaySink;
import nnlab.display.MimeBundle;
import nnlab.nn.JitWarmup;

/**
 * A Java notebook session without Jupyter: JShell running cells in this JVM, with the notebook's
 * start-up imports, cell functions ({@code display}, {@code render}, {@code updateDisplay},
 * {@code clearOutput}), magics, readable errors and interrupts. The Jupyter kernel and the headless
 * notebook runner are both thin layers over it.
 *
 * <pre>{@code
 * try (JavaSession session = JavaSession.start()) {
 *     CellResult r = session.execute("int x = 6 * 7;\nx", listener);
 *     r.value().data().get("text/plain");   // "42"
 * }
 * }</pre>
 *
 * <p>One cell runs at a time ({@link #execute} is synchronized); {@link #interrupt()} may be called
 * from any thread to stop the running cell, keeping everything defined before it.
 */
public final class JavaSession implements AutoCloseable {
    /** Most text a cell shows, unless the {@code nnlab.outputLimit} system property says otherwise. */
    public static final long DEFAULT_OUTPUT_LIMIT = 4L << 20;
    static final Object NO_VALUE = new Object();
    private static final Logger LOG = Logger.getLogger("nnlab.kernel");
    private static final String STARTUP = "/nnlab/kernel-ext/startup.jsh";
    private static final Pattern DISPLAY_CALL = Pattern.compile("(?s)\\s*display\\s*\\(.*\\)\\s*;?\\s*");

    private final StoppableExecutionControl control;
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final Map<String, ErrorFormatter.Origin> origins = new ConcurrentHashMap<>();
    private final List<String> history = new ArrayList<>();
    private final AtomicLong displayIds = new AtomicLong();
    private final long outputLimit;
    private final Sink sink = new Sink();
    private volatile CellStreams.Output output;
    private int executionCount;

    private JavaSession(long outputLimit) {
        this.outputLimit = outputLimit;
        CellStreams.install();
        control = new StoppableExecutionControl(new SnippetLoader(JavaSession.class.getClassLoader()));
        shell = JShell.builder()
                .executionEngine(StoppableExecutionControl.provider(control), Map.of())
                .out(System.out)
                .err(System.err)
                .build();
        analysis = shell.sourceCodeAnalysis();
        for (String entry : kernelClasspath()) {
            shell.addToClasspath(entry);
        }
        runStartup();
    }

    /** Starts a session: JShell, the kernel's classpath and the start-up script (imports, cell functions). */
    public static JavaSession start() {
        return start(Long.getLong("nnlab.outputLimit", DEFAULT_OUTPUT_LIMIT));
    }

    /** Starts a session that shows at most {@code outputLimitBytes} of text per cell. */
    public static JavaSession start(long outputLimitBytes) {
        JavaSession session = new JavaSession(outputLimitBytes);
        warmUpJit();
        return session;
    }

    /** Cells running in this JVM's sessions, and when the last one ended. */
    private static final AtomicInteger CELLS_RUNNING = new AtomicInteger();
    private static volatile long lastCellEnd = System.nanoTime();
    /** Idle time after which the JIT warm-up may use a core: longer than the gaps of "Run All". */
    private static final long IDLE_NANOS = 300_000_000L;
    private static Thread jitWarmup;

    /**
     * Once per JVM, once JShell is up, compiles the library's vector kernels on a background
     * thread ({@link JitWarmup}) while no cell has run for a moment, i.e. while the student
     * reads: the first {@code fit} then runs at full speed instead of a second slower, and
     * "Run All" does not share its cores with the warm-up.
     *
     * @return the warm-up thread
     */
    static synchronized Thread warmUpJit() {
        if (jitWarmup == null) {
            // The first cell is usually on its way: count the start as activity.
            lastCellEnd = System.nanoTime();
            jitWarmup = new Thread(() -> JitWarmup.run(JavaSession::idle), "nnlab-jit-warmup");
            jitWarmup.setDaemon(true);
            jitWarmup.start();
        }
        return jitWarmup;
    }

    /** Ends the warm-up if it still runs: a kernel that shuts down is idle, but has no use for it. */
    static synchronized void stopJitWarmup() {
        if (jitWarmup != null) jitWarmup.interrupt();
    }

    /** No cell has run for a moment in this JVM. */
    static boolean idle() {
        return CELLS_RUNNING.get() == 0 && System.nanoTime() - lastCellEnd > IDLE_NANOS;
    }

    /**
     * Runs one cell: Java code (any mix of statements, declarations and expressions) with line
     * magics on their own lines, or a cell magic on the first line. Output is streamed to
     * {@code listener} while the cell runs; returns the value of the last expression (rendered
     * through {@link DisplayHooks}) or the error.
     */
    public CellResult execute(String code, OutputListener listener) {
        return execute(code, listener, true);
    }

    /**
     * Runs one cell like {@link #execute(String, OutputListener)}; with {@code storeHistory} false
     * (Jupyter's silent and {@code store_history=False} requests, e.g. a front end's own queries)
     * the cell neither takes an execution number nor enters the history.
     */
    public synchronized CellResult execute(String code, OutputListener listener, boolean storeHistory) {
        int count = storeHistory ? ++executionCount : executionCount;
        if (storeHistory) {
            history.add(code);
        }
        Display.install(sink);
        CellStreams.Output out = CellStreams.begin(listener, outputLimit);
        output = out;
        CELLS_RUNNING.incrementAndGet();
        control.beginCell();
        try {
            Object value = run(code, "cell [" + count + "]");
            return new CellResult(count, value == NO_VALUE ? null : render(value), null);
        } catch (CellFailure failure) {
            return new CellResult(count, null, failure.error());
        } finally {
            control.endCell();
            output = null;
            CellStreams.end(out);
            lastCellEnd = System.nanoTime();
            CELLS_RUNNING.decrementAndGet();
        }
    }

    /** Stops the running cell, if any (within about a second even for {@code while (true) {}}). */
    public void interrupt() {
        control.stop();
    }

    /** The cells executed so far, oldest first. */
    public synchronized List<String> history() {
        return List.copyOf(history);
    }

    /** The number the next cell will get minus one: how many cells have run. */
    public synchronized int executionCount() {
        return executionCount;
    }

    /** Completion candidates for the code at {@code cursor}, and the range of {@code code} they replace. */
    public Completions complete(String code, int cursor) {
        String masked = maskMagicLines(code);
        int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
        if (code.startsWith("%", lineStart)) {
            return completeMagic(code, lineStart, cursor);
        }
        // The whole cell up to the cursor first: JShell then completes the members of variables
        // declared earlier in the same cell, before it has run (plain names it only knows once
        // run). Only the current snippet if that finds nothing, e.g. when an earlier line does not
        // compile.
        int start = 0;
        int[] anchor = new int[1];
        List<Suggestion> suggestions = analysis.completionSuggestions(masked.substring(0, cursor), cursor, anchor);
        if (suggestions.isEmpty()) {
            start = snippetStart(masked, cursor);
            String prefix = masked.substring(start, cursor);
            suggestions = analysis.completionSuggestions(prefix, prefix.length(), anchor);
        }
        Set<String> matches = new LinkedHashSet<>();
        suggestions.stream().filter(Suggestion::matchesType).forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        return new Completions(List.copyOf(matches), start + anchor[0], cursor);
    }

    /** Signatures and Javadoc for the name at {@code cursor}, as plain text; null when there is nothing to show. */
    public String inspect(String code, int cursor, boolean detail) {
        String masked = maskMagicLines(code);
        int end = Math.min(cursor, masked.length());
        while (end < masked.length() && Character.isJavaIdentifierPart(masked.charAt(end))) {
            end++;
        }
        // As in complete: the whole cell first, then the current snippet alone.
        List<Documentation> docs = documentation(masked.substring(0, end));
        if (docs.isEmpty()) {
            docs = documentation(masked.substring(snippetStart(masked, end), end));
        }
        if (docs.isEmpty()) {
            return null;
        }
        return docs.stream().map(d -> {
            String javadoc = d.javadoc() == null ? "" : d.javadoc().strip();
            if (!detail && javadoc.contains("\n\n")) {
                javadoc = javadoc.substring(0, javadoc.indexOf("\n\n"));
            }
            return javadoc.isEmpty() ? d.signature() : d.signature() + "\n\n" + javadoc;
        }).distinct().collect(Collectors.joining("\n\n"));
    }

    /** Documentation for the name that {@code prefix} ends with, or for the call it opens. */
    private List<Documentation> documentation(String prefix) {
        List<Documentation> docs = analysis.documentation(prefix, prefix.length(), true);
        if (docs.isEmpty()) {
            // JShell documents a method once the cursor is inside its parentheses.
            docs = analysis.documentation(prefix + "(", prefix.length() + 1, true);
        }
        return docs;
    }

    /**
     * Whether the code is ready to run: {@code "complete"}, {@code "invalid"}, or, for code that
     * needs more lines, the indent the next line should get.
     */
    public String isComplete(String code) {
        String rest = maskMagicLines(code);
        if (code.stripLeading().startsWith("%%")) {
            return "complete";
        }
        while (!rest.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            if (c == Completeness.DEFINITELY_INCOMPLETE || c == Completeness.CONSIDERED_INCOMPLETE) {
                return indentAfter(code);
            }
            if (c == Completeness.UNKNOWN) {
                return "invalid";
            }
            if (c == Completeness.EMPTY) {
                break;
            }
            rest = info.remaining();
        }
        return "complete";
    }

    @Override
    public void close() {
        shell.close();
    }

    /** What {@link #complete} found: the candidates and the range {@code [start, end)} they replace. */
    public record Completions(List<String> matches, int start, int end) {}

    // ---------------------------------------------------------------------------------------------

    private Object run(String text, String where) {
        String stripped = text.stripLeading();
        if (stripped.startsWith("%%")) {
            int offset = text.length() - stripped.length();
            int lineEnd = text.indexOf('\n', offset);
            String header = text.substring(offset + 2, lineEnd < 0 ? text.length() : lineEnd).strip();
            String name = header.split("\\s+", 2)[0];
            String args = header.substring(name.length()).strip();
            return Magics.cell(name, args, text, lineEnd < 0 ? text.length() : lineEnd + 1, where, host);
        }
        Object value = NO_VALUE;
        int chunkStart = 0;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd);
            String magic = line.stripLeading();
            if (magic.startsWith("%")) {
                Object before = eval(text, chunkStart, lineStart, where);
                int nameStart = lineStart + line.indexOf('%') + 1;
                int nameEnd = nameStart;
                while (nameEnd < lineEnd && !Character.isWhitespace(text.charAt(nameEnd))) {
                    nameEnd++;
                }
                value = before != NO_VALUE ? before : value;
                value = Magics.line(text.substring(nameStart, nameEnd), text, nameEnd, lineEnd, where, host);
                chunkStart = lineEnd + 1;
            }
            lineStart = lineEnd + 1;
        }
        if (chunkStart < text.length()) {
            Object last = eval(text, chunkStart, text.length(), where);
            if (last != NO_VALUE || !text.substring(chunkStart).isBlank()) {
                value = last;
            }
        }
        return value;
    }

    /** Evaluates {@code text[from, to)} snippet by snippet; returns the last expression's value or {@link #NO_VALUE}. */
    private Object eval(String text, int from, int to, String where) {
        String remaining = text.substring(from, to);
        int offset = from;
        Object value = NO_VALUE;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == Completeness.EMPTY) {
                break;
            }
            boolean complete = info.completeness().isComplete();
            String source = complete ? info.source() : remaining;
            String rest = complete ? info.remaining() : "";
            value = evalSnippet(source, text, offset, where);
            offset += remaining.length() - rest.length();
            remaining = rest;
        }
        return value;
    }

    private Object evalSnippet(String source, String text, int offset, String where) {
        if (control.wasStopped()) {
            throw new CellFailure(ErrorFormatter.interrupted());
        }
        List<SnippetEvent> events = shell.eval(source);
        if (control.wasStopped()) {
            throw new CellFailure(ErrorFormatter.interrupted());
        }
        SnippetEvent main = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(null);
        if (main == null) {
            return NO_VALUE;
        }
        Snippet snippet = main.snippet();
        // JShell numbers a snippet's lines from its first token, after leading blank lines and comments.
        origins.put(snippet.id(), new ErrorFormatter.Origin(where, ErrorFormatter.lineNumber(text, firstToken(text, offset))));
        if (main.status() == Snippet.Status.REJECTED) {
            List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
            throw new CellFailure(errors.isEmpty()
                    ? ErrorFormatter.plainCompileError("JShell rejected this code: " + source.strip())
                    : ErrorFormatter.compileError(text, offset, where, errors));
        }
        if (main.exception() != null) {
            throw new CellFailure(ErrorFormatter.runtimeError(main.exception(), origins));
        }
        if (main.status() == Snippet.Status.RECOVERABLE_DEFINED || main.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            String missing = snippet instanceof DeclarationSnippet d
                    ? shell.unresolvedDependencies(d).collect(Collectors.joining(", ")) : "";
            System.err.println("Note: this declaration uses " + missing + ", which is not defined yet; define it before use.");
        }
        boolean expression = snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
        // display(x) as a cell's last line already showed x; its display id is not worth a second output.
        boolean displayCall = DISPLAY_CALL.matcher(source).matches();
        Object value = expression && !displayCall ? control.lastValue() : NO_VALUE;
        if (value instanceof PrintStream) {
            // System.out.printf(...) and format(...) return the stream itself: printing was the point.
            value = NO_VALUE;
        }
        if (snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            // Every live declaration is imported into each later compilation; dropping the $1, $2...
            // variables that hold expression values keeps that cost from growing with every cell.
            shell.drop(snippet);
        }
        return value;
    }

    /** The position of the first character at or after {@code from} that is neither blank nor in a comment. */
    static int firstToken(String text, int from) {
        int i = from;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end + 1;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else {
                break;
            }
        }
        return Math.min(i, text.length());
    }

    private MimeBundle render(Object value) {
        try {
            return DisplayHooks.render(value);
        } catch (RuntimeException e) {
            return MimeBundle.text(String.valueOf(value) + "\n(rich display failed: " + e + ")");
        }
    }

    private void runStartup() {
        String script;
        try (InputStream in = JavaSession.class.getResourceAsStream(STARTUP)) {
            if (in == null) {
                throw new IllegalStateException(STARTUP + " is missing from the kernel's jar; rebuild it with mvn package");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String remaining = script;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == Completeness.EMPTY || !info.completeness().isComplete()) {
                break;
            }
            // A package that does not exist yet (the library being built) must not break the kernel.
            for (SnippetEvent event : shell.eval(info.source())) {
                if (event.status() == Snippet.Status.REJECTED) {
                    LOG.fine(() -> "start-up: skipped " + info.source().strip());
                }
            }
            remaining = info.remaining();
        }
    }

    /** The kernel's class path, with the Class-Path of manifest-only jars (as test runners use) spelled out. */
    private static List<String> kernelClasspath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            entries.add(entry);
            if (entry.endsWith(".jar")) {
                try (JarFile jar = new JarFile(entry)) {
                    Manifest manifest = jar.getManifest();
                    String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                    if (classPath != null) {
                        Path base = Paths.get(entry).toAbsolutePath().getParent();
                        for (String ref : classPath.trim().split("\\s+")) {
                            Path p = ref.startsWith("file:") ? Paths.get(java.net.URI.create(ref)) : base.resolve(ref);
                            entries.add(p.toString());
                        }
                    }
                } catch (IOException | IllegalArgumentException e) {
                    LOG.fine(() -> "could not read the manifest of " + entry + ": " + e);
                }
            }
        }
        return new ArrayList<>(entries);
    }

    private int snippetStart(String code, int cursor) {
        int start = 0;
        while (true) {
            String rest = code.substring(start, cursor);
            CompletionInfo info = analysis.analyzeCompletion(rest);
            if (!info.completeness().isComplete() || info.remaining().isBlank()) {
                return start;
            }
            start += rest.length() - info.remaining().length();
        }
    }

    private static Completions completeMagic(String code, int lineStart, int cursor) {
        String typed = code.substring(lineStart, cursor).strip();
        boolean cell = typed.startsWith("%%");
        String prefix = typed.substring(cell ? 2 : 1);
        List<String> matches = (cell ? Magics.CELL : Magics.LINE).stream()
                .filter(m -> m.startsWith(prefix)).map(m -> (cell ? "%%" : "%") + m).toList();
        return new Completions(matches, cursor - typed.length(), cursor);
    }

    /** Magic lines blanked out (same length), so that positions stay right and JShell only sees Java. */
    private static String maskMagicLines(String code) {
        StringBuilder masked = new StringBuilder(code.length());
        for (String line : code.split("\n", -1)) {
            if (masked.length() > 0) {
                masked.append('\n');
            }
            masked.append(line.stripLeading().startsWith("%") ? " ".repeat(line.length()) : line);
        }
        return masked.toString();
    }

    private static String indentAfter(String code) {
        String trimmed = code.stripTrailing();
        String lastLine = trimmed.substring(trimmed.lastIndexOf('\n') + 1);
        String indent = lastLine.substring(0, lastLine.length() - lastLine.stripLeading().length());
        char last = trimmed.isEmpty() ? ' ' : trimmed.charAt(trimmed.length() - 1);
        return last == '{' || last == '(' || last == '[' ? indent + "    " : indent;
    }

    private final Magics.Host host = new Magics.Host() {
        @Override
        public Object eval(String text, int from, int to, String where) {
            return JavaSession.this.eval(text, from, to, where);
        }

        @Override
        public Object run(String text, String where) {
            return JavaSession.this.run(text, where);
        }

        @Override
        public void addToClasspath(List<Path> entries) {
            for (Path entry : entries) {
                shell.addToClasspath(entry.toString());
            }
            DisplayHooks.reload(control.classLoader());
        }

        @Override
        public void display(MimeBundle bundle) {
            sink.display(bundle);
        }
    };

    /** Where {@code display(...)} calls go: the running cell's listener, in order with its text output. */
    private final class Sink implements DisplaySink {
        @Override
        public String display(MimeBundle bundle) {
            String id = "nnlab-" + ProcessHandle.current().pid() + "-" + displayIds.incrementAndGet();
            CellStreams.Output out = flushedOutput();
            if (out != null) {
                out.emit(l -> l.display(id, bundle));
            }
            return id;
        }

        @Override
        public void update(String displayId, MimeBundle bundle) {
            CellStreams.Output out = flushedOutput();
            if (out != null) {
                out.emit(l -> l.updateDisplay(displayId, bundle));
            }
        }

        @Override
        public void clearOutput(boolean wait) {
            CellStreams.Output out = flushedOutput();
            if (out != null) {
                out.emit(l -> l.clearOutput(wait));
            }
        }

        private CellStreams.Output flushedOutput() {
            System.out.flush();
            System.err.flush();
            return output;
        }
    }
}
