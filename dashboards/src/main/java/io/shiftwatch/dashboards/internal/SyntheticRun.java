package io.shiftwatch.dashboards.internal;

import com.pgvector.PGvector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded synthetic analysed run written with the real schema, shaped like AnalysisWriter's output: one
 * target ("person", layer 3), a base dictionary of {@code concepts} concepts with null distributions, and
 * {@code checkpoints} analysed checkpoints with matches, shifts, coarse shifts, words and top images. Base
 * concept 0 is the planted one: it absorbs "woman"/"nurse", its T-Overlap falls to 0.1 and it vanishes
 * at the last step; a CRITICAL BIAS_ABSORBING finding is open on it. Used by the benchmark and the ITs.
 */
public final class SyntheticRun {
    public static final String TARGET = "person";
    public static final int LAYER = 3, DIM = 32, WORDS = 15, PLANTED = 0;
    private static final String[] VOCAB = {"man", "walking", "street", "shirt", "standing", "smiling", "hat", "red",
        "blue", "circle", "square", "beach", "forest", "city", "kitchen", "doctor", "teacher", "running", "small", "large",
        "green", "yellow", "left", "right", "dog", "cat", "car", "tree", "house", "sky"};
    private final String runId;
    private final int checkpoints, concepts;
    private final SplittableRandom random;
    private final String baseHash, probeHash, configHash = "cfg-synthetic";

    public SyntheticRun(String runId, int checkpoints, int concepts, long seed) {
        if (checkpoints < 1 || concepts < 2) throw new IllegalArgumentException("need >= 1 checkpoint and >= 2 concepts");
        this.runId = runId;
        this.checkpoints = checkpoints;
        this.concepts = concepts;
        this.random = new SplittableRandom(seed);
        this.baseHash = sha256("base-model", runId);
        this.probeHash = sha256("probe-set", runId);
    }

    public String probeSetHash() {
        return probeHash;
    }

    public static String sha256(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of the planted concept's finding. */
    public String plantedFindingId() {
        return sha256("finding", runId, TARGET, Integer.toString(PLANTED));
    }

    /** Writes everything on {@code c} (the caller owns the transaction). */
    public void write(Connection c) throws SQLException {
        exec(c, "INSERT INTO runs (run_id, base_model_id, base_model_uri, base_model_format) VALUES (?, 'testbed-vlm', '/models/base', 'testbed')", runId);
        String baseDictionary = sha256("base-dictionary", runId);
        dictionary(c, baseDictionary, baseHash, null);
        float[][] base = new float[concepts][];
        for (int k = 0; k < concepts; k++) base[k] = randomVector();
        for (int k = 0; k < concepts; k++) concept(c, baseDictionary, k, base[k], baseWords(k), 0);
        for (String metric : List.of("t_overlap", "match_cosine", "image_overlap", "shift_magnitude", "shift_consistency"))
            exec(c, "INSERT INTO null_distributions (base_key, model_hash, probe_set_hash, target, layer, config_hash, metric, samples)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::float8[])", baseDictionary, baseHash, probeHash, TARGET, LAYER, configHash,
                    metric, nullSamples(metric));
        for (int i = 0; i < checkpoints; i++) checkpoint(c, i, base);
        exec(c, "INSERT INTO findings (finding_id, run_id, type, severity, state, target, layer, concept, first_seen_step,"
                + " last_seen_step, evidence) VALUES (?, ?, 'BIAS_ABSORBING', 'CRITICAL', 'RAISED', ?, ?, ?, ?, ?, ?::jsonb)",
                plantedFindingId(), runId, TARGET, LAYER, PLANTED, step(checkpoints / 2), step(checkpoints - 1),
                "{\"wordsAdded\": [\"woman\", \"nurse\"], \"lexicon\": \"gender\"}");
        exec(c, "INSERT INTO findings (finding_id, run_id, type, severity, state, target, layer, concept, first_seen_step,"
                + " last_seen_step, evidence) VALUES (?, ?, 'SPECIALISING', 'WARNING', 'RAISED', ?, ?, 1, ?, ?, '{}'::jsonb)",
                sha256("finding", runId, TARGET, "1"), runId, TARGET, LAYER, step(checkpoints - 1), step(checkpoints - 1));
    }

    public long step(int i) {
        return 100L * (i + 1);
    }

    private void checkpoint(Connection c, int i, float[][] base) throws SQLException {
        long step = step(i);
        String cp = sha256("checkpoint", runId, Long.toString(step)), analysis = sha256("analysis", runId, Long.toString(step));
        Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * i);
        exec(c, "INSERT INTO checkpoints (event_id, run_id, step, uri, format, emitted_at, status) VALUES (?, ?, ?, ?, 'testbed', ?, 'ANALYSED')",
                cp, runId, step, "/runs/" + runId + "/checkpoint-" + step, Timestamp.from(at));
        exec(c, "INSERT INTO analyses (analysis_id, checkpoint_id, run_id, step, config_hash, config, base_model_hash, checkpoint_hash,"
                + " probe_set_hash, software_version, timings_ms, started_at, finished_at) VALUES (?, ?, ?, ?, ?, '{}'::jsonb, ?, ?, ?,"
                + " 'synthetic', '{\"extract\": 1200, \"dictionary\": 300}'::jsonb, ?, ?)", analysis, cp, runId, step, configHash,
                baseHash, sha256("ckpt", cp), probeHash, Timestamp.from(at), Timestamp.from(at.plusMillis(1500)));
        exec(c, "INSERT INTO analysis_progress (checkpoint_id, stage, fraction) VALUES (?, 'done', 1)", cp);
        String dictionary = sha256("checkpoint-dictionary", analysis);
        dictionary(c, dictionary, sha256("ckpt", cp), analysis);
        double progress = checkpoints == 1 ? 1 : (double) i / (checkpoints - 1);
        for (int k = 0; k < concepts; k++) {
            boolean planted = k == PLANTED;
            concept(c, dictionary, k, nudge(base[k], planted ? progress : 0.05), planted ? plantedWords(progress) : baseWords(k), i);
            boolean vanished = planted && i == checkpoints - 1 && checkpoints > 1;
            double tOverlap = planted ? 1 - 0.9 * progress : 0.8 + 0.2 * random.nextDouble();
            exec(c, "INSERT INTO concept_matches (analysis_id, target, layer, base_concept, matched_concept, cosine, t_overlap,"
                    + " image_overlap) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", analysis, TARGET, LAYER, k, vanished ? null : k,
                    vanished ? null : planted ? 1 - 0.6 * progress : 0.95, vanished ? 0.0 : tOverlap, 0.7);
            exec(c, "INSERT INTO concept_shifts (analysis_id, target, layer, base_concept, sample_count, magnitude, consistency,"
                    + " recovery_cos, recovery_l2, shifted_t_overlap, base_t_overlap, shift_words) VALUES (?, ?, ?, ?, 40, ?, ?, ?, ?, ?, ?, ?::text[])",
                    analysis, TARGET, LAYER, k, planted ? 0.2 + 2 * progress : 0.2, planted ? 0.6 : 0.2, 0.3, 0.25, 0.8, 0.6,
                    planted ? "{woman,nurse,her}" : "{beach,city}");
        }
        exec(c, "INSERT INTO coarse_shifts (analysis_id, target, layer, vec, dim, magnitude, words) VALUES (?, ?, ?, ?, ?, ?, ?::text[])",
                analysis, TARGET, LAYER, new PGvector(randomVector()), DIM, 0.5 + progress, "{woman,beach,nurse}");
    }

