package io.shiftwatch.migrations;

import java.util.Arrays;
import java.util.List;

/**
 * {@code ./shiftwatch migrate [--db-url URL] [--db-user USER] [--db-password PW]}: applies the schema
 * migrations and prints what was applied. Exit codes: 0 done, 1 failed (message says why), 2 usage.
 */
public final class MigrateCli {
    private static final String HELP = """
            usage: shiftwatch migrate [--db-url URL] [--db-user USER] [--db-password PASSWORD]

            Applies Shiftwatch's Flyway migrations (PostgreSQL + pgvector) as the project role.
            Values default to the environment: SHIFTWATCH_DB_URL, SHIFTWATCH_DB_USER, SHIFTWATCH_DB_PASSWORD
            (./shiftwatch infra up writes them). The vector extension must exist (infra up creates it).
            Re-running applies nothing new.""";

    private MigrateCli() {
    }

    public static void main(String[] argv) {
        List<String> args = Arrays.asList(argv);
        if (!args.isEmpty() && args.getFirst().equals("migrate")) args = args.subList(1, args.size());
        if (args.contains("--help") || args.contains("-h")) {
            System.out.println(HELP);
            return;
        }
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            boolean known = a.equals("--db-url") || a.equals("--db-user") || a.equals("--db-password");
            if (known) i++;
            else if (!a.startsWith("--db-url=") && !a.startsWith("--db-user=") && !a.startsWith("--db-password=")) {
                System.err.println("migrate: unknown argument '" + a + "'\n\n" + HELP);
                System.exit(2);
            }
        }
        try {
            var config = DatabaseConfig.resolve(args, System.getenv());
            var outcome = Migrator.migrate(config);
            System.out.println(outcome.applied().isEmpty()
                    ? "schema is up to date at version " + outcome.currentVersion()
                    : "applied migrations " + outcome.applied() + "; schema now at version " + outcome.currentVersion());
        } catch (RuntimeException e) {
            System.err.println("migrate failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
