package io.shiftwatch.ingest;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One configuration key, defined once: dotted {@code name} (properties-file key), {@code type},
 * {@code defaultValue} (null: none), whether it is {@code required}, whether it is a {@code secret}
 * (never printed), a validation {@code rule} (test + text) and a description. The environment
 * variable ({@code SHIFTWATCH_HTTP_PORT}) and CLI flag ({@code --http-port}) derive from the name.
 */
public record ConfigKey<T>(String name, ConfigType<T> type, T defaultValue, boolean required, Predicate<T> rule,
                           String ruleText, String description) {
    public ConfigKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(description, "description");
        if (name == null || !name.matches("[a-z][a-z0-9]*([.-][a-z0-9]+)*")) {
            throw new IllegalArgumentException("config key name must be lowercase dotted words but was \"" + name + "\"");
        }
        if (defaultValue != null && !rule.test(defaultValue)) {
            throw new IllegalArgumentException("default of " + name + " breaks its own rule: " + ruleText);
        }
    }

    /** An optional key without default or rule. */
    public static <T> ConfigKey<T> of(String name, ConfigType<T> type, String description) {
        return new ConfigKey<>(name, type, null, false, v -> true, "", description);
    }

    public ConfigKey<T> withDefault(T value) {
        return new ConfigKey<>(name, type, value, required, rule, ruleText, description);
    }

    public ConfigKey<T> asRequired() {
        return new ConfigKey<>(name, type, defaultValue, true, rule, ruleText, description);
    }

    /** Adds a validation rule; {@code text} completes "must ..." e.g. "be within 1..65535". */
    public ConfigKey<T> validatedBy(Predicate<T> test, String text) {
        return new ConfigKey<>(name, type, defaultValue, required, test, text, description);
    }

    public boolean secret() {
        return type == ConfigType.SECRET;
    }

    public String envName() {
        return "SHIFTWATCH_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String flag() {
        return "--" + name.replace('.', '-');
    }

    /** "--http-port / SHIFTWATCH_HTTP_PORT / http.port": every way to set this key. */
    public String howToSet() {
        return flag() + " / " + envName() + " / " + name + " in the config file";
    }
}
