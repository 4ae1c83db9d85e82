package nnlab.display;

import java.util.Set;
import nnlab.plot.Chart;

/** Shows an nnlab {@link Chart} as a sharp PNG (SVG or PDF when asked for). */
public final class ChartHook implements DisplayHook<Chart> {
    @Override
    public Class<Chart> type() {
        return Chart.class;
    }

    @Override
    public MimeBundle render(Chart chart, Set<String> requested) {
        return Images.chart(chart, requested, chart.toString());
    }
}
