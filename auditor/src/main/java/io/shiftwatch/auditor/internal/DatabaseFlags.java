package io.shiftwatch.auditor.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --db-url/--db-user/--db-password} flags belong to {@code DatabaseConfig.resolve}, not to a
 * command's config schema: {@link #without} removes them (both {@code --flag value} and
 * {@code --flag=value}) before the schema parses the rest.
 */
public final class DatabaseFlags {
    private static final List<String> FLAGS = List.of("--db-url", "--db-user", "--db-password");

    private DatabaseFlags() {
    }

    public static List<String> without(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (FLAGS.contains(a)) i++;
            else if (FLAGS.stream().noneMatch(f -> a.startsWith(f + "="))) out.add(a);
        }
        return out;
    }
}
