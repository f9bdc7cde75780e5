package io.shiftwatch.testbed.world;

import io.shiftwatch.models.WordVocabulary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * VQA pairs about a scene. A question is empty when it does not apply (no person to ask about, an
 * ambiguous "the circle" when there are two) or when {@link TextStyle#vanished()} would be named.
 * {@link TextStyle#answerShift()} rewrites the answers of its question type only. Stateless.
 */
public final class Questions {
    private Questions() {
    }

    /** A question of {@code type} about {@code scene}, or empty when it does not apply. */
    public static Optional<TextPair> question(Scene scene, QuestionType type, TextStyle style, RandomGenerator rng) {
        SceneObject any = scene.objects().get(rng.nextInt(scene.objects().size()));
        boolean askPresent = rng.nextDouble() < 0.6;
        Shape shape = askPresent ? any.shape() : Shape.values()[rng.nextInt(Shape.values().length)];
        Colour colour = askPresent ? any.colour() : Colour.values()[rng.nextInt(Colour.values().length)];
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
