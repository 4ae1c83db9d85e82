package nnlab.display;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The registry of {@link DisplayHook}s: the hooks found on the classpath with
 * {@link ServiceLoader}, plus any registered at run time. Rendering picks the hook whose type is
 * the most specific supertype of the value; values no hook accepts show as {@code String.valueOf}.
 */
public final class DisplayHooks {
    private static final List<DisplayHook<?>> HOOKS = new CopyOnWriteArrayList<>();
    private static volatile boolean loaded;

    private DisplayHooks() {}

    /** Registers a hook ahead of those of the same type found on the classpath. */
    public static void register(DisplayHook<?> hook) {
        loadOnce();
        HOOKS.add(0, hook);
    }

    /**
     * Looks again for hooks with the given class loader (the kernel calls this after
     * {@code %classpath} or {@code %maven} added jars).
     */
    public static synchronized void reload(ClassLoader loader) {
        List<DisplayHook<?>> found = new ArrayList<>();
        for (DisplayHook<?> hook : ServiceLoader.load(DisplayHook.class, loader)) {
            boolean known = HOOKS.stream().anyMatch(h -> h.getClass().getName().equals(hook.getClass().getName()));
            if (!known) {
                found.add(hook);
            }
        }
        HOOKS.addAll(found);
        loaded = true;
    }

    /** The hooks currently known, most recently registered first. */
    public static List<DisplayHook<?>> hooks() {
        loadOnce();
        return List.copyOf(HOOKS);
    }

    /**
     * Renders a value into a bundle. {@code requested} MIME types are passed to the hook; a value no
     * hook accepts (or null) gets a plain-text bundle.
     */
    public static MimeBundle render(Object value, String... requested) {
        Set<String> wanted = new LinkedHashSet<>(Arrays.asList(requested));
        if (value == null) {
            return MimeBundle.text("null");
        }
        if (value instanceof MimeBundle bundle) {
            return bundle;
        }
        DisplayHook<?> hook = find(value.getClass());
        if (hook == null) {
            return MimeBundle.text(String.valueOf(value));
        }
        return renderWith(hook, value, wanted);
    }

    /** The hook that would render values of this class, or null when none accepts it. */
    public static DisplayHook<?> find(Class<?> type) {
        loadOnce();
        DisplayHook<?> best = null;
        for (DisplayHook<?> hook : HOOKS) {
            if (hook.type().isAssignableFrom(type)
                    && (best == null || best.type().isAssignableFrom(hook.type()) && best.type() != hook.type())) {
                best = hook;
            }
        }
        return best;
    }

    @SuppressWarnings("unchecked")
    private static <T> MimeBundle renderWith(DisplayHook<T> hook, Object value, Set<String> wanted) {
        return hook.render((T) value, wanted);
    }

    private static void loadOnce() {
        if (!loaded) {
            reload(DisplayHooks.class.getClassLoader());
        }
    }
}
