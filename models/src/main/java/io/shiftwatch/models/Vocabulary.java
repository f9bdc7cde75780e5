package io.shiftwatch.models;

import java.util.List;

/**
 * A word-level (or subword) vocabulary: token ids ↔ strings, and text ↔ ids. Ids are {@code 0..size()-1}.
 * Unknown words map to {@link #unknownId()}; {@link #decode} joins tokens with single spaces.
 */
public interface Vocabulary {
    int size();

    /** The string of token {@code id}; throws IllegalArgumentException naming the id and size when out of range. */
    String token(int id);

    /** Id of {@code word}, or {@link #unknownId()} when absent. */
    int id(String word);

    int unknownId();

    /** Lower-cases, splits on whitespace and punctuation, maps each word to its id. */
    int[] encode(String text);

    /** Inverse of {@link #encode} for known words; special tokens are dropped. */
    String decode(int[] ids);

    /** All tokens in id order (read-only). */
    List<String> tokens();
}
