package nnlab.nn;

import java.util.List;

/**
 * A forward pass recorded layer by layer, from {@link Sequential#trace}, so that each step
 * {@code z = a·W + b}, {@code a = g(z)} can be looked at on its own.
 */
public final class Trace {
    private final List<LayerTrace> layers;

    Trace(List<LayerTrace> layers) {
        this.layers = List.copyOf(layers);
    }

    /**
     * @param i the layer index, 0 for the first layer
     * @return that layer's record
     */
    public LayerTrace layer(int i) {
        if (i < 0 || i >= layers.size()) {
            throw new IndexOutOfBoundsException("trace.layer(" + i + "): the model has " + layers.size()
                    + " layers, indices 0.." + (layers.size() - 1));
        }
        return layers.get(i);
    }

    /**
     * @param name a layer name
     * @return that layer's record
     * @throws IllegalArgumentException if no layer has that name
     */
    public LayerTrace layer(String name) {
        for (LayerTrace t : layers) if (t.name().equals(name)) return t;
        throw new IllegalArgumentException("trace.layer(\"" + name + "\"): no such layer; the layers are "
                + layers.stream().map(LayerTrace::name).toList());
    }

    /** @return all records, first layer first */
    public List<LayerTrace> layers() {
        return layers;
    }

    /** @return the number of layers */
    public int size() {
        return layers.size();
    }

    /** @return the model's output (the last layer's {@code a}) */
    public Tensor output() {
        return layers.get(layers.size() - 1).a();
    }

    /** One line per layer. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Trace of ").append(layers.size()).append(" layers");
        for (LayerTrace t : layers) sb.append("\n  ").append(t);
        return sb.toString();
    }
}
