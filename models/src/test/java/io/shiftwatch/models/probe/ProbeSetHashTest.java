package io.shiftwatch.models.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shiftwatch.models.ProbeSample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeSetHashTest {
    static List<ProbeSample> samples() {
        byte[] a = new byte[4 * 4 * 3], b = new byte[4 * 4 * 3];
        for (int i = 0; i < a.length; i++) {
            a[i] = (byte) i;
            b[i] = (byte) (255 - i);
        }
        return List.of(new ProbeSample("cap-0", 4, a, "describe the image", "a red circle on the beach", "caption"),
                new ProbeSample("vqa-0", 4, a, "is there a dog", "no", "yes/no"),
                new ProbeSample("cap-1", 4, b, "describe the image", null, "caption"));
    }

    static List<Map<String, String>> labels() {
        return List.of(Map.of("place", "beach", "shapes", "circle"), Map.of("task", "is_there_shape"), Map.of());
    }

    @Test
    void sameContentGivesSameHash() {
        // Given
        String first = ProbeSetHash.of(4, samples(), labels());

        // When
        String second = ProbeSetHash.of(4, samples(), labels());

        // Then
        assertEquals(first, second);
        assertEquals(64, first.length());
    }

    @Test
    void onePixelChangesTheHash() {
        // Given
        List<ProbeSample> changed = new java.util.ArrayList<>(samples());
        byte[] rgb = changed.get(2).rgb().clone();
        rgb[7] ^= 1;
        changed.set(2, new ProbeSample("cap-1", 4, rgb, "describe the image", null, "caption"));

        // When
        String hash = ProbeSetHash.of(4, changed, labels());

        // Then
        assertNotEquals(ProbeSetHash.of(4, samples(), labels()), hash);
    }

    @Test
    void labelsAndNullExpectedArePartOfTheHash() {
        // Given
        List<Map<String, String>> otherLabels = List.of(Map.of("place", "snow", "shapes", "circle"), Map.of("task", "is_there_shape"), Map.of());

        // When
        String hash = ProbeSetHash.of(4, samples(), otherLabels);

        // Then
        assertNotEquals(ProbeSetHash.of(4, samples(), labels()), hash);
    }

    @Test
    void probeSetRejectsAWrongHash() {
        // Given
        String wrong = "0".repeat(64);

        // When / Then
        assertThrows(ProbeSetHashMismatchException.class, () -> new ProbeSet("p", wrong, 4, samples(), labels()));
    }
}
