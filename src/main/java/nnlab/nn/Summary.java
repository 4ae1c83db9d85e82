package nnlab.nn;

import java.util.List;
import java.util.Locale;

/**
 * The layers of a model with their output shapes and parameter counts, from
 * {@link Sequential#summary()}. {@code toString()} is the Keras 2 table:
 * <pre>
 * Model: "my_model"
 * _________________________________________________________________
 *  Layer (type)                Output Shape              Param #
 * =================================================================
 *  L1 (Dense)                  (None, 25)                10025
 * ...
 * Total params: 10,575
 * </pre>
 */
public final class Summary {
    private static final int[] COLUMN_ENDS = {29, 55, 65};

    /**
     * One layer of the table.
     *
     * @param name        the layer name
     * @param type        the layer class, e.g. {@code "Dense"}
     * @param outputShape the output shape with the batch axis as {@code None}, e.g. {@code "(None, 25)"}
     * @param params      the number of trainable numbers
     */
    public record Row(String name, String type, String outputShape, int params) {}

    private final String modelName;
    private final List<Row> rows;

    Summary(String modelName, List<Row> rows) {
        this.modelName = modelName;
        this.rows = List.copyOf(rows);
    }

    /** @return the model's name */
    public String modelName() {
        return modelName;
    }

    /** @return one row per layer */
    public List<Row> rows() {
        return rows;
    }

    /** @return the total number of parameters (all are trainable) */
    public long totalParams() {
        long n = 0;
        for (Row r : rows) n += r.params();
        return n;
    }

    @Override
    public String toString() {
        String thin = "_".repeat(COLUMN_ENDS[2]);
        String thick = "=".repeat(COLUMN_ENDS[2]);
        StringBuilder sb = new StringBuilder();
        sb.append("Model: \"").append(modelName).append("\"\n").append(thin).append('\n');
        sb.append(row(" Layer (type)", "Output Shape", "Param #")).append(thick).append('\n');
        // Keras 2.9 follows every layer row with an empty line.
        for (Row r : rows) {
            sb.append(row(" " + r.name() + " (" + r.type() + ")", r.outputShape(), Integer.toString(r.params()))).append('\n');
        }
        String total = String.format(Locale.ROOT, "%,d", totalParams());
        sb.append(thick).append('\n');
        sb.append("Total params: ").append(total).append('\n');
        sb.append("Trainable params: ").append(total).append('\n');
        sb.append("Non-trainable params: 0\n");
        return sb.append(thin).toString();
    }

    /** Three fields, each left-aligned in its column and cut to fit with two spaces to spare. */
    private static String row(String... fields) {
        StringBuilder line = new StringBuilder();
        int start = 0;
        for (int c = 0; c < fields.length; c++) {
            int room = COLUMN_ENDS[c] - start - (c < fields.length - 1 ? 2 : 0);
            String f = fields[c].length() > room ? fields[c].substring(0, room) : fields[c];
            line.append(f);
            if (c < fields.length - 1) line.append(" ".repeat(COLUMN_ENDS[c] - line.length()));
            start = COLUMN_ENDS[c];
        }
        return line.append('\n').toString();
    }
}
