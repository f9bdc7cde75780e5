package io.shiftwatch.auditor.report;

import io.shiftwatch.auditor.report.ReportModel.AnalysisSetup;
import io.shiftwatch.auditor.report.ReportModel.CheckpointEntry;
import io.shiftwatch.auditor.report.ReportModel.ProbeSetInfo;
import io.shiftwatch.auditor.report.ReportModel.RunIdentity;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Reads a run's identity, its analyses (configurations, probe sets) and its checkpoint timeline. */
final class RunRows {
    private RunRows() {
    }

    /** One row of {@code analyses} as the report needs it. */
    record AnalysisRow(String analysisId, long step, String configHash, String configJson, String baseModelHash,
                       String checkpointHash, String probeSetHash, String softwareVersion, String timingsJson,
                       Instant startedAt, Instant finishedAt) {
    }

    static Optional<RunIdentity> run(Connection c, String runId, List<AnalysisRow> analyses) throws SQLException {
        String analysedHash = String.join(", ", new TreeSet<>(analyses.stream().map(AnalysisRow::baseModelHash).toList()));
        return Rows.query(c, "SELECT run_id, base_model_id, base_model_uri, base_model_format, base_model_hash, status,"
                + " created_at, labels::text FROM runs WHERE run_id = ?", rs -> new RunIdentity(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5) != null ? rs.getString(5) : analysedHash.isEmpty() ? null : analysedHash,
                rs.getString(6), Rows.instant(rs, 7), Rows.flatObject(rs.getString(8))), runId).stream().findFirst();
    }

    static List<AnalysisRow> analyses(Connection c, String runId) throws SQLException {
        return Rows.query(c, "SELECT analysis_id, step, config_hash, config::text, base_model_hash, checkpoint_hash,"
                + " probe_set_hash, software_version, timings_ms::text, started_at, finished_at FROM analyses"
                + " WHERE run_id = ? ORDER BY step, config_hash", rs -> new AnalysisRow(rs.getString(1), rs.getLong(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), Rows.instant(rs, 10), Rows.instant(rs, 11)), runId);
    }

    /** The configuration of the latest analysis (highest step, then highest hash): the one plotted. */
    static Optional<AnalysisRow> primary(List<AnalysisRow> analyses) {
        return analyses.isEmpty() ? Optional.empty() : Optional.of(analyses.getLast());
    }

    static List<AnalysisSetup> setups(List<AnalysisRow> analyses) {
        Map<String, List<AnalysisRow>> byConfig = new LinkedHashMap<>();
        analyses.stream().sorted(java.util.Comparator.comparing(AnalysisRow::configHash)
                        .thenComparing(AnalysisRow::softwareVersion).thenComparingLong(AnalysisRow::step))
                .forEach(a -> byConfig.computeIfAbsent(a.configHash() + "\u001f" + a.softwareVersion(),
                        k -> new ArrayList<>()).add(a));
        List<AnalysisSetup> out = new ArrayList<>();
        for (List<AnalysisRow> rows : byConfig.values()) {
            AnalysisRow first = rows.getFirst();
            out.add(new AnalysisSetup(first.configHash(), first.softwareVersion(), Rows.flatObject(first.configJson()),
                    first.step(), rows.getLast().step(), rows.size()));
        }
        return out;
    }

    static List<ProbeSetInfo> probeSets(Connection c, List<AnalysisRow> analyses) throws SQLException {
        List<ProbeSetInfo> out = new ArrayList<>();
        for (String hash : new TreeSet<>(analyses.stream().map(AnalysisRow::probeSetHash).toList())) {
            out.add(Rows.query(c, "SELECT probe_set_id, uri, sample_count, image_size FROM probe_sets WHERE content_hash = ?",
                            rs -> new ProbeSetInfo(hash, rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)), hash)
                    .stream().findFirst().orElse(new ProbeSetInfo(hash, null, null, null, null)));
        }
        return out;
    }

    /** Every checkpoint in step order, with the primary configuration's analysis of it when there is one. */
    static List<CheckpointEntry> timeline(Connection c, String runId, List<AnalysisRow> analyses, String configHash)
            throws SQLException {
        Map<Long, AnalysisRow> byStep = new LinkedHashMap<>();
        for (AnalysisRow a : analyses) if (a.configHash().equals(configHash)) byStep.put(a.step(), a);
        return Rows.query(c, "SELECT event_id, step, status, sha256, emitted_at, failure_reason FROM checkpoints"
                + " WHERE run_id = ? ORDER BY step, event_id", rs -> {
            AnalysisRow a = byStep.get(rs.getLong(2));
            return new CheckpointEntry(rs.getLong(2), rs.getString(1), rs.getString(3),
                    a != null ? a.checkpointHash() : rs.getString(4), Rows.instant(rs, 5),
                    a == null ? null : a.finishedAt(),
                    a == null ? null : Duration.between(a.startedAt(), a.finishedAt()).toMillis(),
                    a == null ? Map.of() : Rows.longs(a.timingsJson()), rs.getString(6));
        }, runId);
    }
}
