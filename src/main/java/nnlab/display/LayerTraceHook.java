package nnlab.display;

import java.util.Set;
import nnlab.nn.LayerTrace;

/** Shows one layer of a forward pass ({@code trace.layer(i)}), so a pass can be stepped cell by cell. */
public final class LayerTraceHook implements DisplayHook<LayerTrace> {
    @Override
    public Class<LayerTrace> type() {
        return LayerTrace.class;
    }

    @Override
    public MimeBundle render(LayerTrace layer, Set<String> requested) {
        return MimeBundle.text(layer.toString()).with("text/html", TraceHook.layerHtml(-1, layer));
    }
}
