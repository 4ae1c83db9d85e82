package nnlab.display;

import java.util.Set;

/**
 * Turns values of one Java type into a {@link MimeBundle}. Implementations are found with
 * {@link java.util.ServiceLoader} (list them in {@code META-INF/services/nnlab.display.DisplayHook}),
 * so a jar added to a notebook's classpath can teach the kernel to show its own types.
 *
 * <p>When several hooks accept a value, the one registered for the most specific type wins.
 *
 * @param <T> the type this hook renders
 */
public interface DisplayHook<T> {

    /** The type of value this hook renders (subtypes included). */
    Class<T> type();

    /**
     * Renders one value.
     *
     * @param value     never null
     * @param requested MIME types the caller asked for, e.g. {@code image/svg+xml}; empty means
     *                  "this hook's defaults"
     * @return a bundle that always includes {@code text/plain}
     */
    MimeBundle render(T value, Set<String> requested);
}
