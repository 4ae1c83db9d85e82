package nnlab.plot;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeCategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;

/**
 * Checks that chart text can be drawn with the installed fonts. Chinese, Japanese and Korean text
 * needs a CJK font; without one Java draws empty boxes, so the first time that would happen we
 * print one warning that names the package to install.
 */
final class Fonts {
    static final String ADVICE = "Install a CJK font, e.g. 'sudo apt-get install fonts-wqy-microhei'"
            + " (1.6 MB; or fonts-noto-cjk), then restart the kernel or JVM.";
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static final Font CHART_FONT = new Font(Theme.FONT_FAMILY, Font.PLAIN, 12);

    private Fonts() {}

    /** True when the chart font can draw Chinese text (checked on a few common characters). */
    static boolean cjkAvailable() {
        return CHART_FONT.canDisplayUpTo("损失曲线中文") == -1;
    }

    /** Warns once per JVM when some text of the chart would be drawn as boxes. */
    static void check(JFreeChart chart) {
        check(texts(chart), text -> CHART_FONT.canDisplayUpTo(text) == -1, WARNED, System.err::println);
    }

    static void check(List<String> texts, Predicate<String> displayable, AtomicBoolean warned, Consumer<String> out) {
        for (String text : texts) {
            if (text != null && !displayable.test(text) && warned.compareAndSet(false, true)) {
                out.accept("nnlab.plot warning: the chart text \"" + text + "\" has characters that no installed"
                        + " font can draw, so they would show as empty boxes. " + ADVICE);
                return;
            }
        }
    }

    /** The chart's titles, axis labels and legend labels. */
    static List<String> texts(JFreeChart chart) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            addTitle(texts, chart.getSubtitle(i));
        }
        addTitle(texts, chart.getTitle());
        addPlot(texts, chart.getPlot());
        return texts;
    }

    private static void addTitle(List<String> texts, Title title) {
        if (title instanceof TextTitle text) {
            texts.add(text.getText());
        }
    }

    private static void addPlot(List<String> texts, Plot plot) {
        if (plot instanceof CombinedDomainXYPlot combined) {
            combined.getSubplots().forEach(p -> addPlot(texts, p));
        }
        if (plot instanceof CombinedRangeCategoryPlot combined) {
            for (Object sub : combined.getSubplots()) {
                addPlot(texts, (Plot) sub);
            }
        }
        if (plot instanceof XYPlot xy) {
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                addAxis(texts, xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                addAxis(texts, xy.getRangeAxis(i));
            }
        }
        if (plot instanceof CategoryPlot cat) {
            for (int i = 0; i < cat.getDomainAxisCount(); i++) {
                addAxis(texts, cat.getDomainAxis(i));
            }
            for (int i = 0; i < cat.getRangeAxisCount(); i++) {
                addAxis(texts, cat.getRangeAxis(i));
            }
        }
        if (plot != null) {
            LegendItemCollection items = plot.getLegendItems();
            for (int i = 0; items != null && i < items.getItemCount(); i++) {
                LegendItem item = items.get(i);
                texts.add(item.getLabel());
            }
        }
    }

    private static void addAxis(List<String> texts, Axis axis) {
        if (axis != null) {
            texts.add(axis.getLabel());
        }
    }
}
