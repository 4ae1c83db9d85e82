package nnlab.kernel;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * Loads compiled cells (instrumented by {@link StopInstrumenter}) and the jars added with
 * {@code %classpath}, {@code %jars} or {@code %maven}, on top of the kernel's own classes.
 */
final class SnippetLoader implements LoaderDelegate {
    private final CellClassLoader loader;

    SnippetLoader(ClassLoader parent) {
        loader = new CellClassLoader(parent);
    }

    /** The class loader of notebook code (also the context class loader while a cell runs). */
    ClassLoader classLoader() {
        return loader;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException {
        boolean[] installed = new boolean[classes.length];
        for (ClassBytecodes c : classes) {
            loader.pending.put(c.name(), StopInstrumenter.instrument(c.bytecodes()));
        }
        try {
            for (int i = 0; i < classes.length; i++) {
                loader.loadClass(classes[i].name());
                installed[i] = true;
            }
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ClassInstallException("could not load a compiled cell: " + e, installed);
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
        // DirectExecutionControl refuses redefinition, so JShell always loads fresh classes instead.
    }

    @Override
    public void addToClasspath(String path) throws InternalException {
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                loader.add(Paths.get(entry).toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new InternalException("not a valid classpath entry: " + entry);
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        return loader.loadClass(name);
    }

    private static final class CellClassLoader extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        final Map<String, byte[]> pending = new ConcurrentHashMap<>();

        CellClassLoader(ClassLoader parent) {
            super("notebook", new URL[0], parent);
        }

        void add(URL url) {
            addURL(url);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = pending.remove(name);
            if (bytes != null) {
                return defineClass(name, bytes, 0, bytes.length);
            }
            return super.findClass(name);
        }
    }
}
