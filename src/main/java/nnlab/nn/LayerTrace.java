package nnlab.nn;

/**
 * What one layer did in a forward pass (see {@link Sequential#trace}): its input, its weights,
 * {@code z = input·W + b} and the output {@code a = g(z)}.
 *
 * @param name       the layer's name
 * @param type       the layer's class name, e.g. {@code "Dense"}
 * @param activation the activation {@code g}, or null for a layer without one (Flatten)
 * @param input      the batch that went in
 * @param W          the kernel, or null for a layer without weights
 * @param b          the bias, or null for a layer without weights
 * @param z          the value before the activation, or null for a layer without weights
 * @param a          the output
 */
public record LayerTrace(String name, String type, Activation activation,
                         Tensor input, Tensor W, Tensor b, Tensor z, Tensor a) {

    /** A short description: name, type, activation and shapes. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(" (").append(type).append(')');
        if (activation != null) sb.append(" g=").append(activation.name().toLowerCase(java.util.Locale.ROOT));
        sb.append(": input ").append(Tensor.shapeString(input.shape()));
        if (W != null) {
            sb.append(", W ").append(Tensor.shapeString(W.shape())).append(", b ").append(Tensor.shapeString(b.shape()))
              .append(", z ").append(Tensor.shapeString(z.shape()));
        }
        return sb.append(", a ").append(Tensor.shapeString(a.shape())).toString();
    }
}
