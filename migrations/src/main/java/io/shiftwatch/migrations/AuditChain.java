package io.shiftwatch.migrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The hash chain of the append-only {@code audit_log} (pure functions, shared by the writer, the
 * verifier and the dashboards). Each row's hash is SHA-256 (lower-case hex) over the UTF-8 text
 * <pre>
 * shiftwatch-audit/v1 \n seq \n at \n actor \n action \n subject \n canonical(payload) \n prev_hash
 * </pre>
 * where {@code at} is the ISO-8601 instant truncated to microseconds (PostgreSQL's precision) and
 * canonical(payload) is the payload JSON with object keys sorted and no insignificant whitespace — so
 * the hash survives PostgreSQL's {@code jsonb} re-ordering. The first row's {@code prev_hash} is {@link #GENESIS}.
 */
public final class AuditChain {
    /** prev_hash of the first row of the chain. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private AuditChain() {
    }

    /** One audit row as stored. */
    public record AuditRow(long seq, Instant at, String actor, String action, String subject, String payloadJson,
                           String prevHash, String rowHash) {
    }

    public static String rowHash(long seq, Instant at, String actor, String action, String subject, String payloadJson,
                                 String prevHash) {
        String text = String.join("\n", "shiftwatch-audit/v1", Long.toString(seq), canonicalInstant(at), actor, action,
                subject, canonicalJson(payloadJson), prevHash);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** The instant as stored by PostgreSQL (microseconds), in ISO-8601. */
    public static String canonicalInstant(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS).toString();
    }

    /** Payload JSON with sorted keys and no whitespace; throws IllegalArgumentException naming the problem if not JSON. */
    public static String canonicalJson(String json) {
        try {
            return JSON.writeValueAsString(sorted(JSON.readTree(json)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit payload is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Object sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Map<String, Object> map = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                var e = it.next();
                map.put(e.getKey(), sorted(e.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            var list = new java.util.ArrayList<Object>(node.size());
            node.forEach(child -> list.add(sorted(child)));
            return list;
        }
        return node;
    }

    /**
     * Recomputes the chain over {@code rows} (in seq order, from the first row of the chain) and returns
     * the seq of the first row that does not hold — a wrong hash, a broken link to the previous row, or
     * a gap in seq — or empty when the whole chain verifies.
     */
    public static Optional<Long> firstBrokenRow(List<AuditRow> rows) {
        String previous = GENESIS;
        long expectedSeq = rows.isEmpty() ? 0 : rows.getFirst().seq();
        for (AuditRow row : rows) {
            boolean ok = row.seq() == expectedSeq
                    && row.prevHash().equals(previous)
                    && row.rowHash().equals(rowHash(row.seq(), row.at(), row.actor(), row.action(), row.subject(),
                    row.payloadJson(), row.prevHash()));
            if (!ok) return Optional.of(row.seq());
            previous = row.rowHash();
            expectedSeq++;
        }
        return Optional.empty();
    }
}
