package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MagicsTest extends SessionTest {
    @BeforeAll
    static void start() {
        session = JavaSession.start();
    }

    @Test
    void htmlAndMarkdownCellMagicsDisplayTheirBody() {
        Recorder r = new Recorder();
        ok("%%html\n<b>bold</b>", r);
        ok("%%markdown\n# Title", r);
        assertEquals("<b>bold</b>", r.bundles.get(0).data().get("text/html"));
        assertEquals("# Title", r.bundles.get(1).data().get("text/markdown"));
    }

    @Test
    void timeMagicsRunTheCodeAndReportWallTime() {
        Recorder r = new Recorder();
        CellResult line = ok("%time int timed = 20 + 1", r);
        assertTrue(r.stdout.toString().matches("Wall time: \\d+\\.\\d\\d ms\\n"), r.stdout::toString);
        Recorder r2 = new Recorder();
        CellResult cell = ok("%%time\nThread.sleep(30);\ntimed * 2", r2);
        assertEquals("42", cell.value().data().get("text/plain"));
        double millis = Double.parseDouble(r2.stdout.toString().replaceAll("[^0-9.]", ""));
        assertTrue(millis >= 30, r2.stdout::toString);
        assertEquals(null, line.value());
    }

    @Test
    void lineMagicsMixWithCode() {
        Recorder r = new Recorder();
        CellResult result = ok("int before = 1;\n%time int during = 2;\nbefore + during", r);
        assertEquals("3", result.value().data().get("text/plain"));
    }

    @Test
    void lsmagicListsEveryMagic() {
        Recorder r = new Recorder();
        ok("%lsmagic", r);
        String text = (String) r.bundles.get(0).data().get("text/plain");
        for (String m : new String[] {"%classpath", "%jars", "%load", "%maven", "%time", "%%time", "%%html", "%%markdown"}) {
            assertTrue(text.contains(m), text);
        }
    }

    @Test
    void unknownMagicsAndMissingArgumentsSayWhatToDo() {
        assertTrue(error("%nosuch 1").message().startsWith("unknown line magic %nosuch."));
        assertTrue(error("%%nosuch\nx").message().startsWith("unknown cell magic %%nosuch."));
        assertEquals("%classpath needs at least one path, e.g. %classpath lib/my.jar", error("%classpath").message());
        assertTrue(error("%classpath /no/such/dir.jar").message().contains("/no/such/dir.jar does not exist"));
        assertTrue(error("%jars /no/such/*.jar").message().startsWith("%jars: no file matches /no/such/*.jar"));
        assertTrue(error("%load /no/such/file.jsh").message().startsWith("%load could not read /no/such/file.jsh"));
        assertTrue(error("%maven not-a-coordinate").message().startsWith("'not-a-coordinate' is not a Maven coordinate"));
    }

    @Test
    void loadRunsAFileWithErrorsPointingIntoIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("helpers.jsh"), "int triple(int v) { return 3 * v; }\nint loaded = triple(4);\n");
        assertEquals("12", ok("%load " + file + "\nloaded", new Recorder()).value().data().get("text/plain"));
        Path broken = Files.writeString(dir.resolve("broken.jsh"), "int fine = 1;\nint broken = \"no\";\n");
        String text = error("%load " + broken).plainText();
        assertTrue(text.startsWith("Compile error in broken.jsh, line 2, column 14:"), text);
    }

    @Test
    void classpathAddsAJarWhoseDisplayHookIsFoundAndUsed(@TempDir Path dir) throws Exception {
        Path jar = TestJars.build(dir.resolve("temperature.jar"), Map.of(
                "demo/Celsius.java", "package demo; public record Celsius(double degrees) {}",
                "demo/CelsiusHook.java", """
                        package demo;
                        import java.util.Set;
                        import nnlab.display.*;
                        public class CelsiusHook implements DisplayHook<Celsius> {
                            public Class<Celsius> type() { return Celsius.class; }
                            public MimeBundle render(Celsius c, Set<String> requested) {
                                return MimeBundle.text(c.degrees() + " °C").with("text/html", "<b>" + c.degrees() + " &deg;C</b>");
                            }
                        }
                        """),
                Map.of("META-INF/services/nnlab.display.DisplayHook", "demo.CelsiusHook\n"));
        ok("%classpath " + jar, new Recorder());
        CellResult result = ok("new demo.Celsius(21.5)", new Recorder());
        assertEquals("<b>21.5 &deg;C</b>", result.value().data().get("text/html"));
        assertEquals("21.5 °C", result.value().data().get("text/plain"));
    }

    @Test
    void jarsAddsEveryJarMatchingAGlob(@TempDir Path dir) throws Exception {
        TestJars.build(dir.resolve("lib/one.jar"), Map.of("glob1/One.java", "package glob1; public class One { public static int v() { return 1; } }"), Map.of());
        TestJars.build(dir.resolve("lib/two.jar"), Map.of("glob2/Two.java", "package glob2; public class Two { public static int v() { return 2; } }"), Map.of());
        ok("%jars " + dir + "/lib/*.jar", new Recorder());
        assertEquals("3", ok("glob1.One.v() + glob2.Two.v()", new Recorder()).value().data().get("text/plain"));
    }

    @Test
    void mavenResolvesTransitivelyFromAFileRepositoryOffline(@TempDir Path dir) throws Exception {
        Path repo = dir.resolve("repo");
        Path words = TestJars.build(repo.resolve("org/example/words/1.0/words-1.0.jar"),
                Map.of("org/example/words/Words.java", "package org.example.words; public class Words { public static String hello() { return \"hello from words\"; } }"),
                Map.of());
        Files.writeString(repo.resolve("org/example/words/1.0/words-1.0.pom"), pom("words", ""));
        TestJars.build(repo.resolve("org/example/greeter/1.0/greeter-1.0.jar"),
                Map.of("org/example/greeter/Greeter.java", "package org.example.greeter; public class Greeter { public static String greet() { return org.example.words.Words.hello() + \"!\"; } }"),
                Map.of(), words);
        Files.writeString(repo.resolve("org/example/greeter/1.0/greeter-1.0.pom"), pom("greeter",
                "<dependencies><dependency><groupId>org.example</groupId><artifactId>words</artifactId><version>1.0</version></dependency></dependencies>"));

        String previous = System.getProperty("maven.repo.local");
        System.setProperty("maven.repo.local", dir.resolve("local").toString());
        try {
            Recorder r = new Recorder();
            ok("%maven --repo " + repo.toUri() + " org.example:greeter:1.0", r);
            assertTrue(r.stdout.toString().contains("greeter-1.0.jar") && r.stdout.toString().contains("words-1.0.jar"), r.stdout::toString);
            assertEquals("hello from words!", ok("org.example.greeter.Greeter.greet()", new Recorder()).value().data().get("text/plain"));
            assertTrue(Files.exists(dir.resolve("local/org/example/words/1.0/words-1.0.jar")), "resolved into the local repository");
        } finally {
            if (previous == null) {
                System.clearProperty("maven.repo.local");
            } else {
                System.setProperty("maven.repo.local", previous);
            }
        }
    }

    private static String pom(String artifact, String dependencies) {
        return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
                + "<groupId>org.example</groupId><artifactId>" + artifact + "</artifactId><version>1.0</version>"
                + dependencies + "</project>";
    }
}
