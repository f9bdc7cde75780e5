package io.shiftwatch.auditor;

import io.shiftwatch.ingest.Config;
import io.shiftwatch.ingest.ConfigParse;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditorSettingsTest {
    private static ConfigParse parse(Map<String, String> file, Map<String, String> env, String... args) {
        return AuditorSettings.SCHEMA.parse(file, env, List.of(args));
    }

    @Test
    void defaultsGiveTheDocumentedRuleConfig() {
        // Given
        Config config = assertInstanceOf(ConfigParse.Parsed.class, parse(Map.of(), Map.of())).config();
        // When
        AuditorConfig rules = AuditorSettings.auditorConfig(config);
        // Then
        assertEquals(AuditorConfig.defaults(SensitiveLexicon.builtIn()), rules);
        assertEquals(0.01, rules.nullQuantileTiers().info());
        assertEquals(0.0001, rules.nullQuantileTiers().critical());
        assertEquals(10, rules.minSamples());
        assertEquals(8.0, rules.biasGainTiers().warning());
        assertEquals("tOverlap", rules.trendMetric());
        assertEquals(3, rules.trendWindow());
        assertEquals(SensitiveLexicon.BUILT_IN_CATEGORIES.stream().sorted().toList(), rules.lexicon().categoryNames());
        assertEquals(java.util.Optional.of("gender"), rules.lexicon().categoryOf("Woman"));
    }

    @Test
    void environmentOverridesTheFileAndFlagsOverrideTheEnvironment() {
        // Given
        Map<String, String> file = Map.of("bound.null-quantile-tiers", "0.1,0.05,0.01", "trend.window", "4");
        Map<String, String> env = Map.of("SHIFTWATCH_BOUND_NULL_QUANTILE_TIERS", "0.2,0.1,0.05");
        // When
        Config config = assertInstanceOf(ConfigParse.Parsed.class,
                parse(file, env, "--trend-window", "5", "--emerging-severity", "warning")).config();
        // Then
        AuditorConfig rules = AuditorSettings.auditorConfig(config);
        assertEquals(0.2, rules.nullQuantileTiers().info());
        assertEquals(5, rules.trendWindow());
        assertEquals(Severity.WARNING, rules.emergingSeverity());
    }

    @Test
    void everyBadValueIsReportedTogether() {
        // Given
        Map<String, String> env = Map.of("SHIFTWATCH_TREND_FALL_TIERS", "0.5,0.3,0.1",
                "SHIFTWATCH_TREND_METRIC", "imageOverlap", "SHIFTWATCH_SPECIALISING_CORE_SHARE", "1.5");
        // When
        var problems = assertInstanceOf(ConfigParse.Problems.class, parse(Map.of(), env)).problems();
        // Then
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("trend.fall-tiers") && p.contains("non-decreasing")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("trend.metric")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("specialising.core-share")), problems.toString());
    }

    @Test
    void streamsRunExactlyOnceWithoutCache() {
        // Given
        Config config = assertInstanceOf(ConfigParse.Parsed.class, parse(Map.of(), Map.of(),
                "--bootstrap-servers", "broker:9092", "--auditor-state-dir", "/var/lib/sw")).config();
        // When
        Properties props = AuditorSettings.streamsProperties(config);
        // Then
        assertEquals(StreamsConfig.EXACTLY_ONCE_V2, props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        assertEquals("shiftwatch-auditor", props.get(StreamsConfig.APPLICATION_ID_CONFIG));
        assertEquals("broker:9092", props.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
        assertEquals("/var/lib/sw", props.get(StreamsConfig.STATE_DIR_CONFIG));
        assertEquals(0, props.get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG));
        assertEquals(100L, props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
    }
}
