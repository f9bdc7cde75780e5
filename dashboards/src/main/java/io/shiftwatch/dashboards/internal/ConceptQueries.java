package io.shiftwatch.dashboards.internal;

import io.shiftwatch.dashboards.internal.ConceptViews.ConceptDetail;
import io.shiftwatch.dashboards.internal.ConceptViews.Shift;
import io.shiftwatch.dashboards.internal.ConceptViews.StoredConcept;
import io.shiftwatch.dashboards.internal.ConceptViews.TopImage;
import io.shiftwatch.dashboards.internal.ConceptViews.WordChange;
import io.shiftwatch.dashboards.internal.NullBounds.Shown;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Read queries of the concept page: one base concept of one run at one analysed step. */
public final class ConceptQueries {
    private static final String ANALYSIS = """
            SELECT a.analysis_id, a.step, a.probe_set_hash, m.matched_concept, m.cosine, m.t_overlap, m.image_overlap,
              s.sample_count, s.magnitude, s.consistency, s.mean_cos_to_mean, s.recovery_cos, s.recovery_l2,
              s.shifted_t_overlap, s.base_t_overlap, s.shift_words
            FROM analyses a JOIN concept_matches m ON m.analysis_id = a.analysis_id AND m.target = ? AND m.layer = ?
                 AND m.base_concept = ?
              LEFT JOIN concept_shifts s ON s.analysis_id = a.analysis_id AND s.target = m.target AND s.layer = m.layer
                 AND s.base_concept = m.base_concept
            WHERE a.run_id = ? ORDER BY a.step""";
    private static final String BASE_CONCEPT = """
            SELECT co.concept_id, co.idx, co.sample_count, d.dictionary_id FROM analyses a
            JOIN concept_dictionaries d ON %s AND d.target = ? AND d.layer = ?
            JOIN concepts co ON co.dictionary_id = d.dictionary_id AND co.idx = ?
            WHERE a.analysis_id = ? ORDER BY d.created_at DESC LIMIT 1""".formatted(RunQueries.BASE_DICTIONARY_OF_ANALYSIS);
    private static final String CHECKPOINT_CONCEPT = """
            SELECT co.concept_id, co.idx, co.sample_count, d.dictionary_id FROM concept_dictionaries d
            JOIN concepts co ON co.dictionary_id = d.dictionary_id AND co.idx = ?
            WHERE d.analysis_id = ? AND d.target = ? AND d.layer = ?""";
    private static final String WORDS = "SELECT word FROM concept_words WHERE concept_id = ? ORDER BY rank";
    private static final String IMAGES = "SELECT rank, sample_id, activation FROM concept_images WHERE concept_id = ? ORDER BY rank";
    private static final String NULLS = "SELECT metric, samples FROM null_distributions WHERE base_key = ?";

    private ConceptQueries() {
    }

    /** The concept page at {@code step} (null: the latest analysed step), or empty when the run has no such concept. */
    public static Optional<ConceptDetail> concept(Connection c, String runId, String target, int layer, int concept, Long step)
            throws SQLException {
        List<Row> rows = Sql.list(c, ANALYSIS, Row::of, target, layer, concept, runId);
        if (rows.isEmpty()) return Optional.empty();
        Row at = step == null ? rows.getLast() : rows.stream().filter(r -> r.step == step).findFirst().orElse(null);
        if (at == null) return Optional.empty();
        Located base = locate(c, BASE_CONCEPT, target, layer, concept, at.analysisId);
        Located matched = at.matched == null ? null
                : locate(c, CHECKPOINT_CONCEPT, at.matched, at.analysisId, target, layer);
        StoredConcept baseView = base == null ? null : stored(c, base, at.probeSetHash);
        StoredConcept matchedView = matched == null ? null : stored(c, matched, at.probeSetHash);
        Map<Shown, Double> values = new EnumMap<>(Shown.class);
        values.put(Shown.T_OVERLAP, at.tOverlap);
        values.put(Shown.MATCH_COSINE, at.cosine);
        values.put(Shown.IMAGE_OVERLAP, at.imageOverlap);
        values.put(Shown.SHIFT_MAGNITUDE, at.shift.magnitude());
        values.put(Shown.SHIFT_CONSISTENCY, at.shift.consistency());
        return Optional.of(new ConceptDetail(runId, target, layer, concept, at.step, rows.stream().map(r -> r.step).toList(),
                baseView, matchedView, at.cosine, at.tOverlap, at.imageOverlap,
                wordChange(baseView == null ? List.of() : baseView.words(), matchedView == null ? List.of() : matchedView.words()),
                at.shift, NullBounds.bounds(base == null ? Map.of() : nulls(c, base.dictionaryId), values),
                rows.stream().map(r -> new RunViews.Point(r.step, r.matched, r.tOverlap, r.cosine, r.shift.magnitude())).toList(),
                RunQueries.findings(c, runId, target, layer, concept)));
    }

