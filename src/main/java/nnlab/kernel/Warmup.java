package nnlab.kernel;

import java.io.IOException;
import java.net.ServerSocket;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * Exercises the kernel once (JShell, javac, the messaging classes) so that {@code install} can
 * record the loaded classes in a class-data-sharing archive: with it the kernel starts in about
 * half the time. Run by the installer as {@code java -XX:ArchiveClassesAtExit=... -jar nnlab.jar warmup}.
 */
final class Warmup {
    private Warmup() {}

    static void run() throws Exception {
        OutputListener quiet = new TextOnlyListener((name, text) -> { });
        try (JavaSession session = JavaSession.start()) {
            for (String cell : new String[] {"1 + 1", "int x = 2;\nSystem.out.println(x);", "display(\"x\");",
                    "int bad = \"s\";", "Integer.parseInt(\"z\")", "%time x * 2", "double f(double v) { return v * v; }\nf(3)"}) {
                session.execute(cell, quiet);
            }
            session.complete("Math.ma", 7);
            session.isComplete("for (;;) {");
        }
        JavaKernel kernel = new JavaKernel();
        kernel.session();
        GuardedConnection connection = new GuardedConnection(new KernelConnectionProperties(
                "127.0.0.1", freePort(), freePort(), freePort(), freePort(), freePort(), "tcp", "hmac-sha256", "warmup-key"));
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.close();
        System.exit(0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
