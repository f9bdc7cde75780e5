package io.shiftwatch.auditor.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shiftwatch.auditor.Alert;
import io.shiftwatch.auditor.Alerts;
import io.shiftwatch.auditor.Finding;

/**
 * The JSON of a finding's evidence as stored in {@code findings.evidence}: exactly the
 * {@code evidence} object of the alert's wire format ({@link Alerts#CODEC}), read back as the sealed
 * {@link Finding} (variant named by {@code "type"}).
 */
public final class FindingJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FindingJson() {
    }

    /** The alert's evidence as JSON text. */
    public static String evidence(Alert alert) {
        try {
            return MAPPER.readTree(Alerts.CODEC.writeString(alert)).get("evidence").toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the alert codec wrote JSON it cannot read back: " + e.getOriginalMessage(), e);
        }
    }

    /** The finding stored as {@code json}; IllegalArgumentException naming the problem when it is not one. */
    public static Finding read(String json) {
        try {
            return MAPPER.readValue(json, Finding.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored evidence is not a finding: " + e.getOriginalMessage(), e);
        }
    }
}
