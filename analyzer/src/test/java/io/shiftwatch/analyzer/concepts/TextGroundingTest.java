package io.shiftwatch.analyzer.concepts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shiftwatch.analyzer.concepts.internal.WordFilter;
import io.shiftwatch.analyzer.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextGroundingTest {

    private static final List<String> VOCAB = List.of("the", "Dog", "\u2581dog", "ox", "a1", "42", "\u0120cat",
            "running", ",", "tree");
    private static final float[] LOGITS = {9.0f, 8.0f, 7.5f, 7.0f, 6.5f, 6.0f, 5.0f, 5.0f, 4.0f, 3.0f};

    @Test
    void keepsValidWordsInLogitOrder() {
        // Given the logits above; by hand: "the" is a stop-word, "Dog" → dog, "▁dog" repeats dog,
        // "ox" has 2 letters, "a1" is mixed, "42" is a number, "Ġcat" → cat
        // When
        GroundedWords g = TextGrounding.fromLogits(LOGITS, VOCAB, 200, 3);

        // Then
        assertEquals(List.of("dog", "42", "cat"), g.words());
        assertArrayEquals(new int[] {1, 5, 6}, g.tokenIds());
        assertArrayEquals(new double[] {8.0, 6.0, 5.0}, g.logits());
    }

    @Test
    void tiedLogitsGoToTheLowerTokenId() {
        // Given "Ġcat" (id 6) and "running" (id 7) both at 5.0
        // When
        GroundedWords g = TextGrounding.fromLogits(LOGITS, VOCAB, 200, 4);

        // Then
        assertEquals(List.of("dog", "42", "cat", "running"), g.words());
    }

    @Test
    void onlyTheTopTokensAreConsidered() {
        // Given only the top 4 tokens: the, Dog, ▁dog, ox
        // When
        GroundedWords g = TextGrounding.fromLogits(LOGITS, VOCAB, 4, 15);

        // Then
        assertEquals(List.of("dog"), g.words());
    }

    @Test
    void topTokensAreTheLargestLogitsInRankOrderWithTiesToTheLowerId() {
        // Given 5,000 logits from 40 distinct values (many ties), seeded
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        float[] logits = new float[5_000];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = random.nextInt(40) - 20;
        }
        // and the expected order by a full sort: logit descending, then id ascending
        int[] expected = java.util.stream.IntStream.range(0, logits.length).boxed()
                .sorted((p, q) -> logits[p] != logits[q] ? Float.compare(logits[q], logits[p]) : Integer.compare(p, q))
                .limit(200).mapToInt(Integer::intValue).toArray();

        // When
        int[] top = TextGrounding.topTokenIds(logits, 200);

        // Then
        assertArrayEquals(expected, top);
    }

    @Test
    void asksForMoreTopTokensThanTheVocabularyHoldsGivesEveryTokenInRankOrder() {
        // When
        int[] top = TextGrounding.topTokenIds(new float[] {1f, 3f, 2f, 3f}, 10);

        // Then
        assertArrayEquals(new int[] {1, 3, 2, 0}, top);
    }

    @Test
    void groundsVectorsThroughTheUnembedding() {
        // Given the toy axis vocabulary for D = 3: apple/river/stone = +e0/+e1/+e2, cloud/tiger/piano their negatives
        Fixtures.AxisVocabulary v = Fixtures.AxisVocabulary.of(3);
        float[][] vectors = {{2, -1, 0.5f}, {0, 0, -3}};

        // When
        List<GroundedWords> g = TextGrounding.words(vectors, v.unembedding(), v.tokens(), 200, 2);

        // Then logits (2, -1, 0.5, -2, 1, -0.5) → apple, tiger; (0, 0, -3, 0, 0, 3) → piano, then apple (0, lowest id)
        assertEquals(List.of("apple", "tiger"), g.get(0).words());
        assertEquals(List.of("piano", "apple"), g.get(1).words());
    }

    @Test
    void rejectsLogitsOfAnotherVocabularySize() {
        // Given
        float[] logits = new float[VOCAB.size() + 1];

        // When
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextGrounding.fromLogits(logits, VOCAB, 200, 15));

        // Then
        assertTrue(e.getMessage().contains("length 11, expected 10"), e.getMessage());
    }

    @Test
    void stopWordListIsAStandardEnglishList() {
        // Given
        // When
        var stop = WordFilter.stopWords();

        // Then
        assertTrue(stop.size() >= 120 && stop.size() <= 200, "size " + stop.size());
        assertTrue(stop.containsAll(List.of("the", "and", "which", "because", "through")));
        assertTrue(WordFilter.validWord("Through").isEmpty());
        assertEquals("person", WordFilter.validWord("\u2581Person").orElseThrow());
    }
}
