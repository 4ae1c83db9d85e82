package nnlab.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the numeric CSV files that scikit-learn ships: every row is the features followed by an
 * integer class. Files like {@code iris.csv} start with a header {@code examples,features,class
 * names...}; {@code digits.csv.gz} has no header. Every problem is reported with its line number.
 */
final class CsvReader {
    private final DataFile file;
    private final String[] lines;

    CsvReader(DataFile file) {
        this.file = file;
        String text = new String(file.contents(), StandardCharsets.UTF_8);
        String[] split = text.split("\r?\n", -1);
        // a final newline leaves one empty string behind, which is not a row
        int count = split.length > 0 && split[split.length - 1].isEmpty() ? split.length - 1 : split.length;
        this.lines = Arrays.copyOf(split, count);
    }

    /** Features and labels read from the rows. */
    record Rows(float[] x, int[] labels, List<String> classNames) {}

    /**
     * Reads a file with a scikit-learn header ({@code 150,4,setosa,versicolor,virginica}) that
     * must promise {@code features} features and {@code classes} classes.
     */
    Rows withHeader(int features, int classes) {
        if (lines.length == 0) {
            throw file.fail("line 1: the file is empty; expected a header like `examples," + features
                    + ",class names...`");
        }
        String[] header = lines[0].split(",", -1);
        if (header.length != 2 + classes) {
            throw file.fail("line 1: expected a header of " + (2 + classes) + " comma-separated fields (examples, "
                    + features + ", then " + classes + " class names), found " + header.length + ": `"
                    + lines[0] + "`");
        }
        int examples = integer(header[0], 1, 1, "the number of examples");
        int declared = integer(header[1], 1, 2, "the number of features");
        if (declared != features) {
            throw file.fail("line 1, field 2: expected " + features + " features, the header says " + declared);
        }
        if (lines.length - 1 != examples) {
            throw file.fail("the header promises " + examples + " rows but the file has " + (lines.length - 1)
                    + (lines.length - 1 < examples ? " (the file is truncated)" : " (extra lines at the end)"));
        }
        List<String> names = Arrays.asList(header).subList(2, header.length);
        return rows(1, features, names);
    }

    /** Reads a headerless file in which every row has {@code features} values and a class below {@code classes}. */
    Rows withoutHeader(int features, int classes, int expectedRows) {
        if (lines.length != expectedRows) {
            throw file.fail("expected " + expectedRows + " rows, found " + lines.length
                    + (lines.length < expectedRows ? " (the file is truncated)" : " (extra lines)"));
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(Integer.toString(c));
        }
        return rows(0, features, names);
    }

    private Rows rows(int first, int features, List<String> classNames) {
        int examples = lines.length - first;
        float[] x = new float[examples * features];
        int[] labels = new int[examples];
        for (int i = 0; i < examples; i++) {
            int lineNumber = first + i + 1;
            String[] fields = lines[first + i].split(",", -1);
            if (fields.length != features + 1) {
                throw file.fail("line " + lineNumber + ": expected " + (features + 1) + " comma-separated values ("
                        + features + " features, then the class), found " + fields.length + ": `"
                        + abbreviate(lines[first + i]) + "`");
            }
            for (int j = 0; j < features; j++) {
                x[i * features + j] = number(fields[j], lineNumber, j + 1);
            }
            labels[i] = integer(fields[features], lineNumber, features + 1, "a class index");
            if (labels[i] >= classNames.size()) {
                throw file.fail("line " + lineNumber + ", column " + (features + 1) + ": class " + labels[i]
                        + " is out of range; expected 0.." + (classNames.size() - 1));
            }
        }
        return new Rows(x, labels, classNames);
    }

    private float number(String field, int line, int column) {
        try {
            float value = Float.parseFloat(field.trim());
            if (Float.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below together with the non-finite case
        }
        throw file.fail("line " + line + ", column " + column + ": expected a number, found `" + field + "`");
    }

    private int integer(String field, int line, int column, String what) {
        try {
            int value = Integer.parseInt(field.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below together with the negative case
        }
        throw file.fail("line " + line + ", column " + column + ": expected " + what
                + " (a whole number >= 0), found `" + field + "`");
    }

    private static String abbreviate(String line) {
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }
}
