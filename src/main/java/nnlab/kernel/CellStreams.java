package nnlab.kernel;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Routes {@code System.out}, {@code System.err} and {@code System.in} of the whole JVM to the cell
 * that is running, so output appears while the cell runs: text is buffered and handed to the
 * cell's {@link OutputListener} every few milliseconds (or sooner when the buffer fills), and cut
 * off with a notice beyond a per-cell limit so that a runaway print loop cannot flood the notebook.
 * Outside a cell, the streams write to where they wrote before.
 */
final class CellStreams {
    private static final long FLUSH_MILLIS = 40;
    private static final int FLUSH_BYTES = 64 * 1024;

    private static final PrintStream ORIGINAL_OUT = System.out;
    private static final PrintStream ORIGINAL_ERR = System.err;
    private static volatile Output current;
    private static boolean installed;

    private CellStreams() {}

    /** The stderr the JVM had before the routing was installed (the kernel's log). */
    static PrintStream log() {
        return ORIGINAL_ERR;
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        System.setOut(new PrintStream(new Router("stdout", ORIGINAL_OUT), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Router("stderr", ORIGINAL_ERR), true, StandardCharsets.UTF_8));
        System.setIn(new Input());
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "output-flusher");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(() -> {
            Output out = current;
            if (out != null) {
                out.emit(null);
            }
        }, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts routing to a cell's listener, keeping at most {@code limitBytes} of text. */
    static Output begin(OutputListener listener, long limitBytes) {
        install();
        Output out = new Output(listener, limitBytes);
        current = out;
        return out;
    }

    /** Stops routing to this cell (flushing what is left, and noting any text cut off). */
    static void end(Output out) {
        System.out.flush();
        System.err.flush();
        out.finish();
        if (current == out) {
            current = null;
        }
    }

    /** One cell's output: text in order across both streams, plus displays, to one listener. */
    static final class Output {
        private final OutputListener listener;
        private final long limit;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private String bufferStream = "stdout";
        private long kept;
        private long dropped;

        Output(OutputListener listener, long limit) {
            this.listener = listener;
            this.limit = limit;
        }

        OutputListener listener() {
            return listener;
        }

        synchronized void write(String stream, byte[] bytes, int offset, int length) {
            if (!stream.equals(bufferStream)) {
                flushText(true);
                bufferStream = stream;
            }
            int take = (int) Math.max(0, Math.min(length, limit - kept));
            buffer.write(bytes, offset, take);
            kept += take;
            dropped += length - take;
            if (buffer.size() >= FLUSH_BYTES) {
                flushText(false);
            }
        }

        /** Sends buffered text, then runs {@code action} (a display, say) on the listener, keeping order. */
        synchronized void emit(Consumer<OutputListener> action) {
            flushText(false);
            if (action != null) {
                action.accept(listener);
            }
        }

        synchronized void finish() {
            flushText(true);
            if (dropped > 0) {
                listener.stream("stderr", String.format("%n[output truncated: %,d more bytes were not shown;"
                        + " a cell shows at most %,d bytes of text]%n", dropped, limit));
                dropped = 0;
            }
        }

        private void flushText(boolean all) {
            byte[] bytes = buffer.toByteArray();
            int end = all ? bytes.length : completeUtf8Prefix(bytes);
            if (end == 0) {
                return;
            }
            buffer.reset();
            buffer.write(bytes, end, bytes.length - end);
            listener.stream(bufferStream, new String(bytes, 0, end, StandardCharsets.UTF_8));
        }

        /** Length of the longest prefix that does not end inside a multi-byte UTF-8 character. */
        private static int completeUtf8Prefix(byte[] bytes) {
            int n = bytes.length;
            for (int back = 1; back <= Math.min(3, n); back++) {
                int b = bytes[n - back] & 0xFF;
                if (b < 0x80) {
                    return n;
                }
                if (b >= 0xC0) {
                    int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                    return needed > back ? n - back : n;
                }
            }
            return n;
        }
    }

    private static final class Router extends OutputStream {
        private final String name;
        private final PrintStream fallback;

        Router(String name, PrintStream fallback) {
            this.name = name;
            this.fallback = fallback;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            Output out = current;
            if (out != null) {
                out.write(name, bytes, offset, length);
            } else {
                fallback.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() {
            if (current == null) {
                fallback.flush();
            }
        }
    }

    /** Reads a line from the notebook user when a cell reads {@code System.in}. */
    private static final class Input extends InputStream {
        private byte[] line = new byte[0];
        private int position;

        @Override
        public synchronized int read() {
            if (!fill()) {
                return -1;
            }
            return line[position++] & 0xFF;
        }

        @Override
        public synchronized int read(byte[] into, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, line.length - position);
            System.arraycopy(line, position, into, offset, n);
            position += n;
            return n;
        }

        @Override
        public synchronized int available() {
            return line.length - position;
        }

        private boolean fill() {
            if (position < line.length) {
                return true;
            }
            Output out = current;
            if (out == null) {
                return false;
            }
            System.out.flush();
            out.emit(null);
            String text = out.listener().readLine("");
            if (text == null) {
                return false;
            }
            line = (text + "\n").getBytes(StandardCharsets.UTF_8);
            position = 0;
            return true;
        }
    }
}
