package io.shiftwatch.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * How a configuration value is written as text and parsed from it. {@code parse} throws
 * {@link IllegalArgumentException} with a readable message for text it does not accept.
 */
public record ConfigType<T>(String name, Function<String, T> parse, Function<T, String> print) {
    public static final ConfigType<String> STRING = new ConfigType<>("string", s -> s, s -> s);
    public static final ConfigType<Integer> INT = new ConfigType<>("int", ConfigType::parseInt, String::valueOf);
    public static final ConfigType<Long> LONG = new ConfigType<>("long", ConfigType::parseLong, String::valueOf);
    public static final ConfigType<Boolean> BOOLEAN = new ConfigType<>("boolean", ConfigType::parseBoolean, String::valueOf);
    /** "250ms", "2s", "5m", "1h" or ISO-8601 ("PT2S"). */
    public static final ConfigType<Duration> DURATION = new ConfigType<>("duration", ConfigType::parseDuration, ConfigType::printDuration);
    public static final ConfigType<Path> PATH = new ConfigType<>("path", s -> Path.of(s), Path::toString);
    /** Comma-separated; blanks dropped. */
    public static final ConfigType<List<String>> STRING_LIST = new ConfigType<>("list", ConfigType::split, l -> String.join(",", l));
    public static final ConfigType<List<Path>> PATH_LIST = new ConfigType<>("path list",
            s -> split(s).stream().map(Path::of).toList(), l -> String.join(",", l.stream().map(Path::toString).toList()));
    public static final ConfigType<Secret> SECRET = new ConfigType<>("secret", Secret::new, s -> "****");

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not an integer");
        }
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not an integer");
        }
    }

    private static boolean parseBoolean(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("\"" + text + "\" is not true or false");
        };
    }

    private static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt")) {
                return Duration.parse(t);
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long amount = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration (e.g. 250ms, 2s, 5m, 1h, PT2S)");
        }
    }

    private static String printDuration(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static List<String> split(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
