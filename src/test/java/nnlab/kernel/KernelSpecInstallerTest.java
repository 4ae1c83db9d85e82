package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelSpecInstallerTest {

    @Test
    void parsesScopesAndNames() throws Exception {
        KernelSpecInstaller.Options o = KernelSpecInstaller.Options.parse(List.of("--prefix", "/opt/j", "--name", "java-17"));
        assertEquals(KernelSpecInstaller.Scope.PREFIX, o.scope());
        assertEquals(Paths.get("/opt/j/share/jupyter/kernels"), KernelSpecInstaller.kernelsDirectory(o));
        assertEquals("java-17", o.name());
        KernelSpecInstaller.Options user = KernelSpecInstaller.Options.parse(List.of());
        assertEquals(KernelSpecInstaller.Scope.USER, user.scope());
        assertEquals("java-nnlab", user.name());
        assertTrue(KernelSpecInstaller.kernelsDirectory(user).endsWith("kernels"));
    }

    @Test
    void badCommandLinesSayWhatIsWrong() {
        assertEquals("--prefix needs a directory, e.g. --prefix /opt/jupyter",
                assertThrows(IllegalArgumentException.class, () -> KernelSpecInstaller.Options.parse(List.of("--prefix"))).getMessage());
        assertEquals("--name needs a name, e.g. --name java-nnlab",
                assertThrows(IllegalArgumentException.class, () -> KernelSpecInstaller.Options.parse(List.of("--name", "--user"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KernelSpecInstaller.Options.parse(List.of("--name", "my kernel")))
                .getMessage().startsWith("kernel name 'my kernel' may only use letters, digits"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KernelSpecInstaller.Options.parse(List.of("--global")))
                .getMessage().startsWith("unknown option '--global'"));
    }

    @Test
    void installRefusesToRunOutsideTheJar() {
        // Tests run from target/classes: the installer must say how to get the jar instead of writing a broken spec.
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KernelSpecInstaller.install(KernelSpecInstaller.Options.parse(List.of("--prefix", "/tmp/never-written"))));
        assertTrue(e.getMessage().startsWith("install must run from the built jar"), e.getMessage());
    }
}
