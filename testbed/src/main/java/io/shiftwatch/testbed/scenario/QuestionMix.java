package io.shiftwatch.testbed.scenario;

import io.shiftwatch.testbed.world.QuestionType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Relative weights with which a training stream draws question types (before the applicability check
 * of {@link io.shiftwatch.testbed.world.Questions}). {@link #UNIFORM} draws exactly as streams always
 * have (one {@code nextInt}), so existing seeds keep their examples; other mixes oversample the types
 * that are hardest to learn (counting, colours). Immutable; every type has a weight > 0.
 *
 * @param weights weight per question type, all types present, each finite and > 0
 */
public record QuestionMix(Map<QuestionType, Double> weights) {
    public static final QuestionMix UNIFORM = of(Map.of());

    public QuestionMix {
        weights = Map.copyOf(weights);
        List<String> problems = new ArrayList<>();
        for (QuestionType t : QuestionType.values()) {
            Double w = weights.get(t);
            if (w == null || !(w > 0) || w.isInfinite()) problems.add(t.word() + " weight " + w + " must be a finite number > 0");
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException("question mix: " + String.join("; ", problems));
    }

    /** Weight 1 for every type except those in {@code overrides}. */
    public static QuestionMix of(Map<QuestionType, Double> overrides) {
        Map<QuestionType, Double> w = new EnumMap<>(QuestionType.class);
        for (QuestionType t : QuestionType.values()) w.put(t, overrides.getOrDefault(t, 1.0));
        return new QuestionMix(w);
    }

    /**
     * Parses {@code "uniform"} or a comma list of {@code type=weight} ({@code "how_many=3,what_colour=2"});
     * unnamed types weigh 1. Throws IllegalArgumentException naming the bad entry and the known types.
     */
    public static QuestionMix parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.equals("uniform")) return UNIFORM;
        Map<QuestionType, Double> overrides = new EnumMap<>(QuestionType.class);
        for (String entry : s.split(",")) {
            String[] kv = entry.trim().split("=");
            QuestionType type = kv.length == 2 ? typeOf(kv[0].trim()) : null;
            if (type == null) throw new IllegalArgumentException("question mix entry '" + entry + "' is not type=weight with a type of "
                    + java.util.Arrays.stream(QuestionType.values()).map(QuestionType::word).toList());
            try {
                overrides.put(type, Double.parseDouble(kv[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("question mix entry '" + entry + "': weight is not a number");
            }
        }
        return of(overrides);
    }

    public boolean isUniform() {
        return weights.values().stream().allMatch(w -> w == 1.0);
    }

    /** One question type drawn from {@code rng} with these weights. */
    public QuestionType draw(RandomGenerator rng) {
        QuestionType[] types = QuestionType.values();
        if (isUniform()) return types[rng.nextInt(types.length)];
        double total = 0;
        for (QuestionType t : types) total += weights.get(t);
        double u = rng.nextDouble() * total;
        for (QuestionType t : types) {
            u -= weights.get(t);
            if (u < 0) return t;
        }
        return types[types.length - 1];
    }

    /** {@code "uniform"} or the {@code type=weight} list of the types not weighing 1 (parseable by {@link #parse}). */
    @Override
    public String toString() {
        if (isUniform()) return "uniform";
        StringBuilder b = new StringBuilder();
        for (QuestionType t : QuestionType.values())
            if (weights.get(t) != 1.0) b.append(b.isEmpty() ? "" : ",").append(t.word()).append('=').append(weights.get(t));
        return b.toString();
    }

    private static QuestionType typeOf(String word) {
        for (QuestionType t : QuestionType.values()) if (t.word().equals(word)) return t;
        return null;
    }
}
