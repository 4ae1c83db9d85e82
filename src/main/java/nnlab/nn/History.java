package nnlab.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link Sequential#fit} recorded, one value per epoch and key, like Keras'
 * {@code history.history}. Keys: {@code "loss"} (the mean of the epoch's batch losses, weighted
 * by batch size), {@code "accuracy"} for classification losses, and {@code "val_loss"},
 * {@code "val_accuracy"} when a validation split is used.
 */
public final class History {
    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private String stopReason;

    History(List<String> keys) {
        for (String k : keys) values.put(k, new ArrayList<>());
    }

    /** Appends one epoch: {@code epochValues} holds a value for every key. */
    void addEpoch(Map<String, Double> epochValues) {
        for (Map.Entry<String, List<Double>> e : values.entrySet()) e.getValue().add(epochValues.get(e.getKey()));
    }

    void stop(String reason) {
        stopReason = reason;
    }

    /** @return the training loss of every epoch */
    public List<Double> loss() {
        return get("loss");
    }

    /**
     * @param key e.g. {@code "loss"}, {@code "val_loss"}, {@code "accuracy"}, {@code "val_accuracy"}
     * @return the value of every epoch (a copy)
     * @throws IllegalArgumentException if the key was not recorded
     */
    public List<Double> get(String key) {
        List<Double> v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("History has no \"" + key + "\"; recorded keys: " + keys()
                    + (key.startsWith("val_") ? " (val_ keys need FitOptions.validationSplit)" : ""));
        }
        return List.copyOf(v);
    }

    /** @return the recorded keys, in Keras' order */
    public List<String> keys() {
        return List.copyOf(values.keySet());
    }

    /** @return the number of completed epochs */
    public int epochs() {
        return values.get("loss").size();
    }

    /** @return all values by key (an unmodifiable copy), like Keras' {@code history.history} */
    public Map<String, List<Double>> asMap() {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        for (String k : values.keySet()) copy.put(k, get(k));
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** @return why training stopped early (a NaN or infinite loss), or empty if it ran all epochs */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /** The keys with their last values. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("History(epochs=").append(epochs());
        for (Map.Entry<String, List<Double>> e : values.entrySet()) {
            List<Double> v = e.getValue();
            if (!v.isEmpty()) sb.append(", ").append(e.getKey()).append('=').append(Progbar.formatValue(v.get(v.size() - 1)));
        }
        if (stopReason != null) sb.append(", stopped: ").append(stopReason);
        return sb.append(')').toString();
    }
}
