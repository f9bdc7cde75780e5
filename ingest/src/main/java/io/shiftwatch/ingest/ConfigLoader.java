package io.shiftwatch.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The I/O side of configuration: finds the properties file ({@code --config FILE} or
 * {@code SHIFTWATCH_CONFIG}), reads it and hands file, environment and arguments to
 * {@link ConfigSchema#parse}. An unreadable file is reported as a problem like any other.
 */
public final class ConfigLoader {
    /** The properties file to read; every schema built by {@link #withConfigFile} contains it. */
    public static final ConfigKey<Path> CONFIG_FILE =
            ConfigKey.of("config", ConfigType.PATH, "properties file with more keys (dotted names)");

    private ConfigLoader() {
    }

    public static ConfigSchema withConfigFile(ConfigSchema schema) {
        return schema.plus(CONFIG_FILE);
    }

    public static ConfigParse load(ConfigSchema schema, List<String> args, Map<String, String> env) {
        ConfigSchema full = withConfigFile(schema);
        String file = configFileArgument(args, env);
        Map<String, String> fileValues = new HashMap<>();
        if (file != null) {
            try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                Properties properties = new Properties();
                properties.load(reader);
                properties.stringPropertyNames().forEach(n -> fileValues.put(n, properties.getProperty(n)));
            } catch (IOException | RuntimeException e) {
                return new ConfigParse.Problems(List.of("config file " + file + " could not be read: " + e));
            }
        }
        return full.parse(fileValues, env, args);
    }

    private static String configFileArgument(List<String> args, Map<String, String> env) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(CONFIG_FILE.flag()) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (args.get(i).startsWith(CONFIG_FILE.flag() + "=")) {
                return args.get(i).substring(CONFIG_FILE.flag().length() + 1);
            }
        }
        return env.get(CONFIG_FILE.envName());
    }
}