    /** Words in both lists (kept, in the "after" order), only in {@code after} (added), only in {@code before} (lost). */
    public static WordChange wordChange(List<String> before, List<String> after) {
        Set<String> b = new LinkedHashSet<>(before), a = new LinkedHashSet<>(after);
        return new WordChange(a.stream().filter(b::contains).toList(), a.stream().filter(w -> !b.contains(w)).toList(),
                b.stream().filter(w -> !a.contains(w)).toList());
    }

    private record Located(long conceptId, int index, int sampleCount, String dictionaryId) {
    }

    private static Located locate(Connection c, String sql, Object... params) throws SQLException {
        List<Located> found = Sql.list(c, sql, rs -> new Located(rs.getLong("concept_id"), rs.getInt("idx"),
                rs.getInt("sample_count"), rs.getString("dictionary_id")), params);
        return found.isEmpty() ? null : found.getFirst();
    }

    static StoredConcept stored(Connection c, Located l, String probeSetHash) throws SQLException {
        return new StoredConcept(l.conceptId, l.index, l.sampleCount, Sql.list(c, WORDS, rs -> rs.getString(1), l.conceptId),
                Sql.list(c, IMAGES, rs -> new TopImage(rs.getInt("rank"), rs.getString("sample_id"), rs.getDouble("activation"),
                        ProbeImages.url(probeSetHash, rs.getString("sample_id"))), l.conceptId));
    }

    private static Map<String, double[]> nulls(Connection c, String baseKey) throws SQLException {
        Map<String, double[]> out = new HashMap<>();
        for (var e : Sql.list(c, NULLS, rs -> Map.entry(rs.getString("metric"), Sql.doubles(rs, "samples")), baseKey)) {
            double[] sorted = e.getValue().clone();
            Arrays.sort(sorted);
            out.put(e.getKey(), sorted);
        }
        return out;
    }

    private record Row(String analysisId, long step, String probeSetHash, Integer matched, Double cosine, Double tOverlap,
                       Double imageOverlap, Shift shift) {
        static Row of(ResultSet rs) throws SQLException {
            Integer n = Sql.integer(rs, "sample_count");
            return new Row(rs.getString("analysis_id"), rs.getLong("step"), rs.getString("probe_set_hash"),
                    Sql.integer(rs, "matched_concept"), Sql.dbl(rs, "cosine"), Sql.dbl(rs, "t_overlap"),
                    Sql.dbl(rs, "image_overlap"), new Shift(n == null ? 0 : n, Sql.dbl(rs, "magnitude"),
                    Sql.dbl(rs, "consistency"), Sql.dbl(rs, "mean_cos_to_mean"), Sql.dbl(rs, "recovery_cos"),
                    Sql.dbl(rs, "recovery_l2"), Sql.dbl(rs, "shifted_t_overlap"), Sql.dbl(rs, "base_t_overlap"),
                    Sql.texts(rs, "shift_words")));
        }
    }
}
