package io.shiftwatch.auditor.report;

import io.shiftwatch.auditor.Severity;
import io.shiftwatch.auditor.report.ConceptEvolution.ConceptPoint;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the per-concept evolution (match T-Overlap, cosine, shift magnitude per step) of one configuration. */
final class ConceptRows {
    private ConceptRows() {
    }

    private record Key(String target, int layer, int baseConcept) {
    }

    /**
     * Every base concept measured under the primary configuration, ordered by target, layer, index;
     * {@code flags} maps "target/layer/concept" to the highest severity of a finding on it.
     */
    static List<ConceptEvolution> evolution(Connection c, String runId, RunRows.AnalysisRow primary,
                                            Map<String, Severity> flags) throws SQLException {
        Map<Key, List<ConceptPoint>> points = new LinkedHashMap<>();
        Rows.query(c, """
                SELECT m.target, m.layer, m.base_concept, a.step, m.t_overlap, m.cosine, s.magnitude
                FROM concept_matches m JOIN analyses a ON a.analysis_id = m.analysis_id
                LEFT JOIN concept_shifts s ON s.analysis_id = m.analysis_id AND s.target = m.target
                  AND s.layer = m.layer AND s.base_concept = m.base_concept
                WHERE a.run_id = ? AND a.config_hash = ?
                ORDER BY m.target, m.layer, m.base_concept, a.step""", rs -> {
            Key key = new Key(rs.getString(1), rs.getInt(2), rs.getInt(3));
            points.computeIfAbsent(key, k -> new ArrayList<>()).add(new ConceptPoint(rs.getLong(4),
                    Rows.nullableDouble(rs, 5), Rows.nullableDouble(rs, 6), Rows.nullableDouble(rs, 7)));
            return key;
        }, runId, primary.configHash());
        List<ConceptEvolution> out = new ArrayList<>();
        for (var e : points.entrySet()) {
            Key k = e.getKey();
            var dictionary = GroundingRows.baseDictionary(c, primary, k.target(), k.layer());
            List<String> words = dictionary.isPresent() ? GroundingRows.words(c, dictionary.get(), k.baseConcept())
                    : List.of();
            out.add(new ConceptEvolution(k.target(), k.layer(), k.baseConcept(), words, e.getValue(),
                    flags.get(flagKey(k.target(), k.layer(), k.baseConcept()))));
        }
        return out;
    }

    static String flagKey(String target, int layer, int concept) {
        return target + "/" + layer + "/" + concept;
    }
}
