package io.shiftwatch.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the Shiftwatch database is and how to log in. Built from the environment
 * ({@code SHIFTWATCH_DB_URL}, {@code SHIFTWATCH_DB_USER}, {@code SHIFTWATCH_DB_PASSWORD}) overridden by
 * command-line flags ({@code --db-url}, {@code --db-user}, {@code --db-password}). The password never
 * appears in {@link #toString()}.
 *
 * @param url      a {@code jdbc:postgresql://} URL, never null
 * @param user     role name, never blank
 * @param password the role's password, never null (may be empty for peer/trust set-ups)
 */
public record DatabaseConfig(String url, String user, String password) {
    public static final String ENV_URL = "SHIFTWATCH_DB_URL";
    public static final String ENV_USER = "SHIFTWATCH_DB_USER";
    public static final String ENV_PASSWORD = "SHIFTWATCH_DB_PASSWORD";

    public DatabaseConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!url.startsWith("jdbc:postgresql:"))
            throw new IllegalArgumentException("database url must start with jdbc:postgresql:, got " + url);
        if (user.isBlank()) throw new IllegalArgumentException("database user must not be blank");
    }

    /**
     * Reads the flags in {@code args} (other arguments are ignored) over {@code env}; every missing or
     * malformed value is reported in one exception, naming the flag and the variable.
     */
    public static DatabaseConfig resolve(List<String> args, Map<String, String> env) {
        String url = flag(args, "--db-url", env.get(ENV_URL));
        String user = flag(args, "--db-user", env.get(ENV_USER));
        String password = flag(args, "--db-password", env.get(ENV_PASSWORD));
        List<String> problems = new ArrayList<>();
        if (url == null || url.isBlank()) problems.add("database url missing: pass --db-url or set " + ENV_URL);
        else if (!url.startsWith("jdbc:postgresql:")) problems.add("database url must start with jdbc:postgresql:, got " + url);
        if (user == null || user.isBlank()) problems.add("database user missing: pass --db-user or set " + ENV_USER);
        if (password == null) problems.add("database password missing: pass --db-password or set " + ENV_PASSWORD);
        if (!problems.isEmpty())
            throw new IllegalArgumentException(String.join("; ", problems)
                    + " (./shiftwatch infra up prints and writes these values)");
        return new DatabaseConfig(url, user, password);
    }

    /** Environment only (services that take no flags). */
    public static DatabaseConfig fromEnvironment() {
        return resolve(List.of(), System.getenv());
    }

    /** Same server and credentials, another database (used by tests and tools that create databases). */
    public DatabaseConfig withDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}"))
            throw new IllegalArgumentException("database name must be a lower-case SQL identifier, got " + database);
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String suffix = query < 0 ? "" : url.substring(query);
        int slash = base.lastIndexOf('/');
        if (slash < "jdbc:postgresql://".length())
            throw new IllegalArgumentException("database url has no database part: " + url);
        return new DatabaseConfig(base.substring(0, slash + 1) + database + suffix, user, password);
    }

    private static String flag(List<String> args, String name, String fallback) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(name) && i + 1 < args.size()) return args.get(i + 1);
            if (a.startsWith(name + "=")) return a.substring(name.length() + 1);
        }
        return fallback;
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "<empty>" : "****") + "]";
    }
}
