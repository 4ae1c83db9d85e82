package nnlab.display;

import java.util.Locale;
import java.util.Set;
import nnlab.nn.LayerTrace;
import nnlab.nn.Trace;

/**
 * Shows a forward pass ({@code model.trace(x)}) layer by layer: the input, {@code W}, {@code b},
 * {@code z = a·W + b} and {@code a = g(z)}, each with its shape and values.
 */
public final class TraceHook implements DisplayHook<Trace> {
    static final int MAX = 8;
    static final int EDGE = 3;

    @Override
    public Class<Trace> type() {
        return Trace.class;
    }

    @Override
    public MimeBundle render(Trace trace, Set<String> requested) {
        StringBuilder html = new StringBuilder("<div>");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < trace.size(); i++) {
            html.append(layerHtml(i, trace.layer(i)));
            text.append(i == 0 ? "" : "\n").append(i).append(": ").append(trace.layer(i));
        }
        return MimeBundle.text(text.toString()).with("text/html", html.append("</div>").toString());
    }

    /** One layer as a heading and its tensors side by side; {@code index} may be -1 (unknown). */
    static String layerHtml(int index, LayerTrace layer) {
        String g = layer.activation() == null ? null : layer.activation().name().toLowerCase(Locale.ROOT);
        StringBuilder html = new StringBuilder("<div style=\"margin-bottom:1em\"><b>")
                .append(index >= 0 ? "Layer " + index + ": " : "")
                .append(Html.escape(layer.name())).append(" (").append(Html.escape(layer.type()))
                .append(g == null ? "" : ", " + g).append(")</b>")
                .append("<div style=\"display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start\">");
        part(html, "input", layer.input());
        if (layer.W() != null) {
            part(html, "W", layer.W());
            part(html, "b", layer.b());
            part(html, "z = input·W + b", layer.z());
        }
        part(html, g == null ? "a" : "a = " + g + "(z)", layer.a());
        return html.append("</div></div>").toString();
    }

    private static void part(StringBuilder html, String label, nnlab.nn.Tensor t) {
        html.append("<div>").append(TensorGrid.of(t, label + "  " + TensorGrid.shape(t.shape()), MAX, MAX, EDGE).captionOnTop().toHtml())
                .append("</div>");
    }
}
