package nnlab.kernel;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * {@code java -jar nnlab.jar COMMAND}: {@code kernel CONNECTION_FILE} (what Jupyter starts),
 * {@code install [--user|--sys-prefix|--prefix DIR] [--name NAME]}, {@code uninstall [...]} and
 * {@code run NOTEBOOK.ipynb...} (see {@link NotebookRunner}).
 */
public final class Main {
    static final String USAGE = String.join("\n",
            "Usage: java -jar nnlab.jar COMMAND",
            "  install [--user|--sys-prefix|--prefix DIR] [--name NAME]   install the Jupyter kernel (default --user, name java-nnlab)",
            "  uninstall [--user|--sys-prefix|--prefix DIR] [--name NAME] remove it again",
            "  kernel CONNECTION_FILE                                     run the kernel (Jupyter does this)",
            "  run [--out DIR] [--figures DIR] NOTEBOOK.ipynb...          run notebooks without Jupyter (run --help)");

    private Main() {}

    /** Runs one command; exits with status 2 and the usage on a wrong command line. */
    public static void main(String[] args) throws Exception {
        configureLogging();
        // Tablesaw logs through SLF4J; with no provider it would print three warnings into the first cell using it.
        System.getProperties().putIfAbsent("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        System.getProperties().putIfAbsent("slf4j.internal.verbosity", "WARN");
        if (args.length == 0) {
            fail("no command given");
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (args[0]) {
            case "kernel" -> {
                if (rest.size() != 1) {
                    fail("kernel needs exactly one argument, the connection file Jupyter wrote");
                }
                runKernel(Paths.get(rest.get(0)));
            }
            case "install", "uninstall" -> {
                try {
                    KernelSpecInstaller.Options options = KernelSpecInstaller.Options.parse(rest);
                    System.out.println(args[0].equals("install")
                            ? KernelSpecInstaller.install(options)
                            : KernelSpecInstaller.uninstall(options));
                } catch (IllegalArgumentException | IllegalStateException e) {
                    System.err.println("nnlab " + args[0] + ": " + e.getMessage());
                    System.exit(1);
                }
            }
            case "warmup" -> Warmup.run();
            case "run" -> System.exit(withVectorModule(args).orElseGet(() -> NotebookRunner.run(rest, System.out)));
            case "-h", "--help", "help" -> System.out.println(USAGE);
            default -> fail("unknown command '" + args[0] + "'");
        }
    }

    /**
     * A jar's manifest cannot add a module, so {@code java -jar nnlab.jar run} starts without the
     * Vector API and would train on the scalar path, several times slower. When this JDK has the
     * module, runs the same command in a child JVM started with it (same JVM options, output and
     * input) and returns its exit status; empty when the module is already there or missing.
     */
    private static OptionalInt withVectorModule(String[] args) throws IOException, InterruptedException {
        String module = "jdk.incubator.vector";
        if (ModuleLayer.boot().findModule(module).isPresent() || ModuleFinder.ofSystem().find(module).isEmpty()
                || Boolean.getBoolean(RELAUNCHED)) {
            return OptionalInt.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("--add-modules", module, "-D" + RELAUNCHED + "=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(Arrays.asList(args));
        Process child = new ProcessBuilder(command).inheritIO().start();
        // Killed or interrupted, this JVM takes the child with it rather than leave it running.
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
        return OptionalInt.of(child.waitFor());
    }

    /** Set in a child started by {@link #withVectorModule}, so that it never starts another. */
    private static final String RELAUNCHED = "nnlab.relaunched";

    private static void fail(String message) {
        System.err.println("nnlab: " + message + "\n" + USAGE);
        System.exit(2);
    }

    private static void runKernel(Path connectionFile) throws Exception {
        if (!Files.isReadable(connectionFile)) {
            fail("cannot read the connection file " + connectionFile.toAbsolutePath());
        }
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(connectionFile));
        JavaKernel kernel = new JavaKernel();
        GuardedConnection connection = new GuardedConnection(props);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        Logger.getLogger("nnlab.kernel").info("kernel listening, connection file " + connectionFile);
        connection.waitUntilClose();
        System.exit(0);
    }

    /** Kernel log lines go to the stderr the JVM started with (Jupyter's log), never into a cell. */
    private static void configureLogging() {
        Logger log = Logger.getLogger("nnlab.kernel");
        ConsoleHandler handler = new ConsoleHandler();
        handler.setFormatter(new SimpleFormatter());
        log.setUseParentHandlers(false);
        log.addHandler(handler);
        log.setLevel(Level.INFO);
        Logger.getLogger("").setLevel(Level.WARNING);
    }
}
