package nnlab.display;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a notebook front end receives for one value: the same value in several MIME types
 * ({@code text/plain}, {@code text/html}, {@code image/png} as base64, ...), plus optional
 * per-type metadata (for example an image's display width).
 *
 * <p>Every bundle made by nnlab carries a {@code text/plain} fallback, so that a viewer that
 * understands nothing else still shows something meaningful.
 */
public final class MimeBundle {
    private final Map<String, Object> data = new LinkedHashMap<>();
    private final Map<String, Object> metadata = new LinkedHashMap<>();

    private MimeBundle() {}

    /** A bundle holding only {@code text/plain}. */
    public static MimeBundle text(String plain) {
        return new MimeBundle().with("text/plain", plain);
    }

    /** Adds or replaces the value for one MIME type; returns this bundle. */
    public MimeBundle with(String mimeType, Object value) {
        data.put(mimeType, value);
        return this;
    }

    /** Adds metadata for one MIME type (for example {@code Map.of("width", 800)}); returns this bundle. */
    public MimeBundle withMetadata(String mimeType, Object value) {
        metadata.put(mimeType, value);
        return this;
    }

    /** The MIME type to value map, in insertion order; read-only. */
    public Map<String, Object> data() {
        return Collections.unmodifiableMap(data);
    }

    /** The MIME type to metadata map; read-only. */
    public Map<String, Object> metadata() {
        return Collections.unmodifiableMap(metadata);
    }

    @Override
    public String toString() {
        return "MimeBundle" + data.keySet();
    }
}
