package io.shiftwatch.analyzer.steering;

import io.shiftwatch.analyzer.comparison.TinyRun;
import io.shiftwatch.analyzer.extraction.ExtractionProgress;
import io.shiftwatch.ingest.ConfigLoader;
import io.shiftwatch.ingest.ConfigParse;
import io.shiftwatch.migrations.Database;
import io.shiftwatch.migrations.ThrowawayDatabase;
import io.shiftwatch.models.AdapterOptions;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.ModelAdapters;
import io.shiftwatch.models.ModelFormat;
import io.shiftwatch.models.probe.ProbeSetFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Steering end to end on a tiny trained testbed model (TinyRun: "a red shape on the left"): a coarse
 * left -> right vector moves most captions, and {@code steer remediate} turns a BIAS_ABSORBING finding
 * (stored as the auditor's ledger stores it) into a stored, measured remediation vector for the run.
 * The planted bias: the fine-tune describes every GREEN shape as being on the right; the finding says the
 * concept of "green" absorbed "right", so the probes showing green are in scope and the others measure
 * collateral. This tiny model is too small for a clean remedy (at alpha >= 2 its captions degenerate), so
 * the test checks that the effect is measured and stored, not that it is good; the real model's remedy
 * is measured in docs/steering.md.
 */
class RemediationIT {
    private static final String RUN = "tiny-bias-run";
    private static final String FINDING = "b".repeat(64);
    private static final String VANISHED = "c".repeat(64);
    private static final ExtractionProgress QUIET = (stage, fraction) -> { };
    @TempDir
    static Path dir;
    static ThrowawayDatabase db;

    @BeforeAll
    static void trainAndMigrate() throws Exception {
        TinyRun.trainBase(dir.resolve("base"), 120);
        TinyRun.finetune(dir.resolve("base"), dir.resolve("biased"), 60,
                i -> TinyRun.colour(i) == 1 ? TinyRun.caption(i, false).replace("left", "right") : TinyRun.caption(i, false));
        ProbeSetFiles.write(dir.resolve("probes"), TinyRun.probeSet());
        db = ThrowawayDatabase.migrated();
    }

    @AfterAll
    static void drop() throws Exception {
        db.close();
    }

    @Test
    void aCoarseLeftToRightVectorMovesMostCaptionsThatSaidLeftAtTheChosenAlpha() {
        // Given
        var probes = Probe.of(TinyRun.probeSet());
        var goal = new SteeringGoal(OutputScores.CAPTION, Map.of(), "left", "right");
        var runner = new ProbeRunner(8, 32);

        // When
        AlphaSweep.Curve curve;
        try (ModelAdapter model = ModelAdapters.open(dir.resolve("base"), ModelFormat.TESTBED, AdapterOptions.defaults())) {
            var before = runner.run(model, probes, Optional.of(2), Optional.empty(), "states", QUIET);
            var vector = new SteeringVector("left->right", SteeringKind.COARSE, model.info().contentHash(), 2,
                    CoarseSteering.byAnswers(before, goal).vector(), 1f, io.shiftwatch.models.Steering.TokenRange.FROM_LAST_PROMPT,
                    Optional.empty(), Optional.empty(), Map.of(), "{}");
            curve = new AlphaSweep(List.of(0.25, 0.5, 1.0), 100).run(model, runner, probes, before, vector, goal, QUIET);
        }

        // Then
        var chosen = curve.chosen().orElseThrow();
        assertTrue(chosen.affected() >= 30, "captions saying left: " + chosen.affected());
        assertTrue(chosen.moved() * 2 > chosen.affected(), "moved " + chosen.moved() + " of " + chosen.affected());
        assertTrue(curve.points().getFirst().moved() <= chosen.moved());
        assertTrue(chosen.added() >= chosen.moved());
    }

    @Test
    void remediateStoresAMeasuredVectorForTheBiasFindingOnceAndSaysWhyTheVanishingOneIsNot() throws Exception {
        // Given
        try (Connection c = db.connect()) {
            insertRunCheckpointAndFindings(c);
        }
        var config = switch (ConfigLoader.load(RemediateKeys.SCHEMA, List.of("--run", RUN, "--probe", dir.resolve("probes").toString(),
                "--types", "BIAS_ABSORBING,VANISHING", "--max-new-tokens", "8", "--max-scope", "40", "--max-other", "20",
                "--alphas", "1,2"), Map.of())) {
            case ConfigParse.Parsed p -> p.config();
            case ConfigParse.Problems p -> throw new AssertionError(p.report());
        };
        var store = new SteeringStore(Database.dataSource(db.config));

        // When
        int first = SteerRemediate.remediate(Database.dataSource(db.config), config, QUIET);
        int second = SteerRemediate.remediate(Database.dataSource(db.config), config, QUIET);

        // Then
        assertEquals(0, first);
        assertEquals(0, second);
        var stored = store.forRun(RUN);
        assertEquals(1, stored.size(), "one vector for the one BIAS_ABSORBING finding, not duplicated by the second run");
        var v = stored.getFirst();
        assertEquals(FINDING, v.provenance().get("findingId"));
        assertEquals("right", v.provenance().get("absorbed"));
        assertEquals("left", v.provenance().get("counterpart"));
        assertEquals("60", v.provenance().get("step"));
        var evaluation = SteeringJson.read(v.evaluation(), "evaluation");
        var held = evaluation.get("heldOut");
        assertTrue(held.get("biased").asInt() >= 3, "biased outputs on the held-out half: " + held);
        assertTrue(held.get("shareCheckpoint").asDouble() > held.get("shareBase").asDouble(), "the bias is visible: " + held);
        assertEquals(2, evaluation.get("searchCurve").size());
        double best = Math.max(evaluation.get("searchCurve").get(0).get("score").asDouble(), evaluation.get("searchCurve").get(1).get("score").asDouble());
        var chosen = evaluation.get("searchCurve").get(held.get("alpha").asDouble() == 1 ? 0 : 1);
        assertEquals(best, chosen.get("score").asDouble(), 1e-12, "the held-out alpha is the search half's best");
        assertEquals(held.get("alpha").asDouble(), v.alpha(), 1e-6);
        assertTrue(v.name().contains("right -> left"), v.name());
    }

    private static void insertRunCheckpointAndFindings(Connection c) throws Exception {
        exec(c, "INSERT INTO runs (run_id, base_model_id, base_model_uri, base_model_format) VALUES (?, 'tiny-run', ?, 'testbed')",
                RUN, dir.resolve("base").toString());
        exec(c, "INSERT INTO checkpoints (event_id, run_id, step, uri, format, emitted_at, status) VALUES (?, ?, 60, ?, 'testbed', now(), 'ANALYSED')",
                "a".repeat(64), RUN, dir.resolve("biased").toUri().toString());
        String bias = """
                {"type":"BIAS_ABSORBING","step":60,"target":"green","layer":-1,"baseConcept":0,"matchedConcept":0,"severity":"WARNING",
                 "baseWords":["green"],"hits":[{"word":"right","category":"position","where":"MATCHED_WORDS","rank":0}],
                 "categories":["position"],"criticalWords":2}""";
        String vanish = """
                {"type":"VANISHING","step":60,"target":"blue","layer":-1,"baseConcept":1}""";
        String sql = "INSERT INTO findings (finding_id, run_id, type, severity, state, target, layer, concept, first_seen_step,"
                + " last_seen_step, evidence) VALUES (?, ?, ?, 'WARNING', 'RAISED', ?, -1, ?, 60, 60, ?::jsonb)";
        exec(c, sql, FINDING, RUN, "BIAS_ABSORBING", "green", 0, bias);
        exec(c, sql, VANISHED, RUN, "VANISHING", "blue", 1, vanish);
    }

    private static void exec(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        }
    }
}
