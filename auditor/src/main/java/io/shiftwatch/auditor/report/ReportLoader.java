package io.shiftwatch.auditor.report;

import io.shiftwatch.auditor.Severity;
import io.shiftwatch.auditor.report.ReportModel.AuditVerification;
import io.shiftwatch.auditor.report.ReportModel.ProbeSetInfo;
import io.shiftwatch.auditor.report.ReportModel.SteeringEntry;
import io.shiftwatch.migrations.AuditChain;
import io.shiftwatch.migrations.AuditLog;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link ReportModel} of one run from PostgreSQL in ONE read-only, repeatable-read transaction,
 * so every section describes the same moment. Probe images come from stored thumbnails or the probe set
 * folder ({@code probeDir} when given, else the registered probe set's uri); when neither has them the
 * report says so. Returns empty when the run does not exist.
 */
public final class ReportLoader {
    private ReportLoader() {
    }

    public static Optional<ReportModel> load(DataSource dataSource, String runId, Path probeDir) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return load(c, runId, probeDir);
            } finally {
                c.rollback();
            }
        }
    }

    static Optional<ReportModel> load(Connection c, String runId, Path probeDir) throws SQLException {
        List<RunRows.AnalysisRow> analyses = RunRows.analyses(c, runId);
        var run = RunRows.run(c, runId, analyses);
        if (run.isEmpty()) return Optional.empty();
        Optional<RunRows.AnalysisRow> primary = RunRows.primary(analyses);
        List<ProbeSetInfo> probeSets = RunRows.probeSets(c, analyses);
        List<FindingEntry> findings = FindingRows.findings(c, runId, primary, probeFolder(probeDir, probeSets, primary));
        List<ConceptEvolution> concepts = primary.isEmpty() ? List.of()
                : ConceptRows.evolution(c, runId, primary.get(), flags(findings));
        return Optional.of(new ReportModel(run.get(), RunRows.setups(analyses), probeSets,
                RunRows.timeline(c, runId, analyses, primary.map(RunRows.AnalysisRow::configHash).orElse("")),
                concepts, findings, audit(c, runId), steering(c, runId), dataTime(c, runId)));
    }

    private static ProbeImages probeFolder(Path probeDir, List<ProbeSetInfo> probeSets,
                                           Optional<RunRows.AnalysisRow> primary) {
        if (probeDir != null) return ProbeImages.open(probeDir);
        Optional<String> uri = probeSets.stream()
                .filter(p -> primary.isPresent() && p.contentHash().equals(primary.get().probeSetHash()))
                .map(ProbeSetInfo::uri).filter(u -> u != null && !u.isBlank()).findFirst();
        if (uri.isEmpty()) return ProbeImages.unavailable("the probe set is not registered with a folder");
        String location = uri.get().startsWith("file:") ? Path.of(java.net.URI.create(uri.get())).toString() : uri.get();
        return ProbeImages.open(Path.of(location));
    }

    private static Map<String, Severity> flags(List<FindingEntry> findings) {
        Map<String, Severity> out = new HashMap<>();
        for (FindingEntry f : findings) {
            if (f.type() == io.shiftwatch.auditor.FindingType.EMERGING) continue;
            out.merge(ConceptRows.flagKey(f.target(), f.layer(), f.concept()), f.severity(),
                    (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        return out;
    }

    private static AuditVerification audit(Connection c, String runId) throws SQLException {
        var rows = AuditLog.readAll(c);
        Optional<Long> broken = AuditChain.firstBrokenRow(rows);
        int runRows = Rows.query(c, "SELECT count(*) FROM audit_log WHERE run_id = ?", rs -> rs.getInt(1), runId).getFirst();
        return new AuditVerification(rows.size(), runRows, broken.orElse(null),
                rows.isEmpty() ? null : rows.getLast().seq(), rows.isEmpty() ? null : rows.getLast().rowHash());
    }

    private static List<SteeringEntry> steering(Connection c, String runId) throws SQLException {
        return Rows.query(c, "SELECT steering_id, name, kind, layer, alpha, dim, created_at, evaluation::text"
                + " FROM steering_vectors WHERE run_id = ? ORDER BY created_at, steering_id", rs -> new SteeringEntry(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getDouble(5), rs.getInt(6),
                Rows.instant(rs, 7), AuditChain.canonicalJson(rs.getString(8))), runId);
    }

    /** The latest timestamp of the run's rows: the report's own date, taken from the data, not the clock. */
    private static Instant dataTime(Connection c, String runId) throws SQLException {
        return Rows.query(c, """
                SELECT greatest((SELECT created_at FROM runs WHERE run_id = ?),
                  (SELECT max(received_at) FROM checkpoints WHERE run_id = ?),
                  (SELECT max(finished_at) FROM analyses WHERE run_id = ?),
                  (SELECT max(updated_at) FROM findings WHERE run_id = ?),
                  (SELECT max(at) FROM audit_log WHERE run_id = ?))""", rs -> Rows.instant(rs, 1),
                runId, runId, runId, runId, runId).getFirst();
    }
}
