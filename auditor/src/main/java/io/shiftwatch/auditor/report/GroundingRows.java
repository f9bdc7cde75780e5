package io.shiftwatch.auditor.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Finds concept dictionaries and reads a concept's grounding: its words in rank order and its top
 * activating probe samples (sample id and activation, rank order).
 */
final class GroundingRows {
    private GroundingRows() {
    }

    /** A top activating sample of a concept. */
    record ImageRef(String sampleId, double activation) {
    }

    /** The base dictionary of (target, layer) shared by the run's analyses of one configuration. */
    static Optional<String> baseDictionary(Connection c, RunRows.AnalysisRow primary, String target, int layer)
            throws SQLException {
        return Rows.query(c, "SELECT dictionary_id FROM concept_dictionaries WHERE is_base AND model_hash = ?"
                        + " AND probe_set_hash = ? AND config_hash = ? AND target = ? AND layer = ?",
                rs -> rs.getString(1), primary.baseModelHash(), primary.probeSetHash(), primary.configHash(), target,
                layer).stream().findFirst();
    }

    /** The checkpoint dictionary of (target, layer) in the run's analysis of {@code step} under {@code configHash}. */
    static Optional<String> checkpointDictionary(Connection c, String runId, String configHash, long step, String target,
                                                 int layer) throws SQLException {
        return Rows.query(c, "SELECT d.dictionary_id FROM concept_dictionaries d JOIN analyses a"
                        + " ON a.analysis_id = d.analysis_id WHERE a.run_id = ? AND a.config_hash = ? AND a.step = ?"
                        + " AND d.target = ? AND d.layer = ?", rs -> rs.getString(1), runId, configHash, step, target,
                layer).stream().findFirst();
    }

    /** The checkpoint concept matched to base concept {@code baseConcept} at {@code step}; empty when none. */
    static Optional<Integer> matchedConcept(Connection c, String runId, String configHash, long step, String target,
                                            int layer, int baseConcept) throws SQLException {
        return Rows.query(c, "SELECT m.matched_concept FROM concept_matches m JOIN analyses a"
                        + " ON a.analysis_id = m.analysis_id WHERE a.run_id = ? AND a.config_hash = ? AND a.step = ?"
                        + " AND m.target = ? AND m.layer = ? AND m.base_concept = ? AND m.matched_concept IS NOT NULL",
                rs -> rs.getInt(1), runId, configHash, step, target, layer, baseConcept).stream().findFirst();
    }

    static List<String> words(Connection c, String dictionaryId, int idx) throws SQLException {
        return Rows.query(c, "SELECT w.word FROM concepts k JOIN concept_words w ON w.concept_id = k.concept_id"
                + " WHERE k.dictionary_id = ? AND k.idx = ? ORDER BY w.rank", rs -> rs.getString(1), dictionaryId, idx);
    }

    static List<ImageRef> images(Connection c, String dictionaryId, int idx) throws SQLException {
        return Rows.query(c, "SELECT i.sample_id, i.activation FROM concepts k JOIN concept_images i"
                        + " ON i.concept_id = k.concept_id WHERE k.dictionary_id = ? AND k.idx = ? ORDER BY i.rank",
                rs -> new ImageRef(rs.getString(1), rs.getDouble(2)), dictionaryId, idx);
    }
}
