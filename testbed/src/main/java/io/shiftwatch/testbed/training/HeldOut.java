package io.shiftwatch.testbed.training;

import io.shiftwatch.models.GenerationRequest;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.ProbeSample;
import io.shiftwatch.testbed.scenario.Scenario;
import io.shiftwatch.testbed.scenario.Split;
import io.shiftwatch.testbed.scenario.TrainingExample;
import io.shiftwatch.testbed.scenario.TrainingExamples;
import io.shiftwatch.testbed.world.Scene;
import io.shiftwatch.testbed.world.SceneSampler;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fixed held-out evaluation set of a scenario: the first {@code captions} HELD_OUT caption examples
 * and the first {@code questions} HELD_OUT VQA examples (never seen in training: disjoint scene
 * seeds), each with its scene. {@link #generate} runs greedy generation over all of them.
 */
public record HeldOut(Scenario scenario, List<TrainingExample> examples, List<Scene> scenes) {
    /** Enough new tokens for the longest caption. */
    public static final int MAX_NEW_TOKENS = 56;

    public HeldOut {
        examples = List.copyOf(examples);
        scenes = List.copyOf(scenes);
        if (examples.size() != scenes.size())
            throw new IllegalArgumentException(examples.size() + " examples but " + scenes.size() + " scenes");
    }

    public static HeldOut of(Scenario scenario, long seed, int imageSize, int captions, int questions) {
        List<TrainingExample> ex = new ArrayList<>();
        List<Scene> scenes = new ArrayList<>();
        add(new TrainingExamples(scenario, seed, Split.HELD_OUT, imageSize, 1.0), captions, ex, scenes);
        add(new TrainingExamples(scenario, seed, Split.HELD_OUT, imageSize, 0.0), questions, ex, scenes);
        return new HeldOut(scenario, ex, scenes);
    }

    private static void add(TrainingExamples stream, int count, List<TrainingExample> ex, List<Scene> scenes) {
        for (int i = 0; i < count; i++) {
            ex.add(stream.get(i));
            scenes.add(SceneSampler.sample(new SplittableRandom(stream.sceneSeed(i))));
        }
    }

    /** Greedy generations of {@code model} for every example, in order. */
    public List<Generated> generate(ModelAdapter model) {
        List<ProbeSample> probes = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) probes.add(ExampleBatches.probe("h" + i, examples.get(i)));
        var generations = model.generate(probes, GenerationRequest.plain(MAX_NEW_TOKENS));
        List<Generated> out = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) out.add(new Generated(examples.get(i), scenes.get(i), generations.get(i).text()));
        return out;
    }
}
