package io.shiftwatch.analyzer.steering;

import io.shiftwatch.migrations.Database;
import io.shiftwatch.migrations.ThrowawayDatabase;
import io.shiftwatch.models.Steering;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SteeringStoreIT {
    static ThrowawayDatabase db;
    static SteeringStore store;

    @BeforeAll
    static void migrate() throws Exception {
        db = ThrowawayDatabase.migrated();
        store = new SteeringStore(Database.dataSource(db.config));
    }

    @AfterAll
    static void drop() throws Exception {
        db.close();
    }

    private static SteeringVector fine() {
        float[][] centroids = {{1, 0, 0}, {0, 1, 0}};
        return new SteeringVector("fine yes->no@L3", SteeringKind.FINE, "a".repeat(64), 3, new float[] {-1, 1, 0.25f}, 1f,
                Steering.TokenRange.FROM_LAST_PROMPT, Optional.of(new Steering.ConceptGate(centroids, 0)), Optional.empty(),
                Map.of("goal.source", "yes", "goal.target", "no"), "{}");
    }

    @Test
    void aFineVectorRoundTripsWithItsGateAndProvenance() throws Exception {
        // Given
        SteeringVector v = fine();

        // When
        String id = store.save(v);
        SteeringVector back = store.load(id).orElseThrow();

        // Then
        assertEquals(v.id(), id);
        assertArrayEquals(v.vector(), back.vector());
        assertEquals(v.range(), back.range());
        assertEquals(0, back.gate().orElseThrow().concept());
        assertArrayEquals(v.gate().get().centroids()[1], back.gate().get().centroids()[1]);
        assertEquals(v.provenance(), back.provenance());
        assertEquals(v.id(), back.id());
    }

    @Test
    void savingAgainWithANewEvaluationUpdatesTheRowInsteadOfDuplicatingIt() throws Exception {
        // Given
        SteeringVector v = fine();
        store.save(v);

        // When
        store.save(v.withEvaluation(2f, "{\"chosenAlpha\": 2}"));

        // Then
        try (var c = db.connect(); var ps = c.prepareStatement("SELECT count(*), max(alpha) FROM steering_vectors WHERE steering_id = ?")) {
            ps.setString(1, v.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1));
                assertEquals(2.0, rs.getDouble(2), 0.0);
            }
        }
        assertEquals(2.0, store.load(v.id()).orElseThrow().alpha(), 0.0);
    }
}
