package io.shiftwatch.testbed.scenario;

import io.shiftwatch.testbed.world.Captions;
import io.shiftwatch.testbed.world.Questions;
import io.shiftwatch.testbed.world.Scene;
import io.shiftwatch.testbed.world.SceneLabels;
import io.shiftwatch.testbed.world.SceneRenderer;
import io.shiftwatch.testbed.world.SceneSampler;
import io.shiftwatch.testbed.world.TextPair;
import io.shiftwatch.testbed.world.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The deterministic example stream of a scenario: example {@code i} depends only on (scenario, seed,
 * split, i, imageSize, captionFraction, questionMix). Each example samples a scene from its own scene
 * seed, then with probability {@code captionFraction} a caption, otherwise a question of an applicable
 * type drawn with the {@link QuestionMix} (uniform unless given). Random access; thread-safe.
 */
public final class TrainingExamples {
    private final Scenario scenario;
    private final long streamSeed;
    private final Split split;
    private final SceneRenderer renderer;
    private final double captionFraction;
    private final QuestionMix questionMix;

    public TrainingExamples(Scenario scenario, long seed, Split split, int imageSize, double captionFraction) {
        this(scenario, seed, split, imageSize, captionFraction, QuestionMix.UNIFORM);
    }

    public TrainingExamples(Scenario scenario, long seed, Split split, int imageSize, double captionFraction,
                            QuestionMix questionMix) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.split = Objects.requireNonNull(split, "split");
        if (!(captionFraction >= 0 && captionFraction <= 1))
            throw new IllegalArgumentException("caption fraction must be in [0,1], got " + captionFraction);
        this.captionFraction = captionFraction;
        this.questionMix = Objects.requireNonNull(questionMix, "questionMix");
        this.streamSeed = seed ^ scenario.seedSalt();
        this.renderer = new SceneRenderer(imageSize);
    }

    /**
     * Scene seed of example {@code index}: a 64-bit bijective mix of {@code streamSeed + 2*index + s}
     * with s = 0 for TRAIN and 1 for HELD_OUT, so the two splits' inputs differ in parity and their
     * seeds can never coincide.
     */
    public long sceneSeed(long index) {
        if (index < 0) throw new IllegalArgumentException("example index must be >= 0, got " + index);
        return mix(streamSeed + 2 * index + (split == Split.HELD_OUT ? 1 : 0));
    }

    public TrainingExample get(long index) {
        SplittableRandom rng = new SplittableRandom(sceneSeed(index));
        Scene scene = SceneSampler.sample(rng);
        TextStyle style = scenario.textStyle();
        TextPair text = rng.nextDouble() < captionFraction ? Captions.caption(scene, style, rng) : question(scene, style, questionMix, rng);
        Map<String, String> labels = new HashMap<>(SceneLabels.of(scene));
        labels.putAll(text.labels());
        labels.put("task", text.task());
        labels.put("scenario", scenario.name());
        int size = renderer.imageSize();
        List<ObjectWord> objectWords = scene.objects().stream()
                .map(o -> new ObjectWord(Captions.shapeWord(o.shape(), style), o.position().x(size), o.position().y(size))).toList();
        return new TrainingExample(size, renderer.render(scene), text.prompt(), text.answer(), text.answerType(), labels,
                objectWords);
    }

    /** Examples {@code from .. from+count-1}, in order. */
    public Stream<TrainingExample> stream(long from, long count) {
        return LongStream.range(from, from + count).mapToObj(this::get);
    }

    public Scenario scenario() { return scenario; }

    public Split split() { return split; }

    /** Drawing types until one applies terminates: IS_THERE_PERSON and WHAT_PLACE always apply. */
    private static TextPair question(Scene scene, TextStyle style, QuestionMix mix, SplittableRandom rng) {
        while (true) {
            Optional<TextPair> qa = Questions.question(scene, mix.draw(rng), style, rng);
            if (qa.isPresent()) return qa.get();
        }
    }

    /** Stafford's variant 13 of the SplitMix64 finaliser: a bijection on 64-bit values. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
