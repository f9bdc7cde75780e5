package io.shiftwatch.analyzer.concepts.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which vocabulary tokens are "valid words" for text grounding (PAPER.md §3): after
 * {@link #normalise normalisation}, a token is valid when it is alphabetic with more than 2
 * letters and not an English stop-word ({@code stopwords-en.txt}), or when it is a number
 * (one or more decimal digits).
 */
public final class WordFilter {

    private static final Set<String> STOP_WORDS = load("stopwords-en.txt");

    private WordFilter() {
    }

    /** The stop-word list (lower case, read-only). */
    public static Set<String> stopWords() {
        return STOP_WORDS;
    }

    /**
     * Token text as a word: surrounding whitespace and the word-start markers of SentencePiece
     * ({@code ▁}) and byte-level BPE ({@code Ġ}) removed, lower-cased (ROOT locale).
     */
    public static String normalise(String token) {
        String t = token.strip();
        while (!t.isEmpty() && (t.charAt(0) == '\u2581' || t.charAt(0) == '\u0120')) {
            t = t.substring(1).strip();
        }
        return t.toLowerCase(Locale.ROOT);
    }

    /** The normalised word when {@code token} is a valid grounding word, else empty. */
    public static Optional<String> validWord(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String w = normalise(token);
        if (w.isEmpty()) {
            return Optional.empty();
        }
        if (isNumber(w)) {
            return Optional.of(w);
        }
        boolean alphabetic = w.chars().allMatch(Character::isLetter);
        return alphabetic && w.length() > 2 && !STOP_WORDS.contains(w) ? Optional.of(w) : Optional.empty();
    }

    private static boolean isNumber(String w) {
        return w.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = WordFilter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("stop-word list " + resource + " missing from the analyzer jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stop-word list " + resource, e);
        }
        return Set.copyOf(words);
    }
}
