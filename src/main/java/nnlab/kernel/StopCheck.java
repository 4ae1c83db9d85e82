package nnlab.kernel;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Called from instrumented notebook code: every compiled cell gets a call to {@link #check()} at
 * each method entry and before each backward jump, so an interrupt can stop even a tight
 * {@code while (true) {}} loop on any JDK (Thread.stop no longer works after Java 19). Calls to
 * {@code System.exit} in a cell are redirected to {@link #refuseExit(int)}.
 *
 * <p>This class is public only because generated code calls it; notebooks never need it.
 */
public final class StopCheck {
    private static final Set<Thread> STOPPING = ConcurrentHashMap.newKeySet();
    // A plain volatile read is all a running loop pays while nobody asked for a stop.
    private static volatile boolean anyStopping;

    private StopCheck() {}

    /** Throws {@link CellStopped} when the current thread's cell has been asked to stop. */
    public static void check() {
        if (anyStopping && STOPPING.contains(Thread.currentThread())) {
            throw new CellStopped();
        }
    }

    /** Replaces {@code System.exit(status)} and {@code Runtime.exit/halt} in notebook code. */
    public static void refuseExit(int status) {
        throw new UnsupportedOperationException("System.exit(" + status + ") is disabled in a notebook: it would stop the"
                + " kernel and lose every variable. To end a cell early use return or throw an exception; to start"
                + " afresh use Kernel > Restart.");
    }

    /** Same as {@link #refuseExit(int)}, with the receiver of {@code Runtime.exit/halt} still on the stack. */
    public static void refuseExit(Runtime runtime, int status) {
        refuseExit(status);
    }

    static void request(Thread thread) {
        STOPPING.add(thread);
        anyStopping = true;
    }

    static void clear(Thread thread) {
        STOPPING.remove(thread);
        anyStopping = !STOPPING.isEmpty();
    }

    /** Thrown into a cell that was asked to stop; an Error so that {@code catch (Exception e)} does not swallow it. */
    static final class CellStopped extends Error {
        private static final long serialVersionUID = 1L;

        CellStopped() {
            super("cell stopped", null, false, false);
        }
    }
}
