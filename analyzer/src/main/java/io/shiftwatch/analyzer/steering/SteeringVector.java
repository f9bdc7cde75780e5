package io.shiftwatch.analyzer.steering;

import io.shiftwatch.analyzer.extraction.internal.Sha256;
import io.shiftwatch.models.Steering;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A steering vector with everything needed to apply it again and to say where it came from (a row of
 * {@code steering_vectors}). FINE vectors carry their {@link Steering.ConceptGate}, COARSE ones none.
 *
 * @param name        human-readable name, e.g. "yes->no@L3", never blank
 * @param kind        COARSE or FINE
 * @param modelHash   content hash of the model it steers (64 hex)
 * @param layer       steering layer (ModelAdapter numbering, 0..numLayers)
 * @param vector      [hidden], finite
 * @param alpha       the chosen scale (1 until an evaluation picks one)
 * @param range       positions it is added to
 * @param gate        the nearest-concept condition of a FINE vector, empty for COARSE
 * @param runId       the run it remedies, if any
 * @param provenance  how it was computed (method, source/target, checkpoint, concepts, counts), sorted
 * @param evaluation  JSON of its measured effect ({@code {}} until evaluated), never null
 */
public record SteeringVector(String name, SteeringKind kind, String modelHash, int layer, float[] vector, float alpha,
                             Steering.TokenRange range, Optional<Steering.ConceptGate> gate, Optional<String> runId,
                             Map<String, String> provenance, String evaluation) {
    public SteeringVector {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("steering vector name must not be blank");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(range, "range");
        if (modelHash == null || !modelHash.matches("[0-9a-f]{64}"))
            throw new IllegalArgumentException("modelHash must be 64 lowercase hex chars, got " + modelHash);
        if (layer < 0) throw new IllegalArgumentException("steering layer must be >= 0, got " + layer);
        if (vector == null || vector.length == 0) throw new IllegalArgumentException("steering vector must not be empty");
        for (int i = 0; i < vector.length; i++)
            if (!Float.isFinite(vector[i])) throw new IllegalArgumentException("steering vector value " + i + " is " + vector[i]);
        if (!Float.isFinite(alpha)) throw new IllegalArgumentException("alpha must be finite, got " + alpha);
        gate = gate == null ? Optional.empty() : gate;
        runId = runId == null ? Optional.empty() : runId;
        if ((kind == SteeringKind.FINE) != gate.isPresent())
            throw new IllegalArgumentException(kind + " steering vector " + name + (gate.isPresent() ? " has" : " lacks")
                    + " a concept gate; FINE vectors have one, COARSE ones none");
        provenance = new TreeMap<>(provenance);
        Objects.requireNonNull(evaluation, "evaluation");
    }

    /** The model-side intervention at the stored alpha. */
    public Steering steering() {
        return steering(alpha);
    }

    /** The model-side intervention at {@code a}. */
    public Steering steering(double a) {
        return new Steering(layer, vector, (float) a, range, gate);
    }

    /** Same vector with another alpha and evaluation JSON. */
    public SteeringVector withEvaluation(float newAlpha, String newEvaluation) {
        return new SteeringVector(name, kind, modelHash, layer, vector, newAlpha, range, gate, runId, provenance, newEvaluation);
    }

    /**
     * Deterministic id: SHA-256 over what defines the intervention (kind, model, layer, range, vector
     * bits, gate), not over alpha or evaluation, so re-evaluating a vector updates its row.
     */
    public String id() {
        var digest = Sha256.newDigest();
        digest.update((kind + "\u001f" + modelHash + "\u001f" + layer + "\u001f" + range).getBytes(StandardCharsets.UTF_8));
        digest.update(bits(vector));
        gate.ifPresent(g -> {
            digest.update(("\u001fgate" + g.concept()).getBytes(StandardCharsets.UTF_8));
            for (float[] c : g.centroids()) digest.update(bits(c));
        });
        return Sha256.hex(digest);
    }

    /** {@code ||vector||}. */
    public double norm() {
        double s = 0;
        for (float v : vector) s += (double) v * v;
        return Math.sqrt(s);
    }

    private static byte[] bits(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4);
        for (float x : v) b.putInt(Float.floatToIntBits(x));
        return b.array();
    }

    /** A copy of the provenance with one more entry. */
    public static Map<String, String> with(Map<String, String> provenance, String key, String value) {
        Map<String, String> m = new TreeMap<>(provenance);
        m.put(key, value);
        return m;
    }
}
