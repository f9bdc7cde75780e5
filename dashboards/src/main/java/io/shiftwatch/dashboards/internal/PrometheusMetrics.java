package io.shiftwatch.dashboards.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * {@code /metrics} in the Prometheus text format (version 0.0.4), computed from PostgreSQL on each
 * scrape: per-run drift gauges of the latest analysed checkpoint, findings by severity and state, and
 * the analysis timings of the latest checkpoint per stage.
 */
public final class PrometheusMetrics {
    private static final String DRIFT = """
            SELECT a.run_id, a.step, avg(m.t_overlap) AS t_mean, min(m.t_overlap) AS t_min, avg(m.cosine) AS cos_mean,
              avg(s.magnitude) AS mag_mean, count(*) FILTER (WHERE m.matched_concept IS NULL) AS vanished,
              extract(epoch FROM a.finished_at - a.started_at) AS seconds
            FROM (SELECT DISTINCT ON (run_id) * FROM analyses ORDER BY run_id, step DESC, finished_at DESC) a
              JOIN concept_matches m ON m.analysis_id = a.analysis_id
              LEFT JOIN concept_shifts s ON s.analysis_id = m.analysis_id AND s.target = m.target AND s.layer = m.layer
                 AND s.base_concept = m.base_concept
            GROUP BY a.run_id, a.step, a.finished_at, a.started_at ORDER BY a.run_id""";
    private static final String FINDINGS = """
            SELECT run_id, severity, state, count(*) AS n FROM findings GROUP BY run_id, severity, state
            ORDER BY run_id, severity, state""";
    private static final String STAGES = """
            SELECT a.run_id, t.key AS stage, t.value::text AS ms
            FROM (SELECT DISTINCT ON (run_id) * FROM analyses ORDER BY run_id, step DESC, finished_at DESC) a,
              jsonb_each(a.timings_ms) t WHERE jsonb_typeof(t.value) = 'number' ORDER BY a.run_id, t.key""";
    private static final String CHECKPOINTS = "SELECT run_id, status, count(*) AS n FROM checkpoints GROUP BY run_id, status ORDER BY run_id, status";

    private PrometheusMetrics() {
    }

    public static String scrape(Connection c) throws SQLException {
        StringBuilder out = new StringBuilder();
        List<String[]> drift = Sql.list(c, DRIFT, rs -> new String[]{rs.getString("run_id"), rs.getString("step"),
                num(Sql.dbl(rs, "t_mean")), num(Sql.dbl(rs, "t_min")), num(Sql.dbl(rs, "cos_mean")),
                num(Sql.dbl(rs, "mag_mean")), rs.getString("vanished"), num(Sql.dbl(rs, "seconds"))});
        gauge(out, "shiftwatch_run_latest_step", "step of the latest analysed checkpoint", drift, 1);
        gauge(out, "shiftwatch_run_t_overlap_mean", "mean T-Overlap of base concepts at the latest analysed step (0..1)", drift, 2);
        gauge(out, "shiftwatch_run_t_overlap_min", "lowest T-Overlap of a base concept at the latest analysed step (0..1)", drift, 3);
        gauge(out, "shiftwatch_run_match_cosine_mean", "mean cosine of matched concepts at the latest analysed step", drift, 4);
        gauge(out, "shiftwatch_run_shift_magnitude_mean", "mean concept shift magnitude at the latest analysed step", drift, 5);
        gauge(out, "shiftwatch_run_vanished_concepts", "base concepts without a match at the latest analysed step", drift, 6);
        gauge(out, "shiftwatch_run_analysis_seconds", "wall time of the latest checkpoint's analysis", drift, 7);
        header(out, "shiftwatch_findings", "findings by run, severity and state");
        for (String[] r : Sql.list(c, FINDINGS, rs -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}))
            out.append("shiftwatch_findings{run=\"").append(label(r[0])).append("\",severity=\"").append(r[1])
                    .append("\",state=\"").append(r[2]).append("\"} ").append(r[3]).append('\n');
        header(out, "shiftwatch_analysis_stage_seconds", "wall time per analysis stage of the latest checkpoint");
        for (String[] r : Sql.list(c, STAGES, rs -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}))
            out.append("shiftwatch_analysis_stage_seconds{run=\"").append(label(r[0])).append("\",stage=\"").append(label(r[1]))
                    .append("\"} ").append(num(Double.parseDouble(r[2]) / 1000.0)).append('\n');
        header(out, "shiftwatch_checkpoints", "checkpoints by run and status");
        for (String[] r : Sql.list(c, CHECKPOINTS, rs -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}))
            out.append("shiftwatch_checkpoints{run=\"").append(label(r[0])).append("\",status=\"").append(r[1])
                    .append("\"} ").append(r[2]).append('\n');
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, List<String[]> rows, int column) {
        header(out, name, help);
        for (String[] r : rows) {
            if (r[column] == null) continue;
            out.append(name).append("{run=\"").append(label(r[0])).append("\"} ").append(r[column]).append('\n');
        }
    }

    private static void header(StringBuilder out, String name, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
    }

    /** A label value escaped as the exposition format requires (backslash, quote, newline). */
    static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String num(Double v) {
        return v == null ? null : String.format(Locale.ROOT, "%.6g", v);
    }
}
