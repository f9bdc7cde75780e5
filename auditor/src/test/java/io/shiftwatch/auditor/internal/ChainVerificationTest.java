package io.shiftwatch.auditor.internal;

import io.shiftwatch.migrations.AuditChain;
import io.shiftwatch.migrations.AuditChain.AuditRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChainVerificationTest {
    private static List<AuditRow> chain(int n) {
        List<AuditRow> rows = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (long seq = 1; seq <= n; seq++) {
            Instant at = Instant.parse("2026-12-01T00:00:00Z").plusSeconds(seq);
            String payload = "{\"n\":" + seq + "}";
            String hash = AuditChain.rowHash(seq, at, "auditor", "RAISED", "finding/x", payload, prev);
            rows.add(new AuditRow(seq, at, "auditor", "RAISED", "finding/x", payload, prev, hash));
            prev = hash;
        }
        return rows;
    }

    @Test
    void anIntactChainReportsRowCountAndHeadHash() {
        // Given
        List<AuditRow> rows = chain(3);
        // When
        ChainVerification result = ChainVerification.of(rows);
        // Then
        assertEquals(new ChainVerification.Intact(3, 3, rows.getLast().rowHash()), result);
        assertEquals(0, result.exitCode());
    }

    @Test
    void anEditedPayloadIsReportedAtItsSeq() {
        // Given
        List<AuditRow> rows = chain(4);
        AuditRow r = rows.get(2);
        rows.set(2, new AuditRow(r.seq(), r.at(), r.actor(), r.action(), r.subject(), "{\"n\":99}", r.prevHash(), r.rowHash()));
        // When
        ChainVerification result = ChainVerification.of(rows);
        // Then
        ChainVerification.Broken broken = assertInstanceOf(ChainVerification.Broken.class, result);
        assertEquals(3, broken.seq());
        assertTrue(broken.problem().contains("content hashes to"), broken.problem());
        assertEquals(1, result.exitCode());
    }

    @Test
    void aMissingRowIsReportedAtTheRowAfterTheGap() {
        // Given
        List<AuditRow> rows = chain(4);
        rows.remove(1);
        // When
        ChainVerification.Broken broken = assertInstanceOf(ChainVerification.Broken.class, ChainVerification.of(rows));
        // Then
        assertEquals(3, broken.seq());
        assertTrue(broken.problem().contains("row 2 is missing"), broken.problem());
    }

    @Test
    void aMissingFirstRowIsFound() {
        // Given
        List<AuditRow> rows = chain(3);
        rows.removeFirst();
        // When
        ChainVerification.Broken broken = assertInstanceOf(ChainVerification.Broken.class, ChainVerification.of(rows));
        // Then
        assertEquals(2, broken.seq());
    }
}
