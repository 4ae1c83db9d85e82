package nnlab.display;

import java.util.List;
import java.util.Set;
import nnlab.nn.Summary;

/** Shows {@code model.summary()} as an HTML table with Keras' columns and totals. */
public final class SummaryHook implements DisplayHook<Summary> {
    @Override
    public Class<Summary> type() {
        return Summary.class;
    }

    @Override
    public MimeBundle render(Summary summary, Set<String> requested) {
        return MimeBundle.text(summary.toString()).with("text/html", html(summary));
    }

    static String html(Summary summary) {
        Grid grid = new Grid(null, List.of("Layer (type)", "Output Shape", "Param #"));
        for (Summary.Row row : summary.rows()) {
            grid.row(List.of(row.name() + " (" + row.type() + ")", row.outputShape(), Html.count(row.params())));
        }
        String total = Html.count(summary.totalParams());
        return "<div><b>Model: \"" + Html.escape(summary.modelName()) + "\"</b>" + grid.toHtml()
                + "<div>Total params: " + total + "<br>Trainable params: " + total
                + "<br>Non-trainable params: 0</div></div>";
    }
}
