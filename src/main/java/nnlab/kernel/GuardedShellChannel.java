package nnlab.kernel;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.Loop;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.adapters.HeaderAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryRequestAdapter;
import org.dflib.jjava.jupyter.messages.adapters.KernelTimestampAdapter;
import org.dflib.jjava.jupyter.messages.adapters.MessageTypeAdapter;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.zeromq.ZMQ;

/**
 * A shell (or control) channel that survives bad input. JJava's channel stops its thread when a
 * message has a wrong signature or cannot be parsed; this one reads every frame of the message
 * first, then drops (and logs) anything with a wrong HMAC, missing frames or broken JSON, and keeps
 * serving. It also waits on the socket instead of sleeping between polls, so requests are picked
 * up at once.
 */
final class GuardedShellChannel extends ShellChannel {
    private static final Logger LOG = Logger.getLogger("nnlab.kernel");
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final int POLL_MILLIS = 100;
    private static final Type JSON_MAP = new TypeToken<Map<String, Object>>() {}.getType();
    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(KernelTimestamp.class, KernelTimestampAdapter.INSTANCE)
            .registerTypeAdapter(Header.class, HeaderAdapter.INSTANCE)
            .registerTypeAdapter(MessageType.class, MessageTypeAdapter.INSTANCE)
            .registerTypeAdapter(HistoryRequest.class, HistoryRequestAdapter.INSTANCE)
            .create();

    private final JupyterConnection connection;
    private final HMACGenerator hmac;
    private final String label;
    private volatile Loop loop;

    GuardedShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean control, JupyterConnection connection) {
        super(context, hmac, control, connection, 0);
        this.connection = connection;
        this.hmac = hmac;
        this.label = control ? "control" : "shell";
    }

    void bind(KernelConnectionProperties props, int port) {
        bind(formatAddress(props.getTransport(), props.getIp(), port));
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        loop = new Loop(label, 0, () -> {
            if (poller.poll(POLL_MILLIS) > 0) {
                handle(receive());
            }
        });
        loop.onError(e -> {
            LOG.log(Level.WARNING, label + ": unexpected error, still serving", e);
            return 0;
        });
        loop.start();
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        throw new UnsupportedOperationException("use bind(props, port)");
    }

    @Override
    public void close() {
        Loop current = loop;
        if (current != null) {
            current.shutdown();
        }
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Loop current = loop;
        if (current != null && current != Thread.currentThread()) {
            try {
                current.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handle(Message<?> message) {
        if (message == null) {
            return;
        }
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            LOG.warning(label + ": no handler for " + message.getHeader().getType().getName() + ", ignored");
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (Exception e) {
            LOG.log(Level.WARNING, label + ": error handling " + message.getHeader().getType().getName(), e);
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            connection.close();
        }
    }

    /** Reads one multipart message; returns null (after logging why) when it must be ignored. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Message<?> receive() {
        List<byte[]> frames = new ArrayList<>();
        do {
            byte[] frame = recv();
            if (frame == null) {
                return null;
            }
            frames.add(frame);
        } while (hasReceiveMore());

        int delimiter = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), DELIMITER)) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0 || frames.size() < delimiter + 6) {
            LOG.warning(label + ": ignored a malformed message (" + frames.size() + " frames, no complete header)");
            return null;
        }
        byte[] signature = frames.get(delimiter + 1);
        byte[] header = frames.get(delimiter + 2);
        byte[] parent = frames.get(delimiter + 3);
        byte[] metadata = frames.get(delimiter + 4);
        byte[] content = frames.get(delimiter + 5);
        String expected = hmac.calculateSignature(header, parent, metadata, content);
        if (expected != null && !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature)) {
            LOG.warning(label + ": ignored a message with an invalid HMAC signature");
            return null;
        }
        try {
            Header<?> head = GSON.fromJson(new String(header, StandardCharsets.UTF_8), Header.class);
            JsonElement parentJson = JsonParser.parseString(new String(parent, StandardCharsets.UTF_8));
            Header<?> parentHead = parentJson.isJsonObject() && !parentJson.getAsJsonObject().isEmpty()
                    ? GSON.fromJson(parentJson, Header.class) : null;
            Map<String, Object> meta = GSON.fromJson(new String(metadata, StandardCharsets.UTF_8), JSON_MAP);
            Object body = GSON.fromJson(new String(content, StandardCharsets.UTF_8), head.getType().getContentType());
            if (body == null) {
                throw new IllegalArgumentException("empty content");
            }
            return new Message(new ArrayList<>(frames.subList(0, delimiter)), head, parentHead, meta, body,
                    new ArrayList<>(frames.subList(delimiter + 6, frames.size())));
        } catch (RuntimeException e) {
            LOG.warning(label + ": ignored a malformed message: " + e);
            return null;
        }
    }
}
