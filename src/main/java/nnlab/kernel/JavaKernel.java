package nnlab.kernel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nnlab.display.MimeBundle;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.Comm;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.request.CommInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;

/**
 * The Jupyter side of the kernel: turns Jupyter messages into calls on a {@link JavaSession} and
 * its output into iopub messages. Built on JJava's protocol classes ({@link BaseKernel}); where
 * JJava's replies lack a field that the messaging spec requires (the {@code status} of
 * kernel_info, history, comm_info, shutdown and interrupt replies, the {@code payload} of
 * execute_reply), this class sends the full content itself.
 */
final class JavaKernel extends BaseKernel {
    private static final Logger LOG = Logger.getLogger("nnlab.kernel");
    private static final String VERSION = "0.1.0";
    /** {@code Math.max?} shows the documentation in the pager, as {@code name?} does in IPython. */
    private static final Pattern HELP = Pattern.compile("\\s*([\\w.$]+)\\s*\\?\\s*");
    private final CompletableFuture<JavaSession> session = new CompletableFuture<>();
    private final AtomicBoolean sessionStarted = new AtomicBoolean();
    private final List<String[]> history = Collections.synchronizedList(new ArrayList<>());

    JavaKernel() {
        super("nnlab", VERSION,
                new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jsh", "java", "java", "script"),
                List.of(new HelpLink("Java API", "https://docs.oracle.com/en/java/javase/17/docs/api/index.html")),
                null,
                new JupyterIO(StandardCharsets.UTF_8),
                new CommManager(),
                new Renderer(),
                null,
                new MagicsRegistry(),
                false,
                new StringStyler.Builder().build());
    }

    /**
     * JShell and javac take a second or two to start. That work begins once the first kernel_info
     * request is answered (so the front end sees the kernel at once, without the two competing for
     * the CPU), or with the first request that needs it.
     */
    private void startSession() {
        if (sessionStarted.compareAndSet(false, true)) {
            Thread t = new Thread(() -> {
                try {
                    session.complete(JavaSession.start());
                } catch (Throwable e) {
                    session.completeExceptionally(e);
                }
            }, "session-start");
            t.setDaemon(true);
            t.start();
        }
    }

    JavaSession session() {
        startSession();
        return session.join();
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " (nnlab kernel " + VERSION + "): JShell with nnlab.nn, nnlab.data, nnlab.plot and display()";
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        connection.setHandler(MessageType.COMM_INFO_REQUEST, this::handleCommInfo);
    }

    @Override
    public void interrupt() {
        if (session.isDone()) {
            session().interrupt();
        }
    }

    @Override
    public void onShutdown(boolean restarting) {
        super.onShutdown(restarting);
        JavaSession.stopJitWarmup();
        if (session.isDone()) {
            session().interrupt();
        }
        // The sockets close on their own threads; should one of them hang, Jupyter still sees the process end.
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(0);
        }, "shutdown-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    // --- execute ---------------------------------------------------------------------------------