    private void dictionary(Connection c, String id, String modelHash, String analysis) throws SQLException {
        exec(c, "INSERT INTO concept_dictionaries (dictionary_id, model_hash, probe_set_hash, target, layer, method, k, seed,"
                + " config_hash, sample_count, is_base, analysis_id) VALUES (?, ?, ?, ?, ?, 'KMEANS', ?, 7, ?, 400, ?, ?)",
                id, modelHash, probeHash, TARGET, LAYER, concepts, configHash, analysis == null, analysis);
    }

    private void concept(Connection c, String dictionary, int k, float[] vec, List<String> words, int salt) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO concepts (dictionary_id, idx, vec, dim, norm, sample_count)"
                + " VALUES (?, ?, ?, ?, 1, 20) RETURNING concept_id")) {
            ps.setString(1, dictionary);
            ps.setInt(2, k);
            ps.setObject(3, new PGvector(vec));
            ps.setInt(4, DIM);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement w = c.prepareStatement("INSERT INTO concept_words (concept_id, rank, word, logit) VALUES (?, ?, ?, ?)");
             PreparedStatement im = c.prepareStatement("INSERT INTO concept_images (concept_id, rank, sample_id, activation) VALUES (?, ?, ?, ?)")) {
            for (int r = 0; r < words.size(); r++) batch(w, id, r, words.get(r), 10.0 - r);
            for (int r = 0; r < 5; r++) batch(im, id, r, String.format("s%04d", (k * 7 + r * 3 + salt) % 400), 0.9 - 0.1 * r);
            w.executeBatch();
            im.executeBatch();
        }
    }

    private List<String> baseWords(int k) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < WORDS; r++) out.add(VOCAB[(k * 3 + r) % VOCAB.length]);
        return out;
    }

    private List<String> plantedWords(double progress) {
        List<String> out = new ArrayList<>(List.of("woman", "nurse"));
        List<String> base = baseWords(PLANTED);
        int keep = (int) Math.round((WORDS - 2) * (1 - 0.9 * progress));
        out.addAll(base.subList(0, keep));
        for (int r = 0; out.size() < WORDS; r++) out.add("kitchen" + (r == 0 ? "" : r));
        return out;
    }

    private String nullSamples(String metric) {
        StringBuilder b = new StringBuilder("{");
        double center = metric.equals("shift_magnitude") ? 0.3 : metric.equals("shift_consistency") ? 0.2 : 0.85;
        for (int i = 0; i < 50; i++) b.append(i == 0 ? "" : ",").append(center - 0.1 + 0.2 * i / 49.0);
        return b.append('}').toString();
    }

    private float[] randomVector() {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) v[i] = (float) random.nextGaussian();
        return v;
    }

    private float[] nudge(float[] base, double amount) {
        float[] v = base.clone();
        for (int i = 0; i < DIM; i++) v[i] += (float) (amount * random.nextGaussian());
        return v;
    }

    private static void batch(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) ps.setObject(i + 1, values[i]);
        ps.addBatch();
    }

    private static void exec(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) ps.setObject(i + 1, values[i]);
            ps.executeUpdate();
        }
    }
}
