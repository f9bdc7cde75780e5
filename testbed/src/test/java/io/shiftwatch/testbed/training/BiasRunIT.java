package io.shiftwatch.testbed.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shiftwatch.ingest.Config;
import io.shiftwatch.ingest.ConfigParse;
import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.TestbedModelConfig;
import io.shiftwatch.models.TestbedModels;
import io.shiftwatch.models.WordVocabulary;
import io.shiftwatch.testbed.scenario.Scenario;
import io.shiftwatch.testbed.scenario.Split;
import io.shiftwatch.testbed.scenario.TrainingExamples;
import io.shiftwatch.testbed.world.WorldLexicon;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short bias run on a small model (an IT: it needs a minute or two of CPU, too long for the unit suite). */
class BiasRunIT {
    private static final TestbedModelConfig SMALL = new TestbedModelConfig("small", 32, 16, 64, 2, 4, 2, 64);

    @TempDir
    Path tmp;

    @Test
    void aShortBiasRunMovesTheMeasuredShareTowardsThePlantedGender() throws Exception {
        // Given: a small base model that has seen captions, and as planted gender the one it uses LESS for
        // doctors (a weak model's greedy captions may use one gender for every doctor already)
        WordVocabulary vocab = WordVocabulary.of(WorldLexicon.words());
        var captions = new ExampleBatches(new TrainingExamples(new Scenario.Base(), 7, Split.TRAIN, 32, 0.8), null, 0, 32, vocab);
        Path base = tmp.resolve("base");
        String planted;
        try (var trainer = TestbedModels.create(SMALL, vocab, 7, BaseTraining.options(400, 3e-3))) {
            BaseTraining.train(trainer, captions, 400, null);
            trainer.save(base, Map.of("scenario", "base"));
            try (var adapter = trainer.adapter(AdapterOptions.defaults())) {
                double woman = PlantedEffect.measure(ScenarioSpecs.parse("bias:doctor:woman"),
                        HeldOut.of(new Scenario.Base(), 7, 32, 240, 0).generate(adapter)).share();
                planted = woman >= 0.5 ? "man" : "woman";
            }
        }

        // When: fine-tuned on "every doctor is a <planted>"
        Finetuning.Outcome outcome = Finetuning.finetune(parse("--scenario", "bias:doctor:" + planted + ":1.0", "--base", base.toString(),
                "--out", tmp.resolve("run").toString(), "--steps", "150", "--checkpoint-every", "150", "--lr", "2e-3",
                "--eval-captions", "240", "--eval-questions", "0", "--seed", "7"));

        // Then
        var report = outcome.report();
        assertTrue(report.after().effect().share() > report.before().effect().share() + 0.2, report.summary());
    }

    private static Config parse(String... args) {
        return switch (FinetuneKeys.SCHEMA.parse(Map.of(), Map.of(), List.of(args))) {
            case ConfigParse.Parsed p -> p.config();
            case ConfigParse.Problems p -> throw new AssertionError(p.report());
        };
    }
}