    @Override
    protected void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        ExecuteRequest request = message.getContent();
        commManager.setMessageContext(message);
        env.setBusyDeferIdle();
        JavaSession s = session();
        Matcher help = HELP.matcher(request.getCode());
        if (help.matches()) {
            replyWithDocumentation(env, s, help.group(1));
            return;
        }
        // Jupyter: silent forces store_history off, and only stored cells advance the execution count.
        boolean store = request.shouldStoreHistory() && !request.isSilent();
        int count = s.executionCount() + (store ? 1 : 0);
        if (!request.isSilent()) {
            publish(env, MessageType.PUBLISH_EXECUTE_INPUT, new PublishExecuteInput(request.getCode(), count));
        }
        OutputListener listener = new IopubListener(env, request.isSilent(), request.isStdinEnabled());
        CellResult result = s.execute(request.getCode(), listener, store);
        if (store) {
            MimeBundle value = result.value();
            history.add(new String[] {request.getCode(), value == null ? "" : String.valueOf(value.data().get("text/plain"))});
        }
        if (result.ok()) {
            if (result.value() != null && !request.isSilent()) {
                Map<String, Object> content = bundleContent(result.value());
                content.put("execution_count", result.executionCount());
                publish(env, MessageType.PUBLISH_EXECUTION_RESULT, content);
            }
            Map<String, Object> reply = ok();
            reply.put("execution_count", result.executionCount());
            reply.put("payload", List.of());
            reply.put("user_expressions", Map.of());
            reply(env, MessageType.EXECUTE_REPLY, reply);
        } else {
            CellError error = result.error();
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("ename", error.name());
            content.put("evalue", error.message());
            content.put("traceback", error.traceback());
            if (!request.isSilent()) {
                publish(env, MessageType.PUBLISH_ERROR, content);
            }
            Map<String, Object> reply = new LinkedHashMap<>(content);
            reply.put("status", "error");
            reply.put("execution_count", result.executionCount());
            reply(env, MessageType.EXECUTE_REPLY, reply);
        }
    }

    private static void replyWithDocumentation(ShellReplyEnvironment env, JavaSession s, String name) {
        String doc = s.inspect(name, name.length(), true);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("source", "page");
        page.put("data", Map.of("text/plain", doc == null ? "No documentation found for " + name : doc));
        page.put("start", 0);
        Map<String, Object> reply = ok();
        reply.put("execution_count", s.executionCount());
        reply.put("payload", List.of(page));
        reply.put("user_expressions", Map.of());
        reply(env, MessageType.EXECUTE_REPLY, reply);
    }

    /** Sends a cell's output to the front end as iopub messages, tagged with the execute request. */
    private static final class IopubListener implements OutputListener {
        private final ShellReplyEnvironment env;
        private final boolean silent;
        private final boolean stdin;

        IopubListener(ShellReplyEnvironment env, boolean silent, boolean stdin) {
            this.env = env;
            this.silent = silent;
            this.stdin = stdin;
        }

        @Override
        public void stream(String name, String text) {
            if (!silent) {
                publish(env, MessageType.PUBLISH_STREAM, Map.of("name", name, "text", text));
            }
        }

        @Override
        public void display(String displayId, MimeBundle bundle) {
            publishDisplay(MessageType.PUBLISH_DISPLAY_DATA, displayId, bundle);
        }

        @Override
        public void updateDisplay(String displayId, MimeBundle bundle) {
            publishDisplay(MessageType.PUBLISH_UPDATE_DISPLAY_DATA, displayId, bundle);
        }

        private void publishDisplay(MessageType<?> type, String displayId, MimeBundle bundle) {
            if (!silent) {
                Map<String, Object> content = bundleContent(bundle);
                content.put("transient", Map.of("display_id", displayId));
                publish(env, type, content);
            }
        }

        @Override
        public void clearOutput(boolean wait) {
            if (!silent) {
                publish(env, MessageType.PUBLISH_CLEAR_OUTPUT, Map.of("wait", wait));
            }
        }

        @Override
        public String readLine(String prompt) {
            if (!stdin) {
                return null;
            }
            String line = env.readFromStdIn(prompt);
            // JJava appends a line separator; the session adds its own newline.
            return line.endsWith(System.lineSeparator()) ? line.substring(0, line.length() - System.lineSeparator().length()) : line;
        }
    }

    static Map<String, Object> bundleContent(MimeBundle bundle) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("data", new LinkedHashMap<>(bundle.data()));
        content.put("metadata", new LinkedHashMap<>(bundle.metadata()));
        return content;
    }

    // --- other requests ----------------------------------------------------------------------------

    @Override
    public ReplacementOptions complete(String code, int at) {
        JavaSession.Completions c = session().complete(code, at);
        return new ReplacementOptions(c.matches(), c.start(), c.end());
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String text = session().inspect(code, at, extraDetail);
        return text == null ? null : new DisplayData(text);
    }

    @Override
    public String isComplete(String code) {
        String status = session().isComplete(code);
        return switch (status) {
            case "complete" -> IS_COMPLETE_YES;
            case "invalid" -> IS_COMPLETE_BAD;
            default -> status;
        };
    }

    @Override
    public Object evalRaw(String source) {
        CellResult result = session().execute(source,
                new TextOnlyListener((name, text) -> (name.equals("stderr") ? io.err : io.out).print(text)));
        if (!result.ok()) {
            throw new IllegalStateException(result.error().plainText());
        }
        return result.value() == null ? null : result.value().data().get("text/plain");
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        Map<String, Object> languageInfo = new LinkedHashMap<>();
        languageInfo.put("name", "java");
        languageInfo.put("version", Runtime.version().toString());
        languageInfo.put("mimetype", "text/x-java-source");
        languageInfo.put("file_extension", ".jsh");
        languageInfo.put("pygments_lexer", "java");
        languageInfo.put("codemirror_mode", "text/x-java");
        languageInfo.put("nbconvert_exporter", "script");
        Map<String, Object> reply = ok();
        reply.put("protocol_version", Header.PROTOCOL_VERISON);
        reply.put("implementation", "nnlab");
        reply.put("implementation_version", VERSION);
        reply.put("language_info", languageInfo);
        reply.put("banner", getBanner());
        reply.put("debugger", false);
        reply.put("help_links", List.of(Map.of("text", "Java API",
                "url", "https://docs.oracle.com/en/java/javase/17/docs/api/index.html")));
        reply(env, MessageType.KERNEL_INFO_REPLY, reply);
        startSession();
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        env.setBusyDeferIdle();
        List<String[]> all;
        synchronized (history) {
            all = new ArrayList<>(history);
        }
        List<Integer> lines = new ArrayList<>();
        switch (request.getAccessType()) {
            case TAIL -> {
                int n = ((HistoryRequest.Tail) request).getMaxReturnLength();
                for (int i = Math.max(0, all.size() - n); i < all.size(); i++) {
                    lines.add(i + 1);
                }
            }
            case RANGE -> {
                HistoryRequest.Range range = (HistoryRequest.Range) request;
                for (int i = Math.max(1, range.getStart()); i < Math.min(all.size() + 1, range.getStop()); i++) {
                    lines.add(i);
                }
            }
            case SEARCH -> {
                HistoryRequest.Search search = (HistoryRequest.Search) request;
                Pattern pattern = Pattern.compile(search.getPattern().replace("?", ".").replace("*", ".*"), Pattern.DOTALL);
                Set<String> seen = new LinkedHashSet<>();
                for (int i = all.size() - 1; i >= 0; i--) {
                    String code = all.get(i)[0];
                    if (pattern.matcher(code).matches() && (!search.filterUnique() || seen.add(code))) {
                        lines.add(0, i + 1);
                    }
                }
                int n = search.getMaxReturnLength();
                if (n > 0 && lines.size() > n) {
                    lines = new ArrayList<>(lines.subList(lines.size() - n, lines.size()));
                }
            }
        }
        List<Object> entries = new ArrayList<>();
        for (int line : lines) {
            String[] cell = all.get(line - 1);
            entries.add(List.of(0, line, request.includeOutput() ? List.of(cell[0], cell[1]) : cell[0]));
        }
        Map<String, Object> reply = ok();
        reply.put("history", entries);
        reply(env, MessageType.HISTORY_REPLY, reply);
    }

    private void handleCommInfo(ShellReplyEnvironment env, Message<CommInfoRequest> message) {
        env.setBusyDeferIdle();
        String target = message.getContent().getTargetName();
        Map<String, Object> comms = new LinkedHashMap<>();
        for (Comm comm : commManager) {
            if (target == null || target.equals(comm.getTargetName())) {
                comms.put(comm.getID(), Map.of("target_name", comm.getTargetName()));
            }
        }
        Map<String, Object> reply = ok();
        reply.put("comms", comms);
        reply(env, MessageType.COMM_INFO_REPLY, reply);
    }

    @Override
    protected void handleShutdownRequest(ShellReplyEnvironment env, Message<ShutdownRequest> message) {
        env.setBusyDeferIdle();
        Map<String, Object> reply = ok();
        reply.put("restart", message.getContent().isRestart());
        reply(env, MessageType.SHUTDOWN_REPLY, reply);
        onShutdown(message.getContent().isRestart());
        env.resolveDeferrals();
        env.markForShutdown();
    }

    @Override
    protected void handleInterruptRequest(ShellReplyEnvironment env, Message<InterruptRequest> message) {
        env.setBusyDeferIdle();
        reply(env, MessageType.INTERRUPT_REPLY, ok());
        LOG.info("interrupt requested");
        interrupt();
    }

    private static Map<String, Object> ok() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("status", "ok");
        return content;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void reply(ShellReplyEnvironment env, MessageType<?> type, Map<String, Object> content) {
        env.reply(new Message(env.getContext(), type, content));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void publish(ShellReplyEnvironment env, MessageType<?> type, Object content) {
        try {
            env.getIopub().sendMessage(new Message(env.getContext(), type, content));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not publish " + type.getName(), e);
        }
    }
}
