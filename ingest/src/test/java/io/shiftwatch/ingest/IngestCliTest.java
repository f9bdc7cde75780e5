package io.shiftwatch.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngestCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return IngestCli.run(List.of(args), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void watchHelpPrintsTheKeyTableGeneratedFromTheDefinitions() throws Exception {
        // When
        int code = run("watch", "--help");
        // Then
        assertEquals(0, code);
        String help = out.toString(StandardCharsets.UTF_8);
        for (String flag : List.of("--run-id", "--base-id", "--base-uri", "--base-format", "--probe-set-id",
                "--probe-set-uri", "--watch-settle", "--bootstrap-servers", "--config")) {
            assertTrue(help.contains(flag), flag + " missing from:\n" + help);
        }
    }

    @Test
    void missingWatchFlagsAreAllReportedBeforeAnythingConnects() throws Exception {
        // When
        int code = run("watch", "/tmp", "--base-format", "onnx");
        // Then
        assertEquals(2, code);
        String report = err.toString(StandardCharsets.UTF_8);
        for (String key : List.of("run.id", "base.id", "base.uri", "base.format", "probe-set.id")) {
            assertTrue(report.contains(key), key + " missing from:\n" + report);
        }
    }

    @Test
    void publishFromFileNeedsNoEventFlags() throws Exception {
        // When
        int code = run("publish", "--file", "event.json", "--help");
        // Then
        assertEquals(0, code);
        assertTrue(!out.toString(StandardCharsets.UTF_8).contains("--run-id"));
    }

    @Test
    void unknownCommandIsAUsageError() throws Exception {
        // When
        int code = run("serve");
        // Then
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command \"serve\""));
    }
}
