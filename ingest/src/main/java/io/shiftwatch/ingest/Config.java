package io.shiftwatch.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parsed, validated configuration values of one {@link ConfigSchema}, plus the positional
 * arguments that were not flags. Values are typed by their {@link ConfigKey}; secrets stay
 * wrapped in {@link Secret}. Immutable.
 */
public final class Config {
    private final ConfigSchema schema;
    private final Map<String, Object> values;
    private final List<String> positional;

    Config(ConfigSchema schema, Map<String, Object> values, List<String> positional) {
        this.schema = schema;
        this.values = Map.copyOf(values);
        this.positional = List.copyOf(positional);
    }

    /** The value of a required or defaulted key; use {@link #optional} for keys that may be unset. */
    public <T> T get(ConfigKey<T> key) {
        return optional(key).orElseThrow(() -> new IllegalStateException(
                key.name() + " has no value and no default; read it with optional()"));
    }

    public <T> Optional<T> optional(ConfigKey<T> key) {
        if (!schema.contains(key)) {
            throw new IllegalArgumentException(key.name() + " is not part of this configuration's schema");
        }
        @SuppressWarnings("unchecked")
        T value = (T) values.get(key.name());
        return Optional.ofNullable(value);
    }

    /** Arguments that were not flags, in order (e.g. the directory of {@code watch DIR}). */
    public List<String> positional() {
        return positional;
    }

    /** One "name = value" line per set key, secrets masked: safe to log at start-up. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (ConfigKey<?> key : schema.keys()) {
            Object value = values.get(key.name());
            if (value != null) {
                out.append(key.name()).append(" = ").append(printed(key, value)).append('\n');
            }
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static <T> String printed(ConfigKey<T> key, Object value) {
        return key.type().print().apply((T) value);
    }
}
