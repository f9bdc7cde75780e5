package io.shiftwatch.analyzer.steering;

import com.fasterxml.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what a remediation needs from the database, SQL only (the analyzer does not import the
 * auditor): the run's open findings of the given types as the auditor's ledger stored them, the run's
 * base model and each finding's checkpoint (its last seen step). Prepared statements only.
 */
final class RemediationSource {
    private final DataSource dataSource;

    RemediationSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A finding that can be remedied, or why it cannot (a value: one unusable finding never stops the others). */
    sealed interface Entry permits Found, Unusable {
    }

    record Found(Remediable finding) implements Entry {
    }

    record Unusable(String findingId, String type, String reason) implements Entry {
    }

    /**
     * The run's findings of {@code types} that are not resolved, oldest first.
     *
     * @throws IllegalArgumentException when the run is not in the database
     */
    List<Entry> findings(String runId, List<String> types) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String[] base = run(c, runId);
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT finding_id, type, target, layer, concept, last_seen_step,"
                    + " evidence::text FROM findings WHERE run_id = ? AND type = ANY (?) AND state <> 'RESOLVED'"
                    + " ORDER BY first_seen_step, finding_id")) {
                ps.setString(1, runId);
                ps.setArray(2, c.createArrayOf("text", types.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(entry(c, runId, base, rs));
                }
            }
            return out;
        }
    }

    /** Ids of the run's checkpoints still waiting for analysis (RECEIVED or ANALYSING), and how many there are in all. */
    int[] analysisBacklog(String runId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FILTER (WHERE status IN ('RECEIVED', 'ANALYSING')), count(*) FROM checkpoints WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new int[] {rs.getInt(1), rs.getInt(2)};
            }
        }
    }

    private static String[] run(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT base_model_uri, base_model_format FROM runs WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalArgumentException("run '" + runId + "' is not in the database; nothing to remediate");
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        }
    }

    private static Entry entry(Connection c, String runId, String[] base, ResultSet rs) throws SQLException {
        String id = rs.getString(1), type = rs.getString(2);
        long step = rs.getLong(6);
        if (!type.equals("BIAS_ABSORBING")) return new Unusable(id, type, type + " findings are not remedied yet (only BIAS_ABSORBING)");
        if (!base[1].equals("testbed")) return new Unusable(id, type, "the base model is " + base[1] + "; only testbed models can be steered here");
        Optional<String[]> ckpt = checkpoint(c, runId, step);
        if (ckpt.isEmpty()) return new Unusable(id, type, "no checkpoint of step " + step + " is recorded");
        if (!ckpt.get()[1].equals("testbed")) return new Unusable(id, type, "checkpoint format " + ckpt.get()[1] + " cannot be steered here");
        JsonNode evidence = SteeringJson.read(rs.getString(7), "evidence of finding " + id);
        List<String> words = new ArrayList<>();
        evidence.path("hits").forEach(h -> {
            if (h.hasNonNull("word") && !words.contains(h.get("word").asText())) words.add(h.get("word").asText());
        });
        if (words.isEmpty()) return new Unusable(id, type, "the evidence names no absorbed word (hits[].word)");
        return new Found(new Remediable(id, type, runId, step, rs.getString(3), rs.getInt(4), rs.getInt(5), words,
                path(base[0]), path(ckpt.get()[0])));
    }

    private static Optional<String[]> checkpoint(Connection c, String runId, long step) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT uri, format FROM checkpoints WHERE run_id = ? AND step = ?"
                + " ORDER BY received_at DESC, event_id LIMIT 1")) {
            ps.setString(1, runId);
            ps.setLong(2, step);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.empty();
            }
        }
    }

    static Path path(String uri) {
        return uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri);
    }
}
