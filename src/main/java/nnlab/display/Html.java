package nnlab.display;

import java.math.BigDecimal;
import java.math.MathContext;

/** Escaping and number formatting for the HTML the hooks produce. */
final class Html {
    private Html() {}

    /** Escapes text for use in HTML element content and quoted attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A number for a table cell: integers as they are, others to 6 significant digits without
     * trailing zeros, switching to scientific notation for very small or large magnitudes.
     */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "inf" : "-inf";
        }
        double abs = Math.abs(v);
        if (abs != 0 && (abs < 1e-4 || abs >= 1e9)) {
            return String.format(java.util.Locale.ROOT, "%.4e", v);
        }
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** An integer with thousands separators, as Keras prints parameter counts (10,575). */
    static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
