package nnlab.display;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of already formatted cells, rendered as escaped HTML or as aligned plain text. Callers
 * put {@link #ELLIPSIS} cells where they elided rows or columns.
 */
final class Grid {
    static final String ELLIPSIS = "…";

    private final String caption;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private boolean rowLabels;
    private boolean captionOnTop;

    Grid(String caption, List<String> header) {
        this.caption = caption;
        this.header = header;
    }

    /** The first column holds row labels (shown as header cells, like a pandas index). */
    Grid withRowLabels() {
        rowLabels = true;
        return this;
    }

    /** Puts the caption above the table (a label) instead of below it (a size note, as pandas does). */
    Grid captionOnTop() {
        captionOnTop = true;
        return this;
    }

    Grid row(List<String> cells) {
        rows.add(cells);
        return this;
    }

    Grid ellipsisRow() {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            cells.add(ELLIPSIS);
        }
        return row(cells);
    }

    String toHtml() {
        StringBuilder html = new StringBuilder("<table class=\"nnlab\">");
        if (caption != null) {
            html.append("<caption style=\"caption-side:").append(captionOnTop ? "top" : "bottom")
                    .append(";text-align:left\">").append(Html.escape(caption))
                    .append("</caption>");
        }
        if (!header.isEmpty()) {
            html.append("<thead><tr>");
            header.forEach(h -> html.append("<th>").append(Html.escape(h)).append("</th>"));
            html.append("</tr></thead>");
        }
        html.append("<tbody>");
        for (List<String> row : rows) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String tag = rowLabels && i == 0 ? "th" : "td";
                html.append('<').append(tag).append('>').append(Html.escape(row.get(i))).append("</").append(tag)
                        .append('>');
            }
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    String toText() {
        int columns = header.size();
        for (List<String> row : rows) {
            columns = Math.max(columns, row.size());
        }
        int[] widths = new int[columns];
        measure(header, widths);
        rows.forEach(r -> measure(r, widths));
        StringBuilder text = new StringBuilder();
        if (!header.isEmpty()) {
            line(text, header, widths);
        }
        rows.forEach(r -> line(text, r, widths));
        if (caption != null) {
            text.append('\n').append(caption);
        }
        return text.toString().stripTrailing();
    }

    private static void measure(List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            widths[i] = Math.max(widths[i], cells.get(i).length());
        }
    }

    private static void line(StringBuilder text, List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            text.append(i == 0 ? "" : "  ").append(" ".repeat(widths[i] - cell.length())).append(cell);
        }
        text.append('\n');
    }
}
