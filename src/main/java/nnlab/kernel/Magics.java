package nnlab.kernel;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nnlab.display.MimeBundle;

/**
 * The notebook's magics: line magics ({@code %name args}, on a line of their own) and cell magics
 * ({@code %%name args} on the first line, applying to the rest of the cell).
 */
final class Magics {
    static final List<String> LINE = List.of("classpath", "jars", "load", "lsmagic", "maven", "time");
    static final List<String> CELL = List.of("html", "markdown", "time");
    private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)");

    /** What magics need from the session. */
    interface Host {
        /** Evaluates {@code text[from, to)} as Java; returns the last value or {@link JavaSession#NO_VALUE}. */
        Object eval(String text, int from, int to, String where);

        /** Runs a whole cell (code and magics) that came from {@code where}. */
        Object run(String text, String where);

        void addToClasspath(List<Path> entries);

        void display(MimeBundle bundle);
    }

    private Magics() {}

    /** Runs the line magic {@code %name} whose arguments are {@code text[from, to)}. */
    static Object line(String name, String text, int from, int to, String where, Host host) {
        String args = text.substring(from, to).strip();
        switch (name) {
            case "classpath":
                host.addToClasspath(existing(tokens(args, "%classpath needs at least one path, e.g. %classpath lib/my.jar")));
                return JavaSession.NO_VALUE;
            case "jars":
                host.addToClasspath(globbed(tokens(args, "%jars needs at least one glob, e.g. %jars lib/*.jar")));
                return JavaSession.NO_VALUE;
            case "load":
                return load(tokens(args, "%load needs a file, e.g. %load helpers.jsh"), host);
            case "maven":
                host.addToClasspath(maven(tokens(args, "%maven needs coordinates, e.g. %maven org.apache.commons:commons-math3:3.6.1")));
                return JavaSession.NO_VALUE;
            case "time":
                return timed(() -> host.eval(text, from, to, where));
            case "lsmagic":
                host.display(MimeBundle.text(lsmagic()));
                return JavaSession.NO_VALUE;
            default:
                throw CellFailure.magic("unknown line magic %" + name + ". " + lsmagic());
        }
    }

    /** Runs the cell magic {@code %%name args}, whose body is {@code text[bodyFrom, end)}. */
    static Object cell(String name, String args, String text, int bodyFrom, String where, Host host) {
        String body = text.substring(bodyFrom);
        switch (name) {
            case "html":
                host.display(MimeBundle.text(body).with("text/html", body));
                return JavaSession.NO_VALUE;
            case "markdown":
                host.display(MimeBundle.text(body).with("text/markdown", body));
                return JavaSession.NO_VALUE;
            case "time":
                return timed(() -> host.eval(text, bodyFrom, text.length(), where));
            default:
                throw CellFailure.magic("unknown cell magic %%" + name + ". " + lsmagic());
        }
    }

    static String lsmagic() {
        StringBuilder s = new StringBuilder("Available line magics:");
        LINE.forEach(m -> s.append(" %").append(m));
        s.append("\nAvailable cell magics:");
        CELL.forEach(m -> s.append(" %%").append(m));
        return s.toString();
    }

    private static Object timed(java.util.function.Supplier<Object> body) {
        long start = System.nanoTime();
        try {
            return body.get();
        } finally {
            double millis = (System.nanoTime() - start) / 1e6;
            System.out.println(millis < 1000
                    ? String.format(Locale.ROOT, "Wall time: %.2f ms", millis)
                    : String.format(Locale.ROOT, "Wall time: %.3f s", millis / 1000));
        }
    }

    private static Object load(List<String> files, Host host) {
        Object value = JavaSession.NO_VALUE;
        for (String file : files) {
            Path path = Paths.get(file);
            String code;
            try {
                code = Files.readString(path);
            } catch (IOException e) {
                throw CellFailure.magic("%load could not read " + path.toAbsolutePath() + " (" + e.getClass().getSimpleName()
                        + "); check the name, relative paths start at " + Paths.get("").toAbsolutePath());
            }
            value = host.run(code, path.getFileName().toString());
        }
        return value;
    }

    private static List<Path> maven(List<String> args) {
        List<String> repositories = new ArrayList<>();
        List<String> coordinates = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--repo")) {
                if (i + 1 == args.size()) {
                    throw CellFailure.magic("--repo needs a URL, e.g. %maven --repo https://jitpack.io com.example:lib:1.0");
                }
                repositories.add(args.get(++i));
            } else {
                coordinates.add(args.get(i));
            }
        }
        if (coordinates.isEmpty()) {
            throw CellFailure.magic("%maven needs coordinates, e.g. %maven org.apache.commons:commons-math3:3.6.1");
        }
        try {
            List<Path> jars = MavenResolver.resolve(coordinates, repositories);
            System.out.println("Added " + jars.size() + " jar(s) to the classpath: "
                    + jars.stream().map(p -> p.getFileName().toString()).toList());
            return jars;
        } catch (IllegalArgumentException e) {
            throw CellFailure.magic(e.getMessage());
        } catch (Exception e) {
            throw CellFailure.magic("%maven could not resolve " + coordinates + ": " + e.getMessage()
                    + "\nCheck the coordinates and your network, or add the repository with --repo URL.");
        }
    }

    private static List<Path> existing(List<String> entries) {
        List<Path> paths = new ArrayList<>();
        for (String entry : entries) {
            Path path = Paths.get(entry).toAbsolutePath();
            if (!Files.exists(path)) {
                throw CellFailure.magic("%classpath: " + path + " does not exist (relative paths start at "
                        + Paths.get("").toAbsolutePath() + ")");
            }
            paths.add(path);
        }
        return paths;
    }

    private static List<Path> globbed(List<String> globs) {
        List<Path> paths = new ArrayList<>();
        for (String glob : globs) {
            Path pattern = Paths.get(glob).toAbsolutePath().normalize();
            Path base = pattern;
            while (base != null && base.toString().matches(".*[*?\\[{].*")) {
                base = base.getParent();
            }
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            List<Path> found = new ArrayList<>();
            if (base != null && Files.isDirectory(base)) {
                try (Stream<Path> walk = Files.walk(base)) {
                    walk.filter(p -> Files.isRegularFile(p) && matcher.matches(p)).sorted().forEach(found::add);
                } catch (IOException e) {
                    throw CellFailure.magic("%jars could not list " + base + ": " + e.getMessage());
                }
            } else if (base != null && Files.isRegularFile(base)) {
                found.add(base);
            }
            if (found.isEmpty()) {
                throw CellFailure.magic("%jars: no file matches " + pattern);
            }
            paths.addAll(found);
        }
        return paths;
    }

    private static List<String> tokens(String args, String usage) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(args);
        while (m.find()) {
            tokens.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        if (tokens.isEmpty()) {
            throw CellFailure.magic(usage);
        }
        return tokens;
    }
}
