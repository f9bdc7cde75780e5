package io.shiftwatch.dashboards.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.shiftwatch.dashboards.internal.RunViews.Ack;
import io.shiftwatch.dashboards.internal.RunViews.CheckpointView;
import io.shiftwatch.dashboards.internal.RunViews.CoarseShift;
import io.shiftwatch.dashboards.internal.RunViews.ConceptSeries;
import io.shiftwatch.dashboards.internal.RunViews.Emergent;
import io.shiftwatch.dashboards.internal.RunViews.FindingView;
import io.shiftwatch.dashboards.internal.RunViews.Point;
import io.shiftwatch.dashboards.internal.RunViews.RunDetail;
import io.shiftwatch.dashboards.internal.RunViews.RunSummary;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Read queries of the runs list and the run page, over what the analyzer (AnalysisWriter) and the
 * auditor write. A run page costs a fixed number of queries whatever its size (no per-row queries).
 */
public final class RunQueries {
    /** A finding is open while nobody acknowledged it and it has not resolved. */
    static final String OPEN = "state IN ('RAISED', 'UPDATED')";
    /** The base dictionary an analysis compared against (same base model, probe set, target, layer, config). */
    static final String BASE_DICTIONARY_OF_ANALYSIS = "d.is_base AND d.model_hash = a.base_model_hash"
            + " AND d.probe_set_hash = a.probe_set_hash AND d.config_hash = a.config_hash";

    private static final String RUNS = """
            SELECT r.run_id, r.status, r.base_model_id, r.base_model_format, r.created_at,
              (SELECT max(step) FROM checkpoints c WHERE c.run_id = r.run_id) AS latest_step,
              (SELECT count(*) FROM checkpoints c WHERE c.run_id = r.run_id) AS checkpoints,
              (SELECT count(*) FROM checkpoints c WHERE c.run_id = r.run_id AND c.status = 'ANALYSED') AS analysed,
              (SELECT coalesce(jsonb_object_agg(severity, n), '{}') FROM (SELECT severity, count(*) AS n FROM findings f
                 WHERE f.run_id = r.run_id AND f.%s GROUP BY severity) s) AS open_alerts
            FROM runs r WHERE (?::text IS NULL OR r.run_id = ?) ORDER BY r.created_at DESC, r.run_id""".formatted(OPEN);
    private static final String CHECKPOINTS = """
            SELECT c.event_id, c.step, c.status, c.failure_reason, c.received_at, p.stage, p.fraction,
              a.analysis_id, a.timings_ms::text AS timings
            FROM checkpoints c LEFT JOIN analysis_progress p ON p.checkpoint_id = c.event_id
              LEFT JOIN LATERAL (SELECT analysis_id, timings_ms FROM analyses x WHERE x.checkpoint_id = c.event_id
                                 ORDER BY finished_at DESC LIMIT 1) a ON true
            WHERE c.run_id = ? ORDER BY c.step, c.received_at""";
    private static final String SERIES = """
            SELECT a.step, m.target, m.layer, m.base_concept, m.matched_concept, m.t_overlap, m.cosine, s.magnitude
            FROM analyses a JOIN concept_matches m ON m.analysis_id = a.analysis_id
              LEFT JOIN concept_shifts s ON s.analysis_id = m.analysis_id AND s.target = m.target AND s.layer = m.layer
                                        AND s.base_concept = m.base_concept
            WHERE a.run_id = ? ORDER BY m.target, m.layer, m.base_concept, a.step""";
    private static final String LABELS = """
            SELECT DISTINCT ON (d.target, d.layer, co.idx) d.target, d.layer, co.idx,
              array(SELECT w.word FROM concept_words w WHERE w.concept_id = co.concept_id ORDER BY w.rank LIMIT 4) AS words
            FROM analyses a JOIN concept_dictionaries d ON %s AND d.target IN (SELECT target FROM concept_matches m
                 WHERE m.analysis_id = a.analysis_id)
              JOIN concepts co ON co.dictionary_id = d.dictionary_id
            WHERE a.run_id = ? ORDER BY d.target, d.layer, co.idx, a.step DESC""".formatted(BASE_DICTIONARY_OF_ANALYSIS);
    private static final String COARSE = """
            SELECT a.step, cs.target, cs.layer, cs.magnitude, cs.words FROM coarse_shifts cs
            JOIN analyses a ON a.analysis_id = cs.analysis_id WHERE a.run_id = ? ORDER BY a.step, cs.target, cs.layer""";
    private static final String EMERGENT = """
            SELECT a.step, e.target, e.layer, e.concept, e.best_cosine, e.words FROM emergent_concepts e
            JOIN analyses a ON a.analysis_id = e.analysis_id WHERE a.run_id = ? ORDER BY a.step, e.target, e.layer, e.concept""";
    static final String FINDINGS = """
            SELECT f.finding_id, f.type, f.severity, f.state, f.target, f.layer, f.concept, f.first_seen_step,
              f.last_seen_step, f.evidence::text AS evidence, f.updated_at,
              coalesce((SELECT jsonb_agg(jsonb_build_object('seq', k.seq, 'who', k.who, 'why', k.why, 'at', k.at)
                        ORDER BY k.seq) FROM acknowledgements k WHERE k.finding_id = f.finding_id), '[]')::text AS acks
            FROM findings f WHERE f.run_id = ? AND (?::text IS NULL OR f.target = ?) AND (?::int IS NULL OR f.layer = ?)
              AND (?::int IS NULL OR f.concept = ?)
            ORDER BY CASE f.severity WHEN 'CRITICAL' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END, f.last_seen_step DESC, f.finding_id""";

