package io.shiftwatch.models;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WordVocabularyTest {

    @Test
    void encodeThenDecodeGivesLowerCasedWordsWithoutPunctuation() {
        // Given
        var vocabulary = WordVocabulary.of(List.of("what", "colour", "is", "the", "ball"));

        // When
        String decoded = vocabulary.decode(vocabulary.encode("What colour is the BALL?"));

        // Then
        assertEquals("what colour is the ball", decoded);
    }

    @Test
    void unknownWordsMapToUnkAndStayVisibleWhenDecoded() {
        // Given
        var vocabulary = WordVocabulary.of(List.of("red", "ball"));

        // When
        int[] ids = vocabulary.encode("red zebra, ball");

        // Then
        assertArrayEquals(new int[] {vocabulary.id("red"), WordVocabulary.UNK_ID, vocabulary.id("ball")}, ids);
        assertEquals("red <unk> ball", vocabulary.decode(ids));
    }

    @Test
    void specialsComeFirstAndDuplicatesCollapse() {
        // Given
        var words = List.of("Red", "red", "blue red");

        // When
        var vocabulary = WordVocabulary.of(words);

        // Then
        assertEquals(List.of("<pad>", "<unk>", "<bos>", "<sep>", "<eos>", "red", "blue"), vocabulary.tokens());
    }

    @Test
    void sequenceFollowsTheModelLayoutAndDecodeDropsSpecials() {
        // Given
        var vocabulary = WordVocabulary.of(List.of("what", "colour", "red"));

        // When
        int[] seq = vocabulary.sequence("what colour", "red");

        // Then
        assertArrayEquals(new int[] {WordVocabulary.BOS_ID, 5, 6, WordVocabulary.SEP_ID, 7, WordVocabulary.EOS_ID}, seq);
        assertEquals("what colour red", vocabulary.decode(seq));
    }

    @Test
    void linesRoundTrip() {
        // Given
        var vocabulary = WordVocabulary.of(List.of("a", "b", "c3"));

        // When
        var reread = WordVocabulary.fromLines(vocabulary.toLines());

        // Then
        assertEquals(vocabulary, reread);
    }

    @Test
    void linesWithoutSpecialsOrWithDuplicatesAreRejected() {
        // Given
        var noSpecials = List.of("red", "blue");
        var duplicate = List.of("<pad>", "<unk>", "<bos>", "<sep>", "<eos>", "red", "red");

        // When / Then
        assertThrows(IllegalArgumentException.class, () -> WordVocabulary.fromLines(noSpecials));
        var e = assertThrows(IllegalArgumentException.class, () -> WordVocabulary.fromLines(duplicate));
        assertEquals("vocabulary line 7: duplicate token 'red'", e.getMessage());
    }
}
