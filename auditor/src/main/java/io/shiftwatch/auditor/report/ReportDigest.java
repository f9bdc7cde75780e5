package io.shiftwatch.auditor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The report's own fingerprint: SHA-256 (lower-case hex) over the canonical JSON of its
 * {@link ReportModel} (properties and map keys sorted, instants as ISO-8601, thumbnails as base64).
 * Two renderings of the same data — HTML or PDF, today or next year — carry the same digest.
 */
public final class ReportDigest {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ReportDigest() {
    }

    public static String canonicalJson(ReportModel model) {
        try {
            return CANONICAL.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report model could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String of(ReportModel model) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson(model).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
