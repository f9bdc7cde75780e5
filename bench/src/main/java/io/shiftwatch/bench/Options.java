package io.shiftwatch.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Command-line options of a benchmark: {@code --name value} pairs, each read with a default.
 * An unknown option, a missing value or a malformed number is an error naming the option.
 */
public final class Options {
    private final Map<String, String> values = new HashMap<>();

    public Options(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value pairs, got '" + args[i]
                        + "' (run ./shiftwatch bench --help)");
            }
            values.put(args[i].substring(2), args[++i]);
        }
    }

    public String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        return ints(name, new int[] {fallback})[0];
    }

    public double number(String name, double fallback) {
        String v = values.get(name);
        try {
            return v == null ? fallback : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + v + "'", e);
        }
    }

    /** A comma-separated list of integers, e.g. {@code --m 2000,10000}. */
    public int[] ints(String name, int[] fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Arrays.stream(v.split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be comma-separated integers, got '" + v + "'", e);
        }
    }

    /** Where JSON goes: {@code --out}, default {@code bench/target/bench}. */
    public Path out() {
        return Path.of(string("out", "bench/target/bench"));
    }

    public String python() {
        return string("python", "/usr/bin/python3");
    }
}
