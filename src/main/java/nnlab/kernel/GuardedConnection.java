package nnlab.kernel;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/** JJava's connection with its shell and control channels replaced by {@link GuardedShellChannel}s. */
final class GuardedConnection extends JupyterConnection {
    private final KernelConnectionProperties props;
    private final ZMQ.Context context = ZMQ.context(1);
    private final GuardedShellChannel guardedShell;
    private final GuardedShellChannel guardedControl;
    private boolean closed;

    GuardedConnection(KernelConnectionProperties props) throws NoSuchAlgorithmException, InvalidKeyException {
        super(props);
        this.props = props;
        guardedShell = new GuardedShellChannel(context, props.createHMACGenerator(), false, this);
        guardedControl = new GuardedShellChannel(context, props.createHMACGenerator(), true, this);
    }

    @Override
    public void connect() {
        heartbeat.bind(props);
        guardedShell.bind(props, props.getShellPort());
        guardedControl.bind(props, props.getControlPort());
        stdin.bind(props);
        iopub.bind(props);
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        guardedShell.close();
        guardedControl.close();
        super.close();
        context.close();
    }

    @Override
    public void waitUntilClose() {
        guardedShell.waitUntilClose();
        guardedControl.waitUntilClose();
        super.waitUntilClose();
    }
}
