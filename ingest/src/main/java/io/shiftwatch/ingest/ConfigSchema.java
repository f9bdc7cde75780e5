package io.shiftwatch.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A set of {@link ConfigKey}s that one command reads, and the pure parser over its sources:
 * defaults &lt; properties file &lt; environment ({@code SHIFTWATCH_*}) &lt; CLI flags. Every problem
 * (unknown flag or file key, unparsable value, broken rule, missing required key) is collected and
 * reported together. Other modules build their schema with {@link #plus}.
 */
public record ConfigSchema(List<ConfigKey<?>> keys) {
    public ConfigSchema {
        keys = List.copyOf(keys);
        Map<String, ConfigKey<?>> seen = new HashMap<>();
        for (ConfigKey<?> key : keys) {
            if (seen.put(key.name(), key) != null) {
                throw new IllegalArgumentException("config key " + key.name() + " is defined twice");
            }
        }
    }

    public static ConfigSchema of(ConfigKey<?>... keys) {
        return new ConfigSchema(List.of(keys));
    }

    /** This schema plus {@code more}; a key given again replaces the earlier definition (e.g. made required). */
    public ConfigSchema plus(ConfigKey<?>... more) {
        Map<String, ConfigKey<?>> merged = new LinkedHashMap<>();
        Stream.concat(keys.stream(), Stream.of(more)).forEach(k -> merged.put(k.name(), k));
        return new ConfigSchema(new ArrayList<>(merged.values()));
    }

    public boolean contains(ConfigKey<?> key) {
        return keys.stream().anyMatch(k -> k.name().equals(key.name()));
    }

    /** Parses the three sources; {@code file} maps dotted names to text, {@code env} is the process environment. */
    public ConfigParse parse(Map<String, String> file, Map<String, String> env, List<String> args) {
        List<String> problems = new ArrayList<>();
        Map<String, Source> raw = new HashMap<>();
        file.forEach((name, value) -> {
            if (keys.stream().anyMatch(k -> k.name().equals(name))) {
                raw.put(name, new Source(value, name + " in the config file"));
            } else {
                problems.add("unknown key \"" + name + "\" in the config file (see --help for the keys)");
            }
        });
        for (ConfigKey<?> key : keys) {
            if (env.containsKey(key.envName())) {
                raw.put(key.name(), new Source(env.get(key.envName()), "environment " + key.envName()));
            }
        }
        List<String> positional = new ArrayList<>();
        new FlagScanner(this, args).scan(raw, positional, problems);
        Map<String, Object> values = new HashMap<>();
        for (ConfigKey<?> key : keys) {
            resolve(key, raw.get(key.name()), values, problems);
        }
        return problems.isEmpty() ? new ConfigParse.Parsed(new Config(this, values, positional))
                : new ConfigParse.Problems(problems);
    }

    private static <T> void resolve(ConfigKey<T> key, Source source, Map<String, Object> values, List<String> problems) {
        if (source == null) {
            if (key.defaultValue() != null) {
                values.put(key.name(), key.defaultValue());
            } else if (key.required()) {
                problems.add(key.name() + " is required: set " + key.howToSet());
            }
            return;
        }
        String shown = key.secret() ? "(secret)" : "\"" + source.text() + "\"";
        T value;
        try {
            value = key.type().parse().apply(source.text());
        } catch (IllegalArgumentException e) {
            problems.add(key.name() + " from " + source.origin() + ": " + (key.secret() ? "invalid secret" : e.getMessage()));
            return;
        }
        if (!key.rule().test(value)) {
            problems.add(key.name() + " from " + source.origin() + " must " + key.ruleText() + " but was " + shown);
            return;
        }
        values.put(key.name(), value);
    }

    /** The key table for {@code --help}: flag, environment variable, type, default, description. */
    public String helpTable() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"FLAG", "ENVIRONMENT", "TYPE", "DEFAULT", "DESCRIPTION"});
        for (ConfigKey<?> key : keys) {
            String rule = key.ruleText().isEmpty() ? "" : " (must " + key.ruleText() + ")";
            rows.add(new String[]{key.flag(), key.envName(), key.type().name(), defaultText(key),
                    key.description() + rule});
        }
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                out.append(String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            out.append(row[4]).append('\n');
        }
        return out.toString();
    }

    private static <T> String defaultText(ConfigKey<T> key) {
        if (key.defaultValue() != null) {
            return key.type().print().apply(key.defaultValue());
        }
        return key.required() ? "(required)" : "(none)";
    }

    record Source(String text, String origin) {
    }
}
