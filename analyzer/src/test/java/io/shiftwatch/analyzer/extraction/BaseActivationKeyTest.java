package io.shiftwatch.analyzer.extraction;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class BaseActivationKeyTest {
    private static final String MODEL = "a".repeat(64), PROBES = "b".repeat(64);

    private static BaseActivationKey key(List<String> targets, List<Integer> layers) {
        return BaseActivationKey.of(MODEL, PROBES, ExtractionRequest.of(targets, layers, 32, 8));
    }

    @Test
    void theCanonicalTextHasOneLinePerFieldWithSortedSets() {
        // When
        String canonical = key(List.of("red", "dog"), List.of(4, -1)).canonical();

        // Then
        assertEquals("""
                shiftwatch-base-activations
                codeVersion=%d
                modelHash=%s
                probeSetHash=%s
                positionRule=FIRST_PREDICTING_POSITION
                maxNewTokens=32
                layers=-1,4
                targets=dog,red
                """.formatted(HiddenStateExtractor.CODE_VERSION, MODEL, PROBES), canonical);
    }

    @Test
    void theOrderOfTargetsAndLayersDoesNotChangeTheKey() {
        // When
        String a = key(List.of("red", "dog", "car"), List.of(4, -1, 2)).sha256();
        String b = key(List.of("car", "red", "dog", "red"), List.of(2, 4, -1)).sha256();

        // Then
        assertEquals(a, b);
    }

    @Test
    void theBatchSizeIsNotPartOfTheKey() {
        // Given
        var request = ExtractionRequest.of(List.of("dog"), List.of(4), 32, 8);

        // When
        var small = BaseActivationKey.of(MODEL, PROBES, request);
        var large = BaseActivationKey.of(MODEL, PROBES, request.withBatchSize(64));

        // Then
        assertEquals(small.sha256(), large.sha256());
    }

    @Test
    void changingAnyFieldChangesTheKey() {
        // Given
        var base = new BaseActivationKey(MODEL, PROBES, List.of(4), List.of("dog"), PositionRule.FIRST_PREDICTING_POSITION, 32, 1);
        List<BaseActivationKey> variants = List.of(
                new BaseActivationKey("c".repeat(64), PROBES, List.of(4), List.of("dog"), PositionRule.FIRST_PREDICTING_POSITION, 32, 1),
                new BaseActivationKey(MODEL, "c".repeat(64), List.of(4), List.of("dog"), PositionRule.FIRST_PREDICTING_POSITION, 32, 1),
                new BaseActivationKey(MODEL, PROBES, List.of(3), List.of("dog"), PositionRule.FIRST_PREDICTING_POSITION, 32, 1),
                new BaseActivationKey(MODEL, PROBES, List.of(4, 3), List.of("dog"), PositionRule.FIRST_PREDICTING_POSITION, 32, 1),
                new BaseActivationKey(MODEL, PROBES, List.of(4), List.of("cat"), PositionRule.FIRST_PREDICTING_POSITION, 32, 1),
                new BaseActivationKey(MODEL, PROBES, List.of(4), List.of("dog", "cat"), PositionRule.FIRST_PREDICTING_POSITION, 32, 1),
                new BaseActivationKey(MODEL, PROBES, List.of(4), List.of("dog"), PositionRule.FIRST_PREDICTING_POSITION, 33, 1),
                new BaseActivationKey(MODEL, PROBES, List.of(4), List.of("dog"), PositionRule.FIRST_PREDICTING_POSITION, 32, 2));

        // When
        Set<String> hashes = variants.stream().map(BaseActivationKey::sha256).collect(Collectors.toSet());

        // Then
        assertEquals(variants.size(), hashes.size());
        assertFalse(hashes.contains(base.sha256()));
    }

    @Test
    void fieldsThatLookAlikeAsTextStayDistinct() {
        // When
        String twoTargets = key(List.of("ab", "c"), List.of(1)).sha256();
        String otherSplit = key(List.of("a", "bc"), List.of(1)).sha256();

        // Then
        assertNotEquals(twoTargets, otherSplit);
    }
}
