package io.shiftwatch.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads CLI arguments: {@code --name value}, {@code --name=value}, a bare {@code --flag} for a
 * boolean key (true), anything else positional. Unknown flags and flags without value are problems.
 */
final class FlagScanner {
    private final ConfigSchema schema;
    private final List<String> args;

    FlagScanner(ConfigSchema schema, List<String> args) {
        this.schema = schema;
        this.args = args;
    }

    void scan(Map<String, ConfigSchema.Source> raw, List<String> positional, List<String> problems) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.equals("--")) {
                positional.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String flag = eq < 0 ? arg : arg.substring(0, eq);
            Optional<ConfigKey<?>> key = schema.keys().stream().filter(k -> k.flag().equals(flag)).findFirst();
            if (key.isEmpty()) {
                problems.add("unknown flag " + flag + " (see --help for the flags)");
                continue;
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else if (key.get().type() == ConfigType.BOOLEAN) {
                value = "true";
            } else {
                problems.add(flag + " needs a value");
                continue;
            }
            raw.put(key.get().name(), new ConfigSchema.Source(value, "flag " + flag));
        }
    }
}
