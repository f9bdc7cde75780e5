package io.shiftwatch.analyzer.comparison;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shiftwatch.analyzer.AnalysisConfig;
import io.shiftwatch.analyzer.concepts.ConceptDictionary;
import io.shiftwatch.analyzer.concepts.GroundedWords;
import io.shiftwatch.analyzer.drift.EmergentConcept;
import io.shiftwatch.analyzer.drift.NullDistribution;
import io.shiftwatch.analyzer.extraction.Npy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The offline output of {@code ./shiftwatch analyze}: {@code concepts.json} (every concept's words and
 * top samples, the matching), {@code metrics.json} (per-concept metrics with null quantiles, emergent
 * concepts, overlaps, coarse shift, correlations, hashes, timings) and, per target and layer, the raw
 * matrices as {@code .npy} (float32) so any other tool can check the numbers:
 * {@code <target>_L<layer>_{base,checkpoint}_states.npy} (paired samples, probe order),
 * {@code _{base,checkpoint}_concepts.npy} and {@code _shift_vectors.npy} (NaN rows: no samples).
 */
public final class ComparisonFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ComparisonFiles() {
    }

    public static void write(Path out, ComparisonOutcome.Compared compared, AnalysisConfig config) throws IOException {
        Files.createDirectories(out);
        ObjectNode concepts = JSON.createObjectNode();
        ObjectNode metrics = JSON.createObjectNode();
        metrics.put("configHash", config.configHash()).put("config", config.canonical())
                .put("baseModelHash", compared.baseModelHash()).put("checkpointHash", compared.checkpointHash())
                .put("probeSetHash", compared.probeSetHash());
        metrics.set("stageMillis", JSON.valueToTree(compared.stageMillis()));
        metrics.set("skipped", JSON.valueToTree(compared.skipped()));
        metrics.set("lost", JSON.valueToTree(compared.lost()));
        ArrayNode perTarget = metrics.putArray("targets");
        ArrayNode conceptTargets = concepts.putArray("targets");
        for (TargetComparison t : compared.targets()) {
            String prefix = t.target() + "_L" + t.layer();
            perTarget.add(targetMetrics(t));
            conceptTargets.add(targetConcepts(t));
            var report = t.report();
            int d = report.baseDictionary().concept(0).length;
            Npy.write(out.resolve(prefix + "_base_states.npy"), t.pairedBase(), d);
            Npy.write(out.resolve(prefix + "_checkpoint_states.npy"), t.pairedCheckpoint(), d);
            Npy.write(out.resolve(prefix + "_base_concepts.npy"), report.baseDictionary().centroids(), d);
            Npy.write(out.resolve(prefix + "_checkpoint_concepts.npy"), report.checkpointDictionary().centroids(), d);
            Npy.write(out.resolve(prefix + "_shift_vectors.npy"), shiftVectors(t, d), d);
        }
        JSON.writeValue(out.resolve("concepts.json").toFile(), concepts);
        JSON.writeValue(out.resolve("metrics.json").toFile(), metrics);
    }

    private static ObjectNode targetMetrics(TargetComparison t) {
        var report = t.report();
        ObjectNode n = JSON.createObjectNode().put("target", t.target()).put("layer", t.layer()).put("k", t.effectiveK())
                .put("baseSamples", t.baseSamples()).put("pairedSamples", t.pairedSampleIds().size())
                .put("droppedFromBase", t.droppedFromBase()).put("droppedFromCheckpoint", t.droppedFromCheckpoint())
                .put("baseOverlap", report.baseOverlap()).put("checkpointOverlap", report.checkpointOverlap())
                .put("coarseShiftMagnitude", report.coarseShift().magnitude());
        n.set("coarseShiftWords", JSON.valueToTree(report.coarseShift().words().words()));
        ArrayNode concepts = n.putArray("concepts");
        for (var drift : report.concepts()) {
            ConceptMetrics m = ConceptMetrics.of(drift, t.nullCalibration());
            ObjectNode c = JSON.valueToTree(m);
            c.remove("shiftVector");
            concepts.add(c);
        }
        ArrayNode emergent = n.putArray("emergent");
        for (EmergentConcept e : report.emergent())
            emergent.add(JSON.createObjectNode().put("checkpointConcept", e.checkpointConcept()).put("reason", e.reason().name())
                    .put("bestBaseCosine", e.bestBaseCosine()).put("size", e.size()).set("words", JSON.valueToTree(e.words().words())));
        ObjectNode nulls = n.putObject("null");
        for (var entry : t.nullCalibration().distributions().entrySet()) {
            NullDistribution d = entry.getValue();
            nulls.putObject(entry.getKey().name().toLowerCase()).put("n", d.size()).put("q01", d.valueAt(0.01))
                    .put("q05", d.valueAt(0.05)).put("q50", d.valueAt(0.5)).put("q95", d.valueAt(0.95)).put("q99", d.valueAt(0.99));
        }
        return n;
    }

    private static ObjectNode targetConcepts(TargetComparison t) {
        var report = t.report();
        ObjectNode n = JSON.createObjectNode().put("target", t.target()).put("layer", t.layer());
        n.set("pairedSampleIds", JSON.valueToTree(t.pairedSampleIds()));
        n.set("base", dictionary(report.baseDictionary(), report.baseWords()));
        n.set("checkpoint", dictionary(report.checkpointDictionary(), report.checkpointWords()));
        n.set("matching", JSON.valueToTree(report.matching().baseToCheckpoint()));
        return n;
    }

    private static ArrayNode dictionary(ConceptDictionary dictionary, List<GroundedWords> words) {
        ArrayNode a = JSON.createArrayNode();
        int[] sizes = dictionary.clusterSizes();
        for (int k = 0; k < dictionary.k(); k++) {
            a.add(JSON.createObjectNode().put("index", k).put("size", sizes[k])
                    .set("words", JSON.valueToTree(words.get(k).words())));
        }
        return a;
    }

    private static float[][] shiftVectors(TargetComparison t, int d) {
        float[][] out = new float[t.report().concepts().size()][d];
        for (var drift : t.report().concepts()) {
            double[] v = ConceptMetrics.of(drift, t.nullCalibration()).shiftVector();
            for (int j = 0; j < d; j++) out[drift.baseConcept()][j] = v.length == 0 ? Float.NaN : (float) v[j];
        }
        return out;
    }
}
