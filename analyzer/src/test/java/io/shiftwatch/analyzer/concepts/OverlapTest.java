package io.shiftwatch.analyzer.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OverlapTest {

    @Test
    void withinDictionaryOverlapByHand() {
        // Given T_0 = {a, b}, T_1 = {b, c, d}, T_2 = {e}
        List<List<String>> words = List.of(List.of("a", "b"), List.of("b", "c", "d"), List.of("e"));

        // When
        double overlap = Overlap.withinDictionary(words);

        // Then sum over k != l of |T_l ∩ T_k| / |T_k|: k=0: 1/2 (l=1) + 0; k=1: 1/3 + 0; k=2: 0 + 0
        // = 5/6, divided by K(K-1) = 6 → 5/36
        assertEquals(5.0 / 36, overlap, 1e-15);
    }

    @Test
    void tOverlapCountsSharedWordsOverN() {
        // Given
        List<String> a = List.of("dog", "cat", "park", "grass");
        List<String> b = List.of("cat", "dog", "beach");

        // When
        double t = Overlap.tOverlap(a, b, 15);

        // Then 2 shared of N = 15
        assertEquals(2.0 / 15, t, 1e-15);
    }

    @Test
    void imageOverlapCountsSharedSamplesOverN() {
        // Given
        int[] a = {4, 8, 15, 16, 23};
        int[] b = {42, 16, 4, 7, 9};

        // When
        double o = Overlap.imageOverlap(a, b, 5);

        // Then samples 4 and 16 are shared: 2/5
        assertEquals(0.4, o, 1e-15);
    }

    @Test
    void identicalGroundingsOverlapCompletely() {
        // Given
        List<String> words = List.of("one", "two", "three");

        // When
        double t = Overlap.tOverlap(words, words, 3);

        // Then
        assertEquals(1.0, t);
    }
}
