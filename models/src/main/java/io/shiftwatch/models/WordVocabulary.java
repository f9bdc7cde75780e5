package io.shiftwatch.models;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Word-level vocabulary of the testbed VLM. Ids {@code 0..4} are the specials {@code <pad> <unk> <bos>
 * <sep> <eos>} (see the {@code *_ID} constants), followed by the words in the order they were first
 * given. Text is lower-cased and split on anything that is not a letter or digit (whitespace and
 * punctuation separate words and are dropped). Serialised as vocab.txt, one token per line, line
 * index = id. Immutable and thread-safe.
 */
public final class WordVocabulary implements Vocabulary {
    public static final String PAD = "<pad>", UNK = "<unk>", BOS = "<bos>", SEP = "<sep>", EOS = "<eos>";
    public static final int PAD_ID = 0, UNK_ID = 1, BOS_ID = 2, SEP_ID = 3, EOS_ID = 4;
    private static final List<String> SPECIALS = List.of(PAD, UNK, BOS, SEP, EOS);
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final List<String> tokens;
    private final Map<String, Integer> ids;

    private WordVocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < this.tokens.size(); i++) index.put(this.tokens.get(i), i);
        this.ids = Map.copyOf(index);
    }

    /** Builds a vocabulary from words (lower-cased, split like text, de-duplicated, first occurrence wins). */
    public static WordVocabulary of(Collection<String> words) {
        List<String> tokens = new ArrayList<>(SPECIALS);
        var seen = new java.util.HashSet<>(SPECIALS);
        for (String word : words)
            for (String w : splitWords(word))
                if (seen.add(w)) tokens.add(w);
        return new WordVocabulary(tokens);
    }

    /**
     * Reads the token list of a vocab.txt (line i = token i). Rejects a file whose first five lines
     * are not the specials in order, blank or duplicate tokens, or tokens the tokenizer could not produce.
     */
    public static WordVocabulary fromLines(List<String> lines) {
        if (lines.size() < SPECIALS.size() || !lines.subList(0, SPECIALS.size()).equals(SPECIALS))
            throw new IllegalArgumentException("vocabulary must start with the specials " + SPECIALS + " in order, got "
                    + lines.subList(0, Math.min(lines.size(), SPECIALS.size())));
        var seen = new java.util.HashSet<String>();
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i);
            if (!seen.add(t)) throw new IllegalArgumentException("vocabulary line " + (i + 1) + ": duplicate token '" + t + "'");
            if (i >= SPECIALS.size() && !List.of(t).equals(splitWords(t)))
                throw new IllegalArgumentException("vocabulary line " + (i + 1) + ": '" + t
                        + "' is not a single lower-case word the tokenizer could produce");
        }
        return new WordVocabulary(lines);
    }

    /** The vocab.txt lines (same as {@link #tokens()}). */
    public List<String> toLines() {
        return tokens;
    }

    /** Lower-cases {@code text} and splits it into words; never null, possibly empty. */
    public static List<String> splitWords(String text) {
        List<String> words = new ArrayList<>();
        for (String w : WORD_SEPARATORS.split(text.toLowerCase(Locale.ROOT)))
            if (!w.isEmpty()) words.add(w);
        return words;
    }

    /**
     * The token sequence the testbed VLM reads after its image prefix:
     * {@code <bos> prompt-words <sep> answer-words <eos>}. With {@code answer == null} the sequence
     * stops after {@code <sep>} (a generation prompt).
     */
    public int[] sequence(String prompt, String answer) {
        int[] p = encode(prompt);
        int[] a = answer == null ? new int[0] : encode(answer);
        int length = p.length + 2 + (answer == null ? 0 : a.length + 1);
        int[] seq = new int[length];
        seq[0] = BOS_ID;
        System.arraycopy(p, 0, seq, 1, p.length);
        seq[p.length + 1] = SEP_ID;
        if (answer != null) {
            System.arraycopy(a, 0, seq, p.length + 2, a.length);
            seq[length - 1] = EOS_ID;
        }
        return seq;
    }

    @Override public int size() { return tokens.size(); }

    @Override
    public String token(int id) {
        if (id < 0 || id >= tokens.size())
            throw new IllegalArgumentException("token id " + id + " outside 0.." + (tokens.size() - 1));
        return tokens.get(id);
    }

    @Override public int id(String word) { return ids.getOrDefault(word, UNK_ID); }

    @Override public int unknownId() { return UNK_ID; }

    @Override
    public int[] encode(String text) {
        return splitWords(text).stream().mapToInt(this::id).toArray();
    }

    /** Joins tokens with single spaces; drops {@code <pad> <bos> <sep> <eos>} and keeps {@code <unk>} visible. */
    @Override
    public String decode(int[] ids) {
        List<String> words = new ArrayList<>();
        for (int id : ids)
            if (id != PAD_ID && id != BOS_ID && id != SEP_ID && id != EOS_ID) words.add(token(id));
        return String.join(" ", words);
    }

    @Override public List<String> tokens() { return tokens; }

    @Override
    public boolean equals(Object o) {
        return o instanceof WordVocabulary v && v.tokens.equals(tokens);
    }

    @Override public int hashCode() { return tokens.hashCode(); }

    @Override public String toString() { return "WordVocabulary[" + tokens.size() + " tokens]"; }
}