    private RunQueries() {
    }

    public static List<RunSummary> runs(Connection c) throws SQLException {
        return Sql.list(c, RUNS, RunQueries::runSummary, null, null);
    }

    /** The run page, or empty when no run has this id. */
    public static Optional<RunDetail> run(Connection c, String runId) throws SQLException {
        List<RunSummary> run = Sql.list(c, RUNS, RunQueries::runSummary, runId, runId);
        if (run.isEmpty()) return Optional.empty();
        List<FindingView> findings = findings(c, runId, null, null, null);
        return Optional.of(new RunDetail(run.getFirst(), Sql.list(c, CHECKPOINTS, RunQueries::checkpoint, runId),
                series(c, runId, findings), Sql.list(c, COARSE, rs -> new CoarseShift(rs.getLong("step"),
                        rs.getString("target"), rs.getInt("layer"), rs.getDouble("magnitude"), Sql.texts(rs, "words")), runId),
                Sql.list(c, EMERGENT, rs -> new Emergent(rs.getLong("step"), rs.getString("target"), rs.getInt("layer"),
                        rs.getInt("concept"), rs.getDouble("best_cosine"), Sql.texts(rs, "words")), runId),
                findings));
    }

    /** Findings of a run, optionally of one concept (null filters are ignored). */
    public static List<FindingView> findings(Connection c, String runId, String target, Integer layer, Integer concept)
            throws SQLException {
        return Sql.list(c, FINDINGS, rs -> new FindingView(rs.getString("finding_id"), rs.getString("type"),
                rs.getString("severity"), rs.getString("state"), rs.getString("target"), rs.getInt("layer"),
                rs.getInt("concept"), rs.getLong("first_seen_step"), rs.getLong("last_seen_step"),
                Json.tree(rs.getString("evidence")), Sql.instant(rs, "updated_at"),
                Json.MAPPER.convertValue(Json.tree(rs.getString("acks")), new TypeReference<List<Ack>>() { })),
                runId, target, target, layer, layer, concept, concept);
    }

    private static List<ConceptSeries> series(Connection c, String runId, List<FindingView> findings) throws SQLException {
        Map<String, List<String>> labels = new TreeMap<>();
        for (var l : Sql.list(c, LABELS, rs -> Map.entry(key(rs.getString("target"), rs.getInt("layer"), rs.getInt("idx")),
                Sql.texts(rs, "words")), runId)) labels.put(l.getKey(), l.getValue());
        Map<String, List<Point>> points = new LinkedHashMap<>();
        Map<String, Object[]> ids = new LinkedHashMap<>();
        for (var p : Sql.list(c, SERIES, rs -> {
            Object[] id = {rs.getString("target"), rs.getInt("layer"), rs.getInt("base_concept")};
            return Map.entry(id, new Point(rs.getLong("step"), Sql.integer(rs, "matched_concept"), Sql.dbl(rs, "t_overlap"),
                    Sql.dbl(rs, "cosine"), Sql.dbl(rs, "magnitude")));
        }, runId)) {
            String k = key((String) p.getKey()[0], (int) p.getKey()[1], (int) p.getKey()[2]);
            ids.putIfAbsent(k, p.getKey());
            points.computeIfAbsent(k, x -> new ArrayList<>()).add(p.getValue());
        }
        List<ConceptSeries> out = new ArrayList<>();
        for (var e : ids.entrySet()) {
            Object[] id = e.getValue();
            out.add(new ConceptSeries((String) id[0], (int) id[1], (int) id[2], labels.getOrDefault(e.getKey(), List.of()),
                    worstOpenSeverity(findings, (String) id[0], (int) id[1], (int) id[2]), points.get(e.getKey())));
        }
        return out;
    }

    static String worstOpenSeverity(List<FindingView> findings, String target, int layer, int concept) {
        String worst = null;
        for (FindingView f : findings) {
            if (!f.target().equals(target) || f.layer() != layer || f.concept() != concept || f.state().equals("RESOLVED"))
                continue;
            if (worst == null || rank(f.severity()) < rank(worst)) worst = f.severity();
        }
        return worst;
    }

    private static int rank(String severity) {
        return switch (severity) {
            case "CRITICAL" -> 0;
            case "WARNING" -> 1;
            default -> 2;
        };
    }

    private static String key(String target, int layer, int concept) {
        return target + "\u001f" + layer + "\u001f" + concept;
    }

    private static RunSummary runSummary(ResultSet rs) throws SQLException {
        Map<String, Integer> open = Json.MAPPER.convertValue(Json.tree(rs.getString("open_alerts")),
                new TypeReference<Map<String, Integer>>() { });
        return new RunSummary(rs.getString("run_id"), rs.getString("status"), rs.getString("base_model_id"),
                rs.getString("base_model_format"), Sql.instant(rs, "created_at"), Sql.lng(rs, "latest_step"),
                rs.getInt("checkpoints"), rs.getInt("analysed"), new TreeMap<>(open));
    }

    private static CheckpointView checkpoint(ResultSet rs) throws SQLException {
        String timings = rs.getString("timings");
        Map<String, Long> ms = timings == null ? Map.of() : Json.MAPPER.convertValue(Json.tree(timings),
                new TypeReference<Map<String, Long>>() { });
        return new CheckpointView(rs.getString("event_id"), rs.getLong("step"), rs.getString("status"),
                rs.getString("failure_reason"), Sql.instant(rs, "received_at"), rs.getString("stage"),
                Sql.dbl(rs, "fraction"), rs.getString("analysis_id"), ms);
    }
}
