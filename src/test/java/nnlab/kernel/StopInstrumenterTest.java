package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The bytecode rewriting alone (no JShell, no Thread.stop) stops loops and refuses System.exit. */
class StopInstrumenterTest {

    /** Code as a student might write it; loaded below in instrumented form. */
    public static final class Spinner {
        public static long spin() {
            long n = 0;
            while (true) {
                n++;
            }
        }

        public static int recurse(int depth) {
            return depth <= 0 ? 0 : recurse(depth - 1) + 1;
        }

        public static void exit() {
            System.exit(4);
        }
    }

    static Class<?> instrumented() throws Exception {
        String name = Spinner.class.getName();
        byte[] original;
        try (InputStream in = StopInstrumenterTest.class.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
            original = in.readAllBytes();
        }
        byte[] rewritten = StopInstrumenter.instrument(original);
        ClassLoader loader = new ClassLoader(StopInstrumenterTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
                if (n.equals(name)) {
                    Class<?> c = findLoadedClass(n);
                    return c != null ? c : defineClass(n, rewritten, 0, rewritten.length);
                }
                return super.loadClass(n, resolve);
            }
        };
        return loader.loadClass(name);
    }

    @Test
    void aTightLoopStopsWhenAsked() throws Exception {
        Class<?> spinner = instrumented();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                spinner.getMethod("spin").invoke(null);
            } catch (InvocationTargetException e) {
                thrown.set(e.getCause());
            } catch (ReflectiveOperationException e) {
                thrown.set(e);
            }
        });
        t.start();
        Thread.sleep(200);
        assertTrue(t.isAlive(), "the loop runs until asked to stop");
        StopCheck.request(t);
        t.join(2000);
        StopCheck.clear(t);
        assertFalse(t.isAlive(), "the loop must stop within 2 s");
        assertTrue(thrown.get() instanceof StopCheck.CellStopped, String.valueOf(thrown.get()));
    }

    @Test
    void otherThreadsAreNotStoppedAndResultsAreUnchanged() throws Exception {
        Class<?> spinner = instrumented();
        Thread other = new Thread(() -> {});
        StopCheck.request(other);
        try {
            assertEquals(500, spinner.getMethod("recurse", int.class).invoke(null, 500));
        } finally {
            StopCheck.clear(other);
        }
    }

    @Test
    void systemExitIsReplaced() throws Exception {
        Class<?> spinner = instrumented();
        InvocationTargetException e = org.junit.jupiter.api.Assertions.assertThrows(InvocationTargetException.class,
                () -> spinner.getMethod("exit").invoke(null));
        assertTrue(e.getCause().getMessage().startsWith("System.exit(4) is disabled in a notebook"));
    }
}
