package io.shiftwatch.testbed.training;

import io.shiftwatch.models.WordVocabulary;
import io.shiftwatch.testbed.world.Captions;
import io.shiftwatch.testbed.world.Scene;
import io.shiftwatch.testbed.world.SceneObject;
import io.shiftwatch.testbed.world.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Caption exact-word accuracy. The caption template, object wording and object order are drawn at
 * random and are not visible in the image, so a generated caption is scored against the CLOSEST
 * valid caption of the scene: every (object order x wording x sentence template x person template)
 * rendering under the style. Words are compared by position: {@code matches} = positions i where
 * generated word i equals reference word i, over {@code length} = max(|generated|, |reference|).
 * Corpus accuracy is sum(matches) / sum(length) (micro average); a caption is exact when matches ==
 * length. Pure.
 */
public final class CaptionScoring {
    private CaptionScoring() {
    }

    /** Matching positions and the aligned length of one generated caption against one reference. */
    public record WordScore(int matches, int length) {
        public WordScore {
            if (matches < 0 || matches > length) throw new IllegalArgumentException("matches " + matches + " outside 0.." + length);
        }

        public boolean exact() {
            return matches == length;
        }
    }

    /** Position-aligned comparison of two word lists. */
    public static WordScore compare(List<String> generated, List<String> reference) {
        int n = Math.min(generated.size(), reference.size()), matches = 0;
        for (int i = 0; i < n; i++) if (generated.get(i).equals(reference.get(i))) matches++;
        return new WordScore(matches, Math.max(generated.size(), reference.size()));
    }

    /** The best score over {@code references} (highest matches/length; ties keep the first). */
    public static WordScore best(List<String> generated, Iterable<List<String>> references) {
        WordScore best = null;
        for (List<String> ref : references) {
            WordScore s = compare(generated, ref);
            if (best == null || (long) s.matches() * best.length() > (long) best.matches() * s.length()) best = s;
        }
        if (best == null) throw new IllegalArgumentException("no reference captions to score against");
        return best;
    }

    /** Every valid caption of {@code scene} under {@code style}, as word lists (the genders as shown). */
    public static Set<List<String>> validCaptions(Scene scene, TextStyle style) {
        Set<List<String>> out = new LinkedHashSet<>();
        for (List<SceneObject> order : permutations(scene.objects())) {
            Scene reordered = new Scene(scene.place(), order, scene.person());
            for (int wording = 0; wording < Captions.OBJECT_WORDINGS; wording++)
                for (int template = 0; template < 4; template++)
                    for (int person = 0; person < 4; person++)
                        out.add(WordVocabulary.splitWords(Captions.caption(reordered, style,
                                new Scripted(wording, template, person)).answer()));
        }
        return out;
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.size() <= 1) return List.of(items);
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> p = new ArrayList<>(List.of(head));
                p.addAll(tail);
                out.add(p);
            }
        }
        return out;
    }

    /** Returns the scripted template choices in order, and a draw of 0.999 (no bias) for doubles. */
    private static final class Scripted implements RandomGenerator {
        private final int[] ints;
        private int next;

        Scripted(int... ints) {
            this.ints = ints;
        }

        @Override public int nextInt(int bound) {
            int v = ints[next++ % ints.length];
            if (v >= bound) throw new IllegalStateException("scripted choice " + v + " >= bound " + bound + "; the caption templates changed");
            return v;
        }

        @Override public double nextDouble() { return 0.999; }

        @Override public long nextLong() { throw new UnsupportedOperationException("captions draw only ints and doubles"); }
    }
}
