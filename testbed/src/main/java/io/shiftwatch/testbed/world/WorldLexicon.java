package io.shiftwatch.testbed.world;

import io.shiftwatch.models.WordVocabulary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The closed word list of the testbed world: every word any caption template, question, answer or
 * scenario can produce, in a fixed order, so base and fine-tuned models share one vocabulary
 * ({@code WordVocabulary.of(WorldLexicon.words())}). Lower-case single words, no duplicates.
 */
public final class WorldLexicon {
    private static final String TEMPLATE_WORDS = "describe the image a an and there is picture of scene with showing "
            + "who stands working as on in at what colour how many are where this place job person anything "
            + "yes no 0 1 2 3 coloured shape shapes thing things";
    private static final List<String> WORDS = build();

    private WorldLexicon() {
    }

    /** All words, in a fixed order; never changes within a release. */
    public static List<String> words() {
        return WORDS;
    }

    private static List<String> build() {
        Set<String> words = new LinkedHashSet<>(WordVocabulary.splitWords(TEMPLATE_WORDS));
        for (Shape s : Shape.values()) addAll(words, s.word(), s.plural(), s.genericWord(), s.genericPlural());
        for (Colour c : Colour.values()) words.add(c.word());
        for (Size s : Size.values()) words.add(s.word());
        for (Position p : Position.values()) addAll(words, p.word(), p.phrase());
        for (Place p : Place.values()) addAll(words, p.word(), p.adjective(), p.phrase());
        for (Profession p : Profession.values()) words.add(p.word());
        for (Gender g : Gender.values()) addAll(words, g.noun(), g.pronoun());
        return List.copyOf(new ArrayList<>(words));
    }

    private static void addAll(Set<String> words, String... texts) {
        for (String text : texts) words.addAll(WordVocabulary.splitWords(text));
    }
}
