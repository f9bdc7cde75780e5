package io.shiftwatch.migrations;

import io.shiftwatch.migrations.AuditChain.AuditRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AuditChainTest {
    private static final Instant AT = Instant.parse("2026-11-22T10:15:30.123456789Z");

    @Test
    void rowHashMatchesTheDocumentedCanonicalText() {
        // Given a payload whose keys are out of order and spaced, and a timestamp with nanoseconds
        String payload = "{ \"z\": true, \"a\": [1, {\"c\": \"x\", \"b\": 2}] }";

        // When
        String hash = AuditChain.rowHash(7, AT, "alice", "ACKNOWLEDGE", "finding/abc", payload, AuditChain.GENESIS);

        // Then: printf 'shiftwatch-audit/v1\n7\n2026-11-22T10:15:30.123456Z\nalice\nACKNOWLEDGE\nfinding/abc\n
        //        {"a":[1,{"b":2,"c":"x"}],"z":true}\n000…0' | sha256sum
        assertEquals("ad9352469e88d56a841042d59ff1131261d3e27a10b3316228822df30b3f1f8b", hash);
    }

    @Test
    void anIntactChainVerifies() {
        // Given
        List<AuditRow> rows = chain(5);

        // When
        Optional<Long> broken = AuditChain.firstBrokenRow(rows);

        // Then
        assertEquals(Optional.empty(), broken);
    }

    @Test
    void anEditedPayloadIsFoundAtItsRow() {
        // Given a chain whose third row's payload was edited after the fact
        List<AuditRow> rows = chain(5);
        AuditRow r = rows.get(2);
        rows.set(2, new AuditRow(r.seq(), r.at(), r.actor(), r.action(), r.subject(), "{\"n\":999}", r.prevHash(), r.rowHash()));

        // When
        Optional<Long> broken = AuditChain.firstBrokenRow(rows);

        // Then
        assertEquals(Optional.of(r.seq()), broken);
    }

    @Test
    void aDeletedRowBreaksTheChainAtTheNextRow() {
        // Given
        List<AuditRow> rows = chain(5);
        long next = rows.get(2).seq();
        rows.remove(1);

        // When
        Optional<Long> broken = AuditChain.firstBrokenRow(rows);

        // Then
        assertEquals(Optional.of(next), broken);
    }

    @Test
    void aPayloadThatIsNotJsonIsRejectedWithAClearMessage() {
        // Given
        String notJson = "{not json";

        // When
        var e = assertThrows(IllegalArgumentException.class, () -> AuditChain.canonicalJson(notJson));

        // Then
        assertEquals(true, e.getMessage().startsWith("audit payload is not valid JSON"));
    }

    static List<AuditRow> chain(int n) {
        List<AuditRow> rows = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            Instant at = AT.plusSeconds(i);
            String payload = "{\"n\":" + i + "}";
            String hash = AuditChain.rowHash(i, at, "auditor", "RAISED", "finding/" + i, payload, prev);
            rows.add(new AuditRow(i, at, "auditor", "RAISED", "finding/" + i, payload, prev, hash));
            prev = hash;
        }
        return rows;
    }
}
