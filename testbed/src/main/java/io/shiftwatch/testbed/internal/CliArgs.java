package io.shiftwatch.testbed.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parsed {@code --name value} options of one subcommand; rejects unknown and missing options by name. */
public final class CliArgs {
    private final String command;
    private final Map<String, String> values = new HashMap<>();

    private CliArgs(String command) {
        this.command = command;
    }

    /** Parses {@code args} (after the subcommand name), accepting only {@code known} option names. */
    public static CliArgs parse(String command, List<String> args, Set<String> known) {
        CliArgs parsed = new CliArgs(command);
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!name.startsWith("--") || !known.contains(name.substring(2)))
                throw new IllegalArgumentException(command + ": unknown option '" + name + "'; known: --" + String.join(", --", known));
            if (i + 1 >= args.size()) throw new IllegalArgumentException(command + ": option " + name + " needs a value");
            parsed.values.put(name.substring(2), args.get(++i));
        }
        return parsed;
    }

    public Path path(String name) {
        return Path.of(required(name));
    }

    public String required(String name) {
        String v = values.get(name);
        if (v == null) throw new IllegalArgumentException(command + ": option --" + name + " is required");
        return v;
    }

    /** Whether {@code --name} was given. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String string(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    public int integer(String name, int defaultValue, int min, int max) {
        long v = longValue(name, defaultValue);
        if (v < min || v > max)
            throw new IllegalArgumentException(command + ": --" + name + " must be in " + min + ".." + max + ", got " + v);
        return (int) v;
    }

    public long longValue(String name, long defaultValue) {
        String v = values.get(name);
        if (v == null) return defaultValue;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(command + ": --" + name + " must be an integer, got '" + v + "'");
        }
    }
}
