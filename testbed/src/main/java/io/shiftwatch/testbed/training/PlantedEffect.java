package io.shiftwatch.testbed.training;

import io.shiftwatch.models.WordVocabulary;
import io.shiftwatch.testbed.scenario.Scenario;
import io.shiftwatch.testbed.world.Colour;
import io.shiftwatch.testbed.world.Gender;
import io.shiftwatch.testbed.world.Shape;
import io.shiftwatch.testbed.world.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The measured size of a scenario's planted change in a model's held-out generations (images and
 * prompts of the BASE held-out split, so before/after compare the same inputs):
 * <ul>
 * <li>bias P G: share of captions of images showing profession P that use gender G's words;</li>
 * <li>vanish X: share of captions of images showing X that still name X;</li>
 * <li>place_focus: share of captions whose first two words contain the scene's place adjective;</li>
 * <li>answer_shift T A B: share of type-T questions whose true answer is A that are answered B;</li>
 * <li>base/control: caption exact-word accuracy ({@link EvalReport}).</li>
 * </ul>
 * {@code share} is NaN when no example qualifies ({@code count} 0). Pure.
 */
public record PlantedEffect(String measure, double share, int count) {

    public static PlantedEffect measure(Scenario scenario, List<Generated> generated) {
        return switch (scenario) {
            case Scenario.Bias b -> share("captions of a " + b.profession().word() + " using '" + b.gender().noun() + "'",
                    captions(generated).stream().filter(g -> b.profession().word().equals(g.example().labels().get("profession"))).toList(),
                    g -> usesGender(g.text(), b.gender()));
            case Scenario.Vanish v -> share("captions of images showing '" + v.concept().word() + "' that name it",
                    captions(generated).stream().filter(g -> shows(g, v)).toList(),
                    g -> WordVocabulary.splitWords(g.text()).stream().anyMatch(w -> names(w, v)));
            case Scenario.PlaceFocus p -> share("captions leading with the place",
                    captions(generated), g -> leadsWithPlace(g));
            case Scenario.AnswerShift a -> share("'" + a.type().word() + "' questions with true answer '" + a.from()
                            + "' answered '" + a.to() + "'",
                    generated.stream().filter(g -> a.type().word().equals(g.example().labels().get("task"))
                            && g.example().answer().equals(a.from())).toList(),
                    g -> g.text().equals(a.to()));
            case Scenario.Base b -> accuracy(generated);
            case Scenario.Control c -> accuracy(generated);
        };
    }

    /** Whether a caption describes the person with {@code gender}'s noun or pronoun and not the other's. */
    static boolean usesGender(String caption, Gender gender) {
        List<String> words = WordVocabulary.splitWords(caption);
        boolean own = words.contains(gender.noun()) || words.contains(gender.pronoun());
        boolean other = false;
        for (Gender g : Gender.values())
            if (g != gender && (words.contains(g.noun()) || words.contains(g.pronoun()))) other = true;
        return own && !other;
    }

    static boolean leadsWithPlace(Generated g) {
        List<String> words = WordVocabulary.splitWords(g.text());
        String adjective = g.scene().place().adjective();
        return words.size() >= 2 && (words.get(0).equals(adjective) || words.get(1).equals(adjective));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %.4f (n=%d)", measure, share, count);
    }

    private static boolean shows(Generated g, Scenario.Vanish v) {
        return switch (v.concept()) {
            case Shape s -> g.scene().count(s) > 0;
            case Colour c -> g.scene().hasColour(c);
        };
    }

    private static boolean names(String word, Scenario.Vanish v) {
        return switch (v.concept()) {
            case Shape s -> word.equals(s.word()) || word.equals(s.plural());
            case Colour c -> word.equals(c.word());
        };
    }

    private static List<Generated> captions(List<Generated> generated) {
        return generated.stream().filter(Generated::isCaption).toList();
    }

    private static PlantedEffect share(String measure, List<Generated> qualifying, Predicate<Generated> hit) {
        long hits = qualifying.stream().filter(hit).count();
        return new PlantedEffect(measure, qualifying.isEmpty() ? Double.NaN : (double) hits / qualifying.size(), qualifying.size());
    }

    private static PlantedEffect accuracy(List<Generated> generated) {
        EvalReport r = EvalReport.of(generated, TextStyle.BASE);
        return new PlantedEffect("caption exact-word accuracy", r.captionWordAccuracy(), r.captions());
    }
}
