package io.shiftwatch.analyzer.steering;

import com.fasterxml.jackson.databind.JsonNode;
import com.pgvector.PGvector;
import io.shiftwatch.migrations.Database;
import org.postgresql.util.PGobject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Steering vectors in PostgreSQL ({@code steering_vectors}, V1): the vector in pgvector, the
 * provenance (with token range and gate) and the evaluation as jsonb. {@link #save} is one transaction
 * and an upsert on the deterministic {@link SteeringVector#id()}: saving the same vector again (e.g.
 * after a new evaluation) updates alpha, provenance and evaluation, never duplicates the row.
 * Prepared statements only.
 */
public final class SteeringStore {
    private static final String COLUMNS = "steering_id, name, kind, model_hash, layer, alpha, vec, dim, run_id, provenance, evaluation";
    private final DataSource dataSource;

    public SteeringStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts or updates {@code v}; returns its id.
     *
     * @throws IllegalArgumentException when the vector names a run that is not in {@code runs} (nothing is written)
     */
    public String save(SteeringVector v) throws SQLException {
        return Database.inTransaction(dataSource, c -> {
            if (v.runId().isPresent()) requireRun(c, v.runId().get());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO steering_vectors (" + COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (steering_id) DO UPDATE SET name = EXCLUDED.name,"
                    + " alpha = EXCLUDED.alpha, run_id = EXCLUDED.run_id, provenance = EXCLUDED.provenance,"
                    + " evaluation = EXCLUDED.evaluation")) {
                ps.setString(1, v.id());
                ps.setString(2, v.name());
                ps.setString(3, v.kind().name());
                ps.setString(4, v.modelHash());
                ps.setInt(5, v.layer());
                ps.setDouble(6, v.alpha());
                ps.setObject(7, new PGvector(v.vector()));
                ps.setInt(8, v.vector().length);
                ps.setString(9, v.runId().orElse(null));
                ps.setObject(10, jsonb(SteeringJson.write(SteeringJson.provenance(v))));
                ps.setObject(11, jsonb(v.evaluation()));
                ps.executeUpdate();
            }
            return v.id();
        });
    }

    /** The vector with this id, or empty. */
    public Optional<SteeringVector> load(String id) throws SQLException {
        List<SteeringVector> found = query("SELECT " + COLUMNS + " FROM steering_vectors WHERE steering_id = ?", id);
        return found.stream().findFirst();
    }

    /** Every vector stored for {@code runId}, oldest first (what the audit report's remediation section reads). */
    public List<SteeringVector> forRun(String runId) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM steering_vectors WHERE run_id = ? ORDER BY created_at, steering_id", runId);
    }

    private List<SteeringVector> query(String sql, String key) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            List<SteeringVector> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row(rs));
            }
            return out;
        }
    }

    private static SteeringVector row(ResultSet rs) throws SQLException {
        String id = rs.getString("steering_id");
        JsonNode provenance = SteeringJson.read(rs.getString("provenance"), "provenance of steering vector " + id);
        SteeringJson.requireVersion(provenance, "steering vector " + id);
        float[] vector = new PGvector(rs.getString("vec")).toArray();
        return new SteeringVector(rs.getString("name"), SteeringKind.valueOf(rs.getString("kind")), rs.getString("model_hash"),
                rs.getInt("layer"), vector, (float) rs.getDouble("alpha"), SteeringJson.range(provenance),
                SteeringJson.gate(provenance), Optional.ofNullable(rs.getString("run_id")), SteeringJson.details(provenance),
                SteeringJson.write(SteeringJson.read(rs.getString("evaluation"), "evaluation of steering vector " + id)));
    }

    private static void requireRun(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM runs WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next())
                    throw new IllegalArgumentException("run '" + runId + "' is not in the database (runs table); save the vector"
                            + " without a run id or analyse the run first; nothing was written");
            }
        }
    }

    private static PGobject jsonb(String json) throws SQLException {
        PGobject o = new PGobject();
        o.setType("jsonb");
        o.setValue(json);
        return o;
    }
}
