package nnlab.display;

import java.util.Set;
import nnlab.plot.Chart;
import org.jfree.chart.JFreeChart;

/** Shows a JFreeChart built by hand, at the default chart size, keeping its own styling. */
public final class JFreeChartHook implements DisplayHook<JFreeChart> {
    @Override
    public Class<JFreeChart> type() {
        return JFreeChart.class;
    }

    @Override
    public MimeBundle render(JFreeChart chart, Set<String> requested) {
        String title = chart.getTitle() == null ? "" : " \"" + chart.getTitle().getText() + "\"";
        return Images.chart(Chart.of(chart), requested, "JFreeChart" + title);
    }
}
