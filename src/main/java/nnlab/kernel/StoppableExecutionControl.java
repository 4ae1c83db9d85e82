package nnlab.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's local execution in the kernel's own JVM, run on a fresh thread per snippet so that a stop
 * request can end it: first through the {@link StopCheck} calls compiled into the cell (works on
 * every JDK), and, if library code is looping, after a grace period through {@code Thread.stop},
 * which Java 17 to 19 still honour. Keeps the last value and the last thrown exception as objects,
 * so the kernel can render rich output and readable stack traces.
 */
final class StoppableExecutionControl extends DirectExecutionControl {
    private static final long STACK_SIZE = 16L << 20;
    private static final long STOP_GRACE_MILLIS = 700;

    private final SnippetLoader loader;
    private volatile Thread running;
    private volatile boolean stopped;
    private volatile boolean cellActive;
    private Object lastValue;
    private Throwable lastThrown;

    StoppableExecutionControl(SnippetLoader loader) {
        super(loader);
        this.loader = loader;
    }

    /** A provider handing JShell this execution control. */
    static ExecutionControlProvider provider(StoppableExecutionControl control) {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "nnlab-local";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
    }

    /** Clears the per-cell state before a cell starts. */
    void beginCell() {
        stopped = false;
        lastValue = null;
        lastThrown = null;
        cellActive = true;
    }

    /** Marks the end of a cell: later stop requests have nothing to stop. */
    void endCell() {
        cellActive = false;
    }

    /** True when the current cell was stopped by {@link #stop()}. */
    boolean wasStopped() {
        return stopped;
    }

    /** The value the last executed snippet produced (null for statements). */
    Object lastValue() {
        return lastValue;
    }

    /** The exception the last executed snippet threw, as the real object. */
    Throwable lastThrown() {
        return lastThrown;
    }

    ClassLoader classLoader() {
        return loader.classLoader();
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        if (stopped) {
            // The rest of a stopped cell's snippets must not run.
            throw new StoppedException();
        }
        Object[] value = new Object[1];
        Throwable[] thrown = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            try {
                value[0] = doit.invoke(null);
            } catch (InvocationTargetException e) {
                thrown[0] = e;
            } catch (Throwable e) {
                thrown[0] = e;
            }
        }, "cell", STACK_SIZE);
        thread.setContextClassLoader(loader.classLoader());
        running = thread;
        try {
            thread.start();
            thread.join();
        } finally {
            running = null;
            StopCheck.clear(thread);
        }
        Throwable cause = thrown[0] instanceof InvocationTargetException ? thrown[0].getCause() : thrown[0];
        if (stopped || isStopSignal(cause)) {
            stopped = true;
            throw new StoppedException();
        }
        if (thrown[0] instanceof InvocationTargetException ite) {
            lastThrown = cause;
            throw ite;
        }
        if (thrown[0] != null) {
            lastThrown = thrown[0];
            throw new InternalException(thrown[0].toString());
        }
        lastValue = value[0];
        return valueString(value[0]);
    }

    @SuppressWarnings("deprecation")
    private static boolean isStopSignal(Throwable t) {
        return t instanceof StopCheck.CellStopped || t instanceof ThreadDeath;
    }

    @Override
    public void stop() {
        if (cellActive) {
            stopped = true;
        }
        Thread thread = running;
        if (thread == null) {
            return;
        }
        StopCheck.request(thread);
        thread.interrupt();
        if (Runtime.version().feature() < 20) {
            Thread killer = new Thread(() -> forceStop(thread), "cell-stopper");
            killer.setDaemon(true);
            killer.start();
        }
    }

    /** Library code (not instrumented) may loop without reaching a check: Java 17-19 can still stop it. */
    @SuppressWarnings({"removal", "deprecation"})
    private void forceStop(Thread thread) {
        try {
            thread.join(STOP_GRACE_MILLIS);
            if (thread.isAlive() && running == thread) {
                thread.stop();
            }
        } catch (InterruptedException | UnsupportedOperationException e) {
            // Nothing more can be done: the instrumented checks remain the only way to stop.
        }
    }
}
