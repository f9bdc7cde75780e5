package io.shiftwatch.analyzer.steering;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shiftwatch.models.Steering;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * JSON forms shared by {@link SteeringFiles} and {@link SteeringStore}: a vector's provenance object
 * (its provenance map as {@code details}, plus {@code tokenRange} and the FINE gate — what the table's
 * columns do not hold) and evaluation curves. Versioned by {@link #SCHEMA_VERSION}.
 */
public final class SteeringJson {
    public static final int SCHEMA_VERSION = 1;
    static final ObjectMapper MAPPER = new ObjectMapper();

    private SteeringJson() {
    }

    /** {"schemaVersion", "details", "tokenRange", "gate": {"concept", "centroids"} | null}. */
    public static ObjectNode provenance(SteeringVector v) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode details = o.putObject("details");
        v.provenance().forEach(details::put);
        o.put("tokenRange", v.range().name());
        if (v.gate().isEmpty()) o.putNull("gate");
        else {
            ObjectNode g = o.putObject("gate");
            g.put("concept", v.gate().get().concept());
            ArrayNode rows = g.putArray("centroids");
            for (float[] c : v.gate().get().centroids()) floats(rows.addArray(), c);
        }
        return o;
    }

    static void requireVersion(JsonNode o, String where) {
        int version = o.path("schemaVersion").asInt(-1);
        if (version != SCHEMA_VERSION)
            throw new IllegalArgumentException(where + ": steering schemaVersion " + version + " is not supported (this build reads "
                    + SCHEMA_VERSION + "); nothing was loaded");
    }

    static Map<String, String> details(JsonNode provenance) {
        Map<String, String> m = new TreeMap<>();
        provenance.path("details").properties().forEach(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    static Steering.TokenRange range(JsonNode provenance) {
        return Steering.TokenRange.valueOf(provenance.path("tokenRange").asText("ALL"));
    }

    static Optional<Steering.ConceptGate> gate(JsonNode provenance) {
        JsonNode g = provenance.path("gate");
        if (g.isMissingNode() || g.isNull()) return Optional.empty();
        JsonNode rows = g.path("centroids");
        float[][] centroids = new float[rows.size()][];
        for (int k = 0; k < rows.size(); k++) centroids[k] = floats(rows.get(k));
        return Optional.of(new Steering.ConceptGate(centroids, g.path("concept").asInt()));
    }

    static void floats(ArrayNode into, float[] values) {
        for (float f : values) into.add(f);
    }

    static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = (float) array.get(i).asDouble();
        return out;
    }

    /** One evaluation as JSON (accuracy per type before/after, counts, repetition, effect). */
    public static ObjectNode evaluation(SteeringEvaluation e, SteeringGoal goal) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("alpha", e.alpha());
        o.put("effect", e.effect());
        o.put("removed", e.removed());
        o.put("added", e.added());
        o.put("affected", e.affected());
        o.put("moved", e.moved());
        o.put("inScope", e.inScope());
        o.put("collateral", e.collateral());
        o.put("outOfScope", e.outOfScope());
        o.put("repetitionBefore", e.repetitionBefore());
        o.put("repetitionAfter", e.repetitionAfter());
        o.put("otherTypesMaxChangePoints", e.otherTypesMaxChangePoints(goal.answerType()));
        ObjectNode acc = o.putObject("accuracy");
        e.accuracy().forEach((type, a) -> acc.putObject(type).put("n", a.n()).put("before", a.before()).put("after", a.after()));
        return o;
    }

    /** A sweep as JSON: the goal, tolerance, chosen alpha (null when none qualified) and every point. */
    public static String curve(AlphaSweep.Curve curve, String probeSetHash) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode goal = o.putObject("goal");
        goal.put("answerType", curve.goal().answerType()).put("source", curve.goal().source()).put("target", curve.goal().target());
        curve.goal().scope().forEach(goal.putObject("scope")::put);
        o.put("probeSetHash", probeSetHash);
        o.put("tolerancePoints", curve.tolerancePoints());
        if (curve.chosen().isPresent()) o.put("chosenAlpha", curve.chosen().get().alpha());
        else o.putNull("chosenAlpha");
        ArrayNode points = o.putArray("curve");
        curve.points().forEach(p -> points.add(evaluation(p, curve.goal())));
        return write(o);
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise steering JSON: " + e.getMessage(), e);
        }
    }

    static JsonNode read(String json, String where) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + " is not valid JSON: " + e.getOriginalMessage() + "; nothing was loaded", e);
        }
    }
}
