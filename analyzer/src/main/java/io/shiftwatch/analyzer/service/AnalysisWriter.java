package io.shiftwatch.analyzer.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pgvector.PGvector;
import io.shiftwatch.analyzer.AnalysisConfig;
import io.shiftwatch.analyzer.comparison.ComparisonOutcome;
import io.shiftwatch.analyzer.comparison.ConceptMetrics;
import io.shiftwatch.analyzer.comparison.TargetComparison;
import io.shiftwatch.analyzer.concepts.ConceptDictionary;
import io.shiftwatch.analyzer.concepts.GroundedWords;
import io.shiftwatch.analyzer.concepts.ImageGrounding;
import io.shiftwatch.analyzer.drift.EmergentConcept;
import io.shiftwatch.analyzer.drift.NullDistribution;
import io.shiftwatch.ingest.AnalysisSummary;
import io.shiftwatch.ingest.CheckpointEvent;
import io.shiftwatch.migrations.VectorIndexes;
import io.shiftwatch.migrations.VectorTable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes one analysed checkpoint in ONE transaction (caller's connection): the analysis row, the shared
 * base dictionaries (once per base key), the checkpoint dictionaries with their concept vectors
 * (pgvector), words and top images, matches, shifts, emergent concepts, coarse shifts, correlations,
 * null distributions, and the checkpoint's ANALYSED status — all or nothing. Prepared statements only.
 */
public final class AnalysisWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Top activating samples stored per concept for display (PAPER.md §3: top 5). */
    static final int DISPLAY_IMAGES = 5;

    private AnalysisWriter() {
    }

    /** Deterministic analysis id: SHA-256 of run, step and config hash. */
    public static String analysisId(String runId, long step, String configHash) {
        return sha256("analysis", runId, Long.toString(step), configHash);
    }

    /** Creates the per-dimension vector index (outside the analysis transaction; idempotent). */
    public static void ensureIndexes(Connection c, int dim) throws SQLException {
        VectorIndexes.ensureIndex(c, VectorTable.CONCEPTS, dim);
    }

    public static void write(Connection c, CheckpointEvent event, AnalysisConfig config, ComparisonOutcome.Compared compared,
                             AnalysisSummary summary, Instant started, Instant finished, String softwareVersion) throws SQLException {
        String analysisId = analysisId(event.runId(), event.step(), config.configHash());
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO analyses (analysis_id, checkpoint_id, run_id, step, config_hash, config, base_model_hash,
                  checkpoint_hash, probe_set_hash, software_version, timings_ms, summary, started_at, finished_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)""")) {
            ps.setString(1, analysisId);
            ps.setString(2, event.eventId());
            ps.setString(3, event.runId());
            ps.setLong(4, event.step());
            ps.setString(5, config.configHash());
            ps.setString(6, JSON.valueToTree(config).toString());
            ps.setString(7, compared.baseModelHash());
            ps.setString(8, compared.checkpointHash());
            ps.setString(9, compared.probeSetHash());
            ps.setString(10, softwareVersion);
            ps.setString(11, JSON.valueToTree(summary.stageMillis()).toString());
            ps.setString(12, JSON.valueToTree(summary).toString());
            ps.setObject(13, OffsetDateTime.ofInstant(started, ZoneOffset.UTC));
            ps.setObject(14, OffsetDateTime.ofInstant(finished, ZoneOffset.UTC));
            ps.executeUpdate();
        }
        for (TargetComparison t : compared.targets()) writeTarget(c, analysisId, config, compared, t);
        CheckpointLedger.update(c, event.eventId(), "ANALYSED", null);
    }

    private static void writeTarget(Connection c, String analysisId, AnalysisConfig config, ComparisonOutcome.Compared compared,
                                    TargetComparison t) throws SQLException {
        var report = t.report();
        String baseDictionaryId = sha256("base-dictionary", compared.baseModelHash(), compared.probeSetHash(), t.target(),
                Integer.toString(t.layer()), config.configHash(), Integer.toString(t.effectiveK()));
        boolean newBase = insertDictionary(c, baseDictionaryId, compared.baseModelHash(), compared.probeSetHash(), t, config,
                report.baseDictionary(), report.baseOverlap(), true, null);
        if (newBase) {
            insertConcepts(c, baseDictionaryId, report.baseDictionary(), report.baseWords(), t.pairedBase(), t.pairedSampleIds());
            insertNulls(c, baseDictionaryId, compared, t, config);
        }
        String ckptDictionaryId = sha256("checkpoint-dictionary", analysisId, t.target(), Integer.toString(t.layer()));
        insertDictionary(c, ckptDictionaryId, compared.checkpointHash(), compared.probeSetHash(), t, config,
                report.checkpointDictionary(), report.checkpointOverlap(), false, analysisId);
        insertConcepts(c, ckptDictionaryId, report.checkpointDictionary(), report.checkpointWords(), t.pairedCheckpoint(),
                t.pairedSampleIds());
        insertMatchesAndShifts(c, analysisId, t);
        for (EmergentConcept e : report.emergent()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO emergent_concepts (analysis_id, target, layer, concept,"
                    + " best_cosine, words) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, analysisId);
                ps.setString(2, t.target());
                ps.setInt(3, t.layer());
                ps.setInt(4, e.checkpointConcept());
                ps.setDouble(5, e.bestBaseCosine());
                ps.setArray(6, c.createArrayOf("text", e.words().words().toArray()));
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO coarse_shifts (analysis_id, target, layer, vec, dim, magnitude, words)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            double[] v = report.coarseShift().vector();
            ps.setString(1, analysisId);
            ps.setString(2, t.target());
            ps.setInt(3, t.layer());
            ps.setObject(4, new PGvector(toFloat(v)));
            ps.setInt(5, v.length);
            ps.setDouble(6, report.coarseShift().magnitude());
            ps.setArray(7, c.createArrayOf("text", report.coarseShift().words().words().toArray()));
            ps.executeUpdate();
        }
    }

    /** Returns false when a base dictionary with this id already exists (shared by earlier analyses). */
    private static boolean insertDictionary(Connection c, String id, String modelHash, String probeHash, TargetComparison t,
                                            AnalysisConfig config, ConceptDictionary d, double overlap, boolean base,
                                            String analysisId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO concept_dictionaries (dictionary_id, model_hash, probe_set_hash, target, layer, method, k, seed,
                  config_hash, sample_count, inertia, overlap, is_base, analysis_id)
                VALUES (?, ?, ?, ?, ?, 'KMEANS', ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            ps.setString(1, id);
            ps.setString(2, modelHash);
            ps.setString(3, probeHash);
            ps.setString(4, t.target());
            ps.setInt(5, t.layer());
            ps.setInt(6, d.k());
            ps.setLong(7, config.seed());
            ps.setString(8, config.configHash());
            ps.setInt(9, d.sampleCount());
            ps.setDouble(10, d.inertia());
            ps.setDouble(11, Math.max(0, Math.min(1, overlap)));
            ps.setBoolean(12, base);
            if (analysisId == null) ps.setNull(13, Types.VARCHAR);
            else ps.setString(13, analysisId);
            return ps.executeUpdate() == 1;
        }
    }

    /** All K concepts in one batch, then all their words and all their top images in one batch each (3 round trips). */
    private static void insertConcepts(Connection c, String dictionaryId, ConceptDictionary d, List<GroundedWords> words,
                                       float[][] states, List<String> sampleIds) throws SQLException {
        int[] sizes = d.clusterSizes();
        float[][] activations = d.activate(states);
        long[] conceptIds = new long[d.k()];
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO concepts (dictionary_id, idx, vec, dim, norm, sample_count)"
                + " VALUES (?, ?, ?, ?, ?, ?)", new String[] {"concept_id"})) {
            for (int k = 0; k < d.k(); k++) {
                float[] u = d.concept(k);
                ps.setString(1, dictionaryId);
                ps.setInt(2, k);
                ps.setObject(3, new PGvector(u));
                ps.setInt(4, u.length);
                ps.setDouble(5, norm(u));
                ps.setInt(6, sizes[k]);
                ps.addBatch();
            }
            ps.executeBatch();
            try (var keys = ps.getGeneratedKeys()) {
                for (int k = 0; k < d.k(); k++) {
                    if (!keys.next()) throw new SQLException("the database returned " + k + " concept ids for " + d.k() + " concepts");
                    conceptIds[k] = keys.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO concept_words (concept_id, rank, word, logit) VALUES (?, ?, ?, ?)")) {
            for (int k = 0; k < d.k(); k++) {
                GroundedWords w = words.get(k);
                for (int r = 0; r < w.words().size(); r++) {
                    ps.setLong(1, conceptIds[k]);
                    ps.setInt(2, r);
                    ps.setString(3, w.words().get(r));
                    ps.setDouble(4, w.logits()[r]);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO concept_images (concept_id, rank, sample_id, activation)"
                + " VALUES (?, ?, ?, ?)")) {
            for (int k = 0; k < d.k(); k++) {
                int[] top = ImageGrounding.topSamples(activations, k, DISPLAY_IMAGES);
                for (int r = 0; r < top.length; r++) {
                    ps.setLong(1, conceptIds[k]);
                    ps.setInt(2, r);
                    ps.setString(3, sampleIds.get(top[r]));
                    ps.setDouble(4, activations[top[r]][k]);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void insertMatchesAndShifts(Connection c, String analysisId, TargetComparison t) throws SQLException {
        try (PreparedStatement match = c.prepareStatement("INSERT INTO concept_matches (analysis_id, target, layer, base_concept,"
                + " matched_concept, cosine, t_overlap, image_overlap) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement shift = c.prepareStatement("""
                     INSERT INTO concept_shifts (analysis_id, target, layer, base_concept, sample_count, shift_vec, dim, magnitude,
                       consistency, mean_cos_to_mean, delta_norm_mean, delta_norm_std, recovery_cos, recovery_l2,
                       shifted_t_overlap, base_t_overlap, shift_words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (var drift : t.report().concepts()) {
                ConceptMetrics m = ConceptMetrics.of(drift, t.nullCalibration());
                match.setString(1, analysisId);
                match.setString(2, t.target());
                match.setInt(3, t.layer());
                match.setInt(4, m.baseConcept());
                if (m.matchedConcept() < 0) match.setNull(5, Types.INTEGER);
                else match.setInt(5, m.matchedConcept());
                nullable(match, 6, m.cosine());
                match.setDouble(7, finiteUnit(m.tOverlap()));
                match.setDouble(8, finiteUnit(m.imageOverlap()));
                match.addBatch();
                shift.setString(1, analysisId);
                shift.setString(2, t.target());
                shift.setInt(3, t.layer());
                shift.setInt(4, m.baseConcept());
                shift.setInt(5, m.sampleCount());
                if (m.shiftVector().length == 0) {
                    shift.setNull(6, Types.OTHER);
                    shift.setNull(7, Types.INTEGER);
                } else {
                    shift.setObject(6, new PGvector(toFloat(m.shiftVector())));
                    shift.setInt(7, m.shiftVector().length);
                }
                double[] values = {m.shiftMagnitude(), m.shiftConsistency(), m.meanCosineWithShift(), m.deltaNormMean(),
                    m.deltaNormStd(), m.recoveryCosine(), m.recoveryL2(), m.shiftedTOverlap(), m.baseTOverlap()};
                for (int i = 0; i < values.length; i++) nullable(shift, 8 + i, values[i]);
                shift.setArray(17, c.createArrayOf("text", m.shiftWords().toArray()));
                shift.addBatch();
            }
            match.executeBatch();
            shift.executeBatch();
        }
    }

    private static void insertNulls(Connection c, String baseKey, ComparisonOutcome.Compared compared, TargetComparison t,
                                    AnalysisConfig config) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO null_distributions (base_key, model_hash, probe_set_hash, target, layer, config_hash, metric, samples)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            for (var e : t.nullCalibration().distributions().entrySet()) {
                NullDistribution d = e.getValue();
                ps.setString(1, baseKey);
                ps.setString(2, compared.baseModelHash());
                ps.setString(3, compared.probeSetHash());
                ps.setString(4, t.target());
                ps.setInt(5, t.layer());
                ps.setString(6, config.configHash());
                ps.setString(7, e.getKey().name().toLowerCase());
                ps.setArray(8, c.createArrayOf("float8", java.util.Arrays.stream(d.samples()).boxed().toArray()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void nullable(PreparedStatement ps, int index, double value) throws SQLException {
        if (Double.isFinite(value)) ps.setDouble(index, value);
        else ps.setNull(index, Types.DOUBLE);
    }

    private static double finiteUnit(double v) {
        return Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) s += (double) x * x;
        return Math.sqrt(s);
    }

    static String sha256(String... parts) {
        try {
            var md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
