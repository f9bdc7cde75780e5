package io.shiftwatch.ingest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigSchemaTest {
    private static final ConfigSchema SCHEMA = IngestSettings.COMMON.plus(IngestSettings.HTTP_PORT,
            IngestSettings.INGEST_TOKEN.asRequired());
    private static final String TOKEN = "t0ken-with-16-chars";

    private static Config parsed(Map<String, String> file, Map<String, String> env, List<String> args) {
        ConfigParse parse = SCHEMA.parse(file, env, args);
        return assertInstanceOf(ConfigParse.Parsed.class, parse, parse.toString()).config();
    }

    @Test
    void defaultsApplyWhenNothingIsSet() {
        // When
        Config config = parsed(Map.of(), Map.of("SHIFTWATCH_INGEST_TOKEN", TOKEN), List.of());
        // Then
        assertEquals(8787, config.get(IngestSettings.HTTP_PORT));
        assertEquals(3, config.get(IngestSettings.TOPIC_PARTITIONS));
        assertEquals(1 << 20, config.get(IngestSettings.MAX_PAYLOAD_BYTES));
    }

    @Test
    void environmentOverridesTheFile() {
        // Given
        Map<String, String> file = Map.of("http.port", "9000", "topic.partitions", "6");
        Map<String, String> env = Map.of("SHIFTWATCH_HTTP_PORT", "9100", "SHIFTWATCH_INGEST_TOKEN", TOKEN);
        // When
        Config config = parsed(file, env, List.of());
        // Then
        assertEquals(9100, config.get(IngestSettings.HTTP_PORT));
        assertEquals(6, config.get(IngestSettings.TOPIC_PARTITIONS));
    }

    @Test
    void flagsOverrideTheEnvironment() {
        // Given
        Map<String, String> env = Map.of("SHIFTWATCH_BOOTSTRAP_SERVERS", "env:1", "SHIFTWATCH_INGEST_TOKEN", TOKEN);
        // When
        Config config = parsed(Map.of(), env, List.of("--bootstrap-servers", "flag:2", "--http-port=0", "extra"));
        // Then
        assertEquals("flag:2", config.get(IngestSettings.BOOTSTRAP_SERVERS));
        assertEquals(0, config.get(IngestSettings.HTTP_PORT));
        assertEquals(List.of("extra"), config.positional());
    }

    @Test
    void everyProblemIsReportedTogether() {
        // Given
        Map<String, String> file = Map.of("http.prot", "1", "topic.partitions", "0");
        Map<String, String> env = Map.of("SHIFTWATCH_HTTP_PORT", "eighty");
        // When
        ConfigParse parse = SCHEMA.parse(file, env, List.of("--no-such-flag", "x", "--max-payload-bytes", "10"));
        // Then
        List<String> problems = assertInstanceOf(ConfigParse.Problems.class, parse).problems();
        assertEquals(6, problems.size(), String.join("\n", problems));
        String all = String.join("\n", problems);
        for (String expected : List.of("http.prot", "topic.partitions", "SHIFTWATCH_HTTP_PORT", "--no-such-flag",
                "max.payload.bytes", "ingest.token is required")) {
            assertTrue(all.contains(expected), expected + " missing from:\n" + all);
        }
    }

    @Test
    void invalidSecretIsReportedWithoutItsValue() {
        // Given
        Map<String, String> env = Map.of("SHIFTWATCH_INGEST_TOKEN", "short-secret");
        // When
        ConfigParse parse = SCHEMA.parse(Map.of(), env, List.of());
        // Then
        String report = assertInstanceOf(ConfigParse.Problems.class, parse).report();
        assertTrue(report.contains("ingest.token"), report);
        assertFalse(report.contains("short-secret"), report);
    }

    @Test
    void printedConfigMasksTheToken() {
        // Given
        Config config = parsed(Map.of(), Map.of("SHIFTWATCH_INGEST_TOKEN", TOKEN), List.of());
        // When
        String printed = config.toString();
        // Then
        assertTrue(printed.contains("ingest.token = ****"), printed);
        assertFalse(printed.contains(TOKEN), printed);
    }

    @Test
    void helpTableListsEveryKeyWithFlagEnvironmentAndDefault() {
        // When
        String help = SCHEMA.helpTable();
        // Then
        for (ConfigKey<?> key : SCHEMA.keys()) {
            assertTrue(help.contains(key.flag()) && help.contains(key.envName()), key.name() + " missing:\n" + help);
        }
        assertTrue(help.lines().anyMatch(l -> l.startsWith("--http-port") && l.contains("8787")), help);
        assertTrue(help.lines().anyMatch(l -> l.startsWith("--ingest-token") && l.contains("(required)")), help);
    }

    @Test
    void durationsAndListsParse() {
        // Given
        ConfigSchema schema = ConfigSchema.of(IngestSettings.WATCH_SETTLE, IngestSettings.CHECKPOINT_ROOTS);
        // When
        ConfigParse parse = schema.parse(Map.of(), Map.of(), List.of("--watch-settle", "250ms",
                "--checkpoint-roots", "/a, /b/c"));
        // Then
        Config config = assertInstanceOf(ConfigParse.Parsed.class, parse).config();
        assertEquals(java.time.Duration.ofMillis(250), config.get(IngestSettings.WATCH_SETTLE));
        assertEquals(List.of(java.nio.file.Path.of("/a"), java.nio.file.Path.of("/b/c")),
                config.get(IngestSettings.CHECKPOINT_ROOTS));
    }
}
