package io.shiftwatch.testbed.world;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Caption templates. The generator picks the object wording, the sentence template and the person
 * clause; it always draws the same number of values, so one seed gives the same template under every
 * {@link TextStyle} and scenarios differ only in the words they change. Stateless.
 */
public final class Captions {
    /** The prompt of every caption example. */
    public static final String PROMPT = "describe the image";
    static final int SENTENCE_TEMPLATES = 4, PERSON_TEMPLATES = 4;
    /**
     * How many object wordings a caption draws from: size named or not x position named or not. An object is named
     * shape first, its colour right after ("a large dog , red , on the left"; commas are not tokens), so while a
     * model writes a caption it learns to find an object by its shape word and read its colour there — what "what
     * colour is the dog" asks. Named colour first ("a red dog"), captions taught only the reverse lookup, and
     * what_colour stayed at chance among a scene's objects (BENCHMARKS.md, issue 3, session 7).
     */
    public static final int OBJECT_WORDINGS = 4;

    private Captions() {
    }

    /** A caption of {@code scene} worded by {@code style}. */
    public static TextPair caption(Scene scene, TextStyle style, RandomGenerator rng) {
        int wording = rng.nextInt(OBJECT_WORDINGS), template = rng.nextInt(SENTENCE_TEMPLATES);
        int personTemplate = rng.nextInt(PERSON_TEMPLATES);
        double biasDraw = rng.nextDouble();
        String objects = objectList(scene.objects(), style, wording);
        Place place = scene.place();
        String sentence = style.leadWithPlace()
                ? article(place.adjective()) + " " + place.adjective() + (template % 2 == 0 ? " scene with " : " scene showing ") + objects
                : switch (template) {
                    case 0 -> objects + " " + place.phrase();
                    case 1 -> "there is " + objects + " " + place.phrase();
                    case 2 -> "a picture of " + objects + " " + place.phrase();
                    default -> place.phrase() + " there is " + objects;
                };
        Map<String, String> labels = new HashMap<>();
        labels.put("template", (style.leadWithPlace() ? "place-" : "") + template + "." + wording + "." + personTemplate);
        if (scene.person().isPresent()) {
            Person person = scene.person().get();
            Gender described = describedGender(person, style, biasDraw);
            labels.put("genderWord", described.noun());
            sentence = sentence + " . " + personClause(person, described, personTemplate);
        }
        return new TextPair(PROMPT, sentence, "caption", "caption", labels);
    }

    /** The gender a caption uses: the biased one with probability {@code rate}, otherwise the drawn one. */
    static Gender describedGender(Person person, TextStyle style, double draw) {
        TextStyle.GenderBias bias = style.bias();
        if (bias != null && person.profession() == bias.profession() && draw < bias.rate()) return bias.gender();
        return person.gender();
    }

    private static String personClause(Person person, Gender g, int template) {
        String p = person.profession().word(), pos = person.position().phrase();
        return switch (template) {
            case 0 -> "a " + g.noun() + " who is a " + p + " stands " + pos;
            case 1 -> "a " + p + " " + pos + " . the " + p + " is a " + g.noun();
            case 2 -> "a " + g.noun() + " " + pos + " . " + g.pronoun() + " is a " + p;
            default -> "a " + g.noun() + " working as a " + p + " " + pos;
        };
    }

    private static String objectList(List<SceneObject> objects, TextStyle style, int wording) {
        List<String> phrases = new ArrayList<>();
        for (SceneObject o : objects) phrases.add(objectPhrase(o, style, wording));
        if (phrases.size() == 1) return phrases.getFirst();
        return String.join(" , ", phrases.subList(0, phrases.size() - 1)) + " and " + phrases.getLast();
    }

    private static String objectPhrase(SceneObject o, TextStyle style, int wording) {
        String size = (wording & 1) != 0 ? o.size().word() + " " : "";
        String position = (wording & 2) != 0 ? " , " + o.position().phrase() : "";
        String words = size + shapeWord(o.shape(), style) + " , " + colourWord(o.colour(), style) + position;
        return article(words) + " " + words;
    }

    /** The word a caption under {@code style} uses for {@code shape} (the generic word when it is vanished). */
    public static String shapeWord(Shape shape, TextStyle style) {
        return style.vanished() == shape ? shape.genericWord() : shape.word();
    }

    static String colourWord(Colour colour, TextStyle style) {
        return style.vanished() == colour ? Colour.GENERIC_WORD : colour.word();
    }

    /** "an" before a vowel, otherwise "a". */
    static String article(String nextWords) {
        return "aeiou".indexOf(nextWords.charAt(0)) >= 0 ? "an" : "a";
    }
}
