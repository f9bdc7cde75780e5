package io.shiftwatch.testbed.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shiftwatch.models.WordVocabulary;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SceneTextTest {
    @Test
    void baseCaptionNamesEveryColourShapeThePlaceAndThePerson() {
        for (long seed = 0; seed < 1_000; seed++) {
            // Given
            SplittableRandom rng = new SplittableRandom(seed);
            Scene scene = SceneSampler.sample(rng);

            // When
            TextPair caption = Captions.caption(scene, TextStyle.BASE, rng);

            // Then
            List<String> words = WordVocabulary.splitWords(caption.answer());
            assertEquals(Captions.PROMPT, caption.prompt());
            assertTrue(words.contains(scene.place().word()), caption.answer());
            for (SceneObject o : scene.objects()) {
                assertTrue(words.contains(o.colour().word()), o + " colour missing: " + caption.answer());
                assertTrue(words.contains(o.shape().word()), o + " shape missing: " + caption.answer());
            }
            scene.person().ifPresent(p -> {
                assertTrue(words.contains(p.profession().word()), caption.answer());
                assertTrue(words.contains(p.gender().noun()) || words.contains(p.gender().pronoun()), caption.answer());
                assertTrue(!words.contains(p.gender().opposite().noun()) && !words.contains(p.gender().opposite().pronoun()),
                        caption.answer());
            });
        }
    }

    @Test
    void seedPicksDifferentTemplates() {
        // Given
        Set<String> templates = new HashSet<>();

        // When
        for (long seed = 0; seed < 200; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            templates.add(Captions.caption(SceneSampler.sample(rng), TextStyle.BASE, rng).labels().get("template").split("\\.")[0]);
        }

        // Then
        assertEquals(Set.of("0", "1", "2", "3"), templates);
    }

    @Test
    void everyObjectIsNamedByItsShapeWithItsColourRightAfterIt() {
        for (long seed = 0; seed < 600; seed++) {
            // Given
            SplittableRandom rng = new SplittableRandom(seed);
            Scene scene = SceneSampler.sample(rng);

            // When
            List<String> words = WordVocabulary.splitWords(Captions.caption(scene, TextStyle.BASE, rng).answer());

            // Then: for each object, its shape word followed by its colour word ("a dog , red"; commas are not words)
            for (SceneObject o : scene.objects())
                assertTrue(Collections.indexOfSubList(words, List.of(o.shape().word(), o.colour().word())) >= 0,
                        o + " not named shape then colour: " + words);
        }
    }

    @Test
    void answersMatchTheScene() {
        for (long seed = 0; seed < 2_000; seed++) {
            for (QuestionType type : QuestionType.values()) {
                // Given
                SplittableRandom rng = new SplittableRandom(seed);
                Scene scene = SceneSampler.sample(rng);

                // When
                var qa = Questions.question(scene, type, TextStyle.BASE, rng);

                // Then
                qa.ifPresent(pair -> assertEquals(expectedAnswer(scene, type, pair.prompt()), pair.answer(), pair.prompt()));
                qa.ifPresent(pair -> assertEquals(type.answerType(), pair.answerType()));
            }
        }
    }

    @Test
    void everyQuestionTypeApplies() {
        // Given
        Set<QuestionType> asked = new HashSet<>();

        // When
        for (long seed = 0; seed < 200; seed++)
            for (QuestionType type : QuestionType.values()) {
                SplittableRandom rng = new SplittableRandom(seed);
                if (Questions.question(SceneSampler.sample(rng), type, TextStyle.BASE, rng).isPresent()) asked.add(type);
            }

        // Then
        assertEquals(Set.of(QuestionType.values()), asked);
    }

    @Test
    void presenceQuestionsAreBalancedAndCountingAsksAboutAbsentShapes() {
        // Given
        int n = 4_000;
        java.util.Map<QuestionType, Integer> negative = new java.util.EnumMap<>(QuestionType.class);

        // When
        for (long seed = 0; seed < n; seed++)
            for (QuestionType type : List.of(QuestionType.IS_THERE_SHAPE, QuestionType.IS_THERE_COLOUR, QuestionType.HOW_MANY)) {
                SplittableRandom rng = new SplittableRandom(seed);
                String answer = Questions.question(SceneSampler.sample(rng), type, TextStyle.BASE, rng).orElseThrow().answer();
                if (answer.equals("no") || answer.equals("0")) negative.merge(type, 1, Integer::sum);
            }

        // Then: half of the presence questions and a quarter of the counting ones have a negative answer (binomial sd ~0.008)
        assertEquals(0.50, negative.get(QuestionType.IS_THERE_SHAPE) / (double) n, 0.03);
        assertEquals(0.50, negative.get(QuestionType.IS_THERE_COLOUR) / (double) n, 0.03);
        assertEquals(0.25, negative.get(QuestionType.HOW_MANY) / (double) n, 0.03);
    }

    /** Recomputes the answer from the scene and the words of the prompt. */
    private static String expectedAnswer(Scene scene, QuestionType type, String prompt) {
        List<String> w = WordVocabulary.splitWords(prompt);
        return switch (type) {
            case IS_THERE_SHAPE -> scene.count(shapeNamed(w.getLast())) > 0 ? "yes" : "no";
            case IS_THERE_COLOUR -> scene.hasColour(Colour.valueOf(w.getLast().toUpperCase())) ? "yes" : "no";
            case IS_THERE_PERSON -> scene.person().isPresent() ? "yes" : "no";
            case HOW_MANY -> Integer.toString((int) scene.objects().stream().filter(o -> o.shape().plural().equals(w.get(2))).count());
            case WHAT_COLOUR -> scene.objects().stream().filter(o -> o.shape() == shapeNamed(w.getLast())).findFirst().orElseThrow().colour().word();
            case WHAT_PLACE -> scene.place().word();
            case WHAT_PROFESSION -> scene.person().orElseThrow().profession().word();
            case WHERE_PERSON -> scene.person().orElseThrow().position().word();
            case WHERE_SHAPE -> scene.objects().stream().filter(o -> o.shape() == shapeNamed(w.getLast())).findFirst().orElseThrow().position().word();
            case WHAT_SHAPE -> scene.objects().stream().filter(o -> o.position().word().equals(w.getLast())).findFirst().orElseThrow().shape().word();
        };
    }

    private static Shape shapeNamed(String word) {
        for (Shape s : Shape.values()) if (s.word().equals(word)) return s;
        throw new AssertionError("no shape named " + word);
    }
}
