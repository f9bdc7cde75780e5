package io.shiftwatch.testbed.world;

import io.shiftwatch.models.WordVocabulary;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * VQA pairs about a scene. A question is empty when it does not apply (no person to ask about, an
 * ambiguous "the circle" when there are two) or when {@link TextStyle#vanished()} would be named.
 * {@link TextStyle#answerShift()} rewrites the answers of its question type only. Stateless.
 */
public final class Questions {
    /**
     * Presence questions ask about something in the scene half of the time and about something ABSENT from it
     * otherwise (VQAv2-style balance: "yes" is no longer the best guess, so the model must look; with a present
     * rate of 0.6 and absent shapes drawn from all shapes, models answered "yes" to every shape question).
     */
    static final double PRESENT_RATE = 0.5;
    /** Counting questions ask about an absent shape (answer "0") a quarter of the time. */
    static final double COUNT_PRESENT_RATE = 0.75;
    /** One draw picks among the absent shapes or colours (any count up to this many). */
    private static final int ABSENT_DRAW_RANGE = 1 << 20;

    private Questions() {
    }

    /** A question of {@code type} about {@code scene}, or empty when it does not apply. */
    public static Optional<TextPair> question(Scene scene, QuestionType type, TextStyle style, RandomGenerator rng) {
        SceneObject any = scene.objects().get(rng.nextInt(scene.objects().size()));
        boolean askPresent = rng.nextDouble() < (type == QuestionType.HOW_MANY ? COUNT_PRESENT_RATE : PRESENT_RATE);
        int absentDraw = rng.nextInt(ABSENT_DRAW_RANGE);
        Shape shape = askPresent ? any.shape() : absent(Shape.values(), s -> scene.count(s) > 0, absentDraw);
        Colour colour = askPresent ? any.colour() : absent(Colour.values(), scene::hasColour, absentDraw);
        String[] qa = switch (type) {
            case IS_THERE_SHAPE -> qa("is there " + Captions.article(shape.word()) + " " + shape.word(), yesNo(scene.count(shape) > 0));
            case IS_THERE_COLOUR -> qa("is there anything " + colour.word(), yesNo(scene.hasColour(colour)));
            case IS_THERE_PERSON -> qa("is there a person", yesNo(scene.person().isPresent()));
            case HOW_MANY -> qa("how many " + shape.plural() + " are there", Integer.toString(scene.count(shape)));
            case WHAT_COLOUR -> scene.count(any.shape()) != 1 ? null
                    : qa("what colour is the " + any.shape().word(), any.colour().word());
            case WHAT_PLACE -> qa("what place is this", scene.place().word());
            case WHAT_PROFESSION -> scene.person().map(p -> qa("what is the job of the person", p.profession().word())).orElse(null);
            case WHERE_PERSON -> scene.person().map(p -> qa("where is the person", p.position().word())).orElse(null);
            case WHERE_SHAPE -> scene.count(any.shape()) != 1 ? null
                    : qa("where is the " + any.shape().word(), any.position().word());
            case WHAT_SHAPE -> qa("what is " + any.position().phrase(), any.shape().word());
        };
        if (qa == null || namesVanished(qa, style.vanished())) return Optional.empty();
        String answer = shifted(type, qa[1], style);
        return Optional.of(new TextPair(qa[0], answer, type.answerType(), type.word(), Map.of()));
    }

    /** The {@code draw}-th (modulo) value for which {@code present} is false; every world has more values than a scene shows. */
    private static <T> T absent(T[] values, Predicate<T> present, int draw) {
        List<T> absent = Arrays.stream(values).filter(present.negate()).toList();
        if (absent.isEmpty()) throw new IllegalStateException("the scene shows every value of " + values[0].getClass().getSimpleName());
        return absent.get(draw % absent.size());
    }

    private static String shifted(QuestionType type, String answer, TextStyle style) {
        TextStyle.AnswerShift shift = style.answerShift();
        return shift != null && shift.type() == type && shift.from().equals(answer) ? shift.to() : answer;
    }

    private static boolean namesVanished(String[] qa, VisualConcept vanished) {
        if (vanished == null) return false;
        List<String> forms = switch (vanished) {
            case Shape s -> List.of(s.word(), s.plural());
            case Colour c -> List.of(c.word());
        };
        for (String text : qa)
            for (String w : WordVocabulary.splitWords(text)) if (forms.contains(w)) return true;
        return false;
    }

    private static String[] qa(String prompt, String answer) {
        return new String[] {prompt, answer};
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
