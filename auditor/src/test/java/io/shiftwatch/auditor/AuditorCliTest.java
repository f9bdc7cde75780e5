package io.shiftwatch.auditor;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditorCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return AuditorCli.run(List.of(args), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void reportSaysItIsNotAvailable() {
        // Given / When
        int code = run("report", "--run", "r1");
        // Then
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("report is not available yet"));
    }

    @Test
    void gateWithoutRunIsAUsageErrorBeforeTouchingTheDatabase() {
        // Given / When
        int code = run("gate", "--max-severity", "critical");
        // Then
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("run is required"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void gateRejectsAnUnknownSeverity() {
        // Given / When
        int code = run("gate", "--run", "r1", "--max-severity", "loud");
        // Then
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is not a severity"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void auditAckWithoutDatabaseNamesTheMissingVariables() {
        // Given / When (the environment is empty)
        int code = run("audit", "ack", "--finding", "f", "--who", "ann", "--why", "known");
        // Then
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("SHIFTWATCH_DB_URL"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void auditNeedsAKnownSubcommand() {
        // Given / When / Then
        assertEquals(2, run("audit"));
        assertEquals(2, run("audit", "rewrite"));
        assertEquals(0, run("audit", "--help"));
    }

    @Test
    void auditorHelpListsItsKeys() {
        // Given / When
        int code = run("auditor", "--help");
        // Then
        String help = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code);
        assertTrue(help.contains("--bootstrap-servers") && help.contains("SHIFTWATCH_AUDITOR_STATE_DIR")
                && help.contains("--bound-null-quantile-tiers"), help);
    }

    @Test
    void configurationProblemsExitTwoBeforeTouchingKafka() {
        // Given / When
        int code = run("auditor", "--trend-window", "1");
        // Then
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("trend.window"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownCommandsAndNoCommandExitTwo() {
        // Given / When / Then
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run());
        assertEquals(0, run("--help"));
    }
}
