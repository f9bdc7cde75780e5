package io.shiftwatch.testbed;

import io.shiftwatch.models.ProbeSample;
import io.shiftwatch.models.probe.ProbeSet;
import io.shiftwatch.testbed.world.Captions;
import io.shiftwatch.testbed.world.Colour;
import io.shiftwatch.testbed.world.Gender;
import io.shiftwatch.testbed.world.Place;
import io.shiftwatch.testbed.world.Profession;
import io.shiftwatch.testbed.world.QuestionType;
import io.shiftwatch.testbed.world.Questions;
import io.shiftwatch.testbed.world.Scene;
import io.shiftwatch.testbed.world.SceneLabels;
import io.shiftwatch.testbed.world.SceneRenderer;
import io.shiftwatch.testbed.world.SceneSampler;
import io.shiftwatch.testbed.world.TextPair;
import io.shiftwatch.testbed.world.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The default drift probe set: base-world captions that cycle systematically through every
 * shape x colour (i mod 48), every place (i/48 mod 4) and every profession x gender or no person
 * (i mod 13, coprime to both), plus one VQA sample per five, cycling through every question type.
 * Expected answers are the base wording. Deterministic in (samples, seed, imageSize, tasks).
 * {@link Tasks} narrows the set to questions only or captions only (steering tables, PAPER.md §6).
 */
public final class DriftProbes {
    public static final int DEFAULT_SAMPLES = 2_400;
    public static final String DEFAULT_ID = "drift-v1";
    private static final int PERSON_SLOTS = 13;

    private DriftProbes() {
    }

    /** Which tasks a probe set holds. */
    public enum Tasks {
        /** About 5/6 captions and 1/6 questions (the drift probe set). */
        ALL,
        /** Questions only, cycling through every question type. */
        VQA,
        /** Captions only. */
        CAPTION,
        /** Captions only, each showing a person (cycling through every profession x gender). */
        PEOPLE;

        int questions(int samples) {
            return switch (this) {
                case ALL -> samples / 6;
                case VQA -> samples;
                case CAPTION, PEOPLE -> 0;
            };
        }
    }

    /** {@code samples} probes: about 5/6 captions and 1/6 questions. */
    public static ProbeSet build(String id, int samples, long seed, int imageSize) {
        return build(id, samples, seed, imageSize, Tasks.ALL);
    }

    /** {@code samples} probes of {@code tasks}; the first captions/questions are those of {@link Tasks#ALL}. */
    public static ProbeSet build(String id, int samples, long seed, int imageSize, Tasks tasks) {
        if (samples < 1) throw new IllegalArgumentException("a probe set needs at least one sample, got " + samples);
        SceneRenderer renderer = new SceneRenderer(imageSize);
        List<ProbeSample> probes = new ArrayList<>(samples);
        List<Map<String, String>> labels = new ArrayList<>(samples);
        int questions = tasks.questions(samples), captions = samples - questions;
        for (int i = 0; i < captions; i++) {
            SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + i);
            Scene scene = captionScene(i, rng, tasks == Tasks.PEOPLE ? Profession.values().length * Gender.values().length : PERSON_SLOTS);
            add(probes, labels, "cap-%05d".formatted(i), renderer, scene, Captions.caption(scene, TextStyle.BASE, rng));
        }
        QuestionType[] types = QuestionType.values();
        for (int j = 0; j < questions; j++) {
            SplittableRandom rng = new SplittableRandom(~(seed * 1_000_003L + j));
            Optional<TextPair> qa = Optional.empty();
            Scene scene = null;
            while (qa.isEmpty()) {
                scene = SceneSampler.sample(rng);
                qa = Questions.question(scene, types[j % types.length], TextStyle.BASE, rng);
            }
            add(probes, labels, "vqa-%05d".formatted(j), renderer, scene, qa.get());
        }
        return ProbeSet.of(id, imageSize, probes, labels);
    }

    private static Scene captionScene(int i, SplittableRandom rng, int personSlots) {
        Colour[] colours = Colour.values();
        var shapes = io.shiftwatch.testbed.world.Shape.values();
        int combo = i % (shapes.length * colours.length);
        Place place = Place.values()[(i / (shapes.length * colours.length)) % Place.values().length];
        int slot = i % personSlots;
        int people = Profession.values().length * Gender.values().length;
        Profession profession = slot < people ? Profession.values()[slot / 2] : null;
        Gender gender = Gender.values()[slot % 2];
        return SceneSampler.sample(rng, place, shapes[combo % shapes.length], colours[combo / shapes.length],
                profession, gender);
    }

    private static void add(List<ProbeSample> probes, List<Map<String, String>> labels, String id,
                            SceneRenderer renderer, Scene scene, TextPair text) {
        probes.add(new ProbeSample(id, renderer.imageSize(), renderer.render(scene), text.prompt(), text.answer(),
                text.answerType()));
        Map<String, String> l = new HashMap<>(SceneLabels.of(scene));
        l.putAll(text.labels());
        l.put("task", text.task());
        labels.add(l);
    }
}
