package nnlab.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Writes (or removes) the kernelspec directory Jupyter looks for: {@code kernel.json} from the
 * template in {@code kernel-ext/}, the logos, and a copy of the running jar, so that the kernel
 * keeps working after {@code mvn clean}. Re-installing replaces the whole directory.
 */
final class KernelSpecInstaller {
    static final String DEFAULT_NAME = "java-nnlab";
    private static final String EXT = "/nnlab/kernel-ext/";

    enum Scope { USER, SYS_PREFIX, PREFIX }

    /** Where to install: the scope, the prefix directory (only for {@link Scope#PREFIX}) and the kernel name. */
    record Options(Scope scope, Path prefix, String name) {
        static Options parse(List<String> args) {
            Scope scope = Scope.USER;
            Path prefix = null;
            String name = DEFAULT_NAME;
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--user" -> scope = Scope.USER;
                    case "--sys-prefix" -> scope = Scope.SYS_PREFIX;
                    case "--prefix" -> {
                        scope = Scope.PREFIX;
                        prefix = Paths.get(value(args, ++i, "--prefix needs a directory, e.g. --prefix /opt/jupyter"));
                    }
                    case "--name" -> name = value(args, ++i, "--name needs a name, e.g. --name java-nnlab");
                    default -> throw new IllegalArgumentException("unknown option '" + args.get(i) + "'\n" + Main.USAGE);
                }
            }
            if (!name.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("kernel name '" + name + "' may only use letters, digits, '.', '_' and '-'"
                        + " (Jupyter's rule for kernelspec names)");
            }
            return new Options(scope, prefix, name);
        }

        private static String value(List<String> args, int i, String message) {
            if (i >= args.size() || args.get(i).startsWith("--")) {
                throw new IllegalArgumentException(message);
            }
            return args.get(i);
        }
    }

    private KernelSpecInstaller() {}

    static String install(Options options) throws IOException {
        Path jar = runningJar();
        Path dir = kernelsDirectory(options).resolve(options.name());
        deleteTree(dir);
        Files.createDirectories(dir);
        Path installedJar = dir.resolve("nnlab.jar");
        Files.copy(jar, installedJar, StandardCopyOption.REPLACE_EXISTING);
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String displayName = options.name().equals(DEFAULT_NAME) ? "Java (nnlab)" : "Java (nnlab: " + options.name() + ")";
        JsonObject spec = JsonParser.parseString(resource("kernel.json")).getAsJsonObject();
        List<String> argv = new ArrayList<>();
        spec.getAsJsonArray("argv").forEach(e -> argv.add(e.getAsString()));
        argv.replaceAll(a -> a.replace("@JAVA@", java).replace("@JAR@", installedJar.toString()));
        spec.addProperty("display_name", displayName);
        Path archive = dir.resolve("nnlab.jsa");
        if (createClassArchive(argv, archive)) {
            argv.add(argv.indexOf("-jar"), "-XX:SharedArchiveFile=" + archive);
        }
        JsonArray argvJson = new JsonArray();
        argv.forEach(argvJson::add);
        spec.add("argv", argvJson);
        Files.writeString(dir.resolve("kernel.json"), new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n");
        for (String logo : List.of("logo-32x32.png", "logo-64x64.png")) {
            try (InputStream in = KernelSpecInstaller.class.getResourceAsStream(EXT + logo)) {
                Files.copy(in, dir.resolve(logo));
            }
        }
        return "Installed the Java kernel '" + options.name() + "' in " + dir;
    }

    /**
     * Runs the kernel's warm-up once with the spec's JVM options, recording the classes it loads in a
     * class-data-sharing archive that later starts map instead of loading and verifying every class.
     */
    private static boolean createClassArchive(List<String> argv, Path archive) {
        List<String> command = new ArrayList<>(argv.subList(0, argv.indexOf("-jar") + 2));
        command.add(command.size() - 2, "-XX:ArchiveClassesAtExit=" + archive);
        command.add("warmup");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean done = p.waitFor(180, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            return done && p.exitValue() == 0 && Files.size(archive) > 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String uninstall(Options options) throws IOException {
        Path dir = kernelsDirectory(options).resolve(options.name());
        if (!Files.isDirectory(dir)) {
            return "No kernel '" + options.name() + "' in " + dir.getParent() + "; nothing removed.";
        }
        deleteTree(dir);
        return "Removed the Java kernel '" + options.name() + "' from " + dir;
    }

    /** The {@code kernels} directory Jupyter reads for the scope (see {@code jupyter --paths}). */
    static Path kernelsDirectory(Options options) throws IOException {
        return switch (options.scope()) {
            case PREFIX -> options.prefix().toAbsolutePath().resolve("share/jupyter/kernels");
            case SYS_PREFIX -> Paths.get(jupyterSysPrefix(), "share", "jupyter", "kernels");
            case USER -> userDataDirectory().resolve("kernels");
        };
    }

    private static Path userDataDirectory() {
        String dataDir = System.getenv("JUPYTER_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            return Paths.get(dataDir);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Paths.get(xdg, "jupyter");
        }
        return Paths.get(System.getProperty("user.home"), ".local", "share", "jupyter");
    }

    /** sys.prefix of the Python that runs {@code jupyter} (found on PATH, read from its #! line). */
    private static String jupyterSysPrefix() throws IOException {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path jupyter = Paths.get(dir, "jupyter");
            if (Files.isExecutable(jupyter)) {
                String first = Files.readAllLines(jupyter, StandardCharsets.ISO_8859_1).stream().findFirst().orElse("");
                String python = first.startsWith("#!") ? first.substring(2).strip().split("\\s+")[0] : "python3";
                Process p = new ProcessBuilder(python, "-c", "import sys; print(sys.prefix)").redirectErrorStream(true).start();
                try {
                    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                    if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()) {
                        return out;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        throw new IllegalStateException("--sys-prefix needs the 'jupyter' command on PATH to find its Python;"
                + " install Jupyter (apt-get install jupyter-notebook) or use --user or --prefix DIR");
    }

    private static Path runningJar() {
        try {
            Path location = Paths.get(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location) || !location.toString().endsWith(".jar")) {
                throw new IllegalStateException("install must run from the built jar: mvn -B package -DskipTests,"
                        + " then java -jar target/nnlab.jar install (running from " + location + ")");
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the running jar: " + e.getMessage());
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = KernelSpecInstaller.class.getResourceAsStream(EXT + name)) {
            if (in == null) {
                throw new IllegalStateException(EXT + name + " is missing from the jar; rebuild it with mvn package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
