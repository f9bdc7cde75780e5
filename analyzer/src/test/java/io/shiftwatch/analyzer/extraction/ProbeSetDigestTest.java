package io.shiftwatch.analyzer.extraction;

import io.shiftwatch.models.ProbeSample;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ProbeSetDigestTest {
    private static ProbeSample sample(String id, int pixel, String prompt, String expected) {
        byte[] rgb = new byte[2 * 2 * 3];
        rgb[0] = (byte) pixel;
        return new ProbeSample(id, 2, rgb, prompt, expected, "caption");
    }

    @Test
    void expectedAnswersDoNotChangeTheHash() {
        // When
        String labelled = ProbeSetDigest.of(List.of(sample("a", 1, "describe", "a dog")));
        String relabelled = ProbeSetDigest.of(List.of(sample("a", 1, "describe", "a cat")));

        // Then
        assertEquals(labelled, relabelled);
    }

    @Test
    void whatTheModelSeesChangesTheHash() {
        // Given
        String original = ProbeSetDigest.of(List.of(sample("a", 1, "describe", null), sample("b", 2, "describe", null)));

        // When
        List<String> variants = List.of(
                ProbeSetDigest.of(List.of(sample("a", 9, "describe", null), sample("b", 2, "describe", null))),
                ProbeSetDigest.of(List.of(sample("a", 1, "describe it", null), sample("b", 2, "describe", null))),
                ProbeSetDigest.of(List.of(sample("x", 1, "describe", null), sample("b", 2, "describe", null))),
                ProbeSetDigest.of(List.of(sample("b", 2, "describe", null), sample("a", 1, "describe", null))));

        // Then
        for (String v : variants) assertNotEquals(original, v);
    }
}
