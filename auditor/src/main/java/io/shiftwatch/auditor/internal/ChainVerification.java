package io.shiftwatch.auditor.internal;

import io.shiftwatch.migrations.AuditChain;
import io.shiftwatch.migrations.AuditChain.AuditRow;

import java.util.List;
import java.util.Optional;

/**
 * The result of recomputing the whole audit chain (pure; the seq of the first broken row comes from
 * {@link AuditChain#firstBrokenRow}, this type says what differs there). The chain starts at seq 1
 * ({@code AuditLog.append}), so a missing first row is found too. {@link #report} is the text of
 * {@code audit verify}; {@link #exitCode} 0 intact, 1 broken.
 */
public sealed interface ChainVerification permits ChainVerification.Intact, ChainVerification.Broken {

    /** Every row verifies: {@code rows} rows, the newest hash {@code headHash} (GENESIS when empty). */
    record Intact(long rows, long headSeq, String headHash) implements ChainVerification {
    }

    /** Row {@code seq} is the first that does not hold; {@code problem} says what differs. */
    record Broken(long seq, String action, String subject, String problem) implements ChainVerification {
    }

    /** Verifies {@code rows}: every row of the table, in seq order. */
    static ChainVerification of(List<AuditRow> rows) {
        if (!rows.isEmpty() && rows.getFirst().seq() != 1) {
            AuditRow first = rows.getFirst();
            return new Broken(first.seq(), first.action(), first.subject(), "the chain starts at seq " + first.seq()
                    + " instead of 1 (rows before it are missing)");
        }
        Optional<Long> broken = AuditChain.firstBrokenRow(rows);
        if (broken.isEmpty()) {
            return rows.isEmpty() ? new Intact(0, 0, AuditChain.GENESIS)
                    : new Intact(rows.size(), rows.getLast().seq(), rows.getLast().rowHash());
        }
        int index = 0;
        while (rows.get(index).seq() != broken.get()) index++;
        AuditRow row = rows.get(index);
        return new Broken(row.seq(), row.action(), row.subject(), problem(index == 0 ? null : rows.get(index - 1), row));
    }

    /** What is wrong with {@code row} given the row before it (null for the first). */
    private static String problem(AuditRow before, AuditRow row) {
        long expectedSeq = before == null ? 1 : before.seq() + 1;
        if (row.seq() != expectedSeq) {
            return "seq " + row.seq() + " follows seq " + (expectedSeq - 1) + " (row " + expectedSeq + " is missing)";
        }
        String expectedPrev = before == null ? AuditChain.GENESIS : before.rowHash();
        if (!row.prevHash().equals(expectedPrev)) {
            return "prev_hash " + row.prevHash() + " is not the hash of the row before (" + expectedPrev + ")";
        }
        String recomputed = AuditChain.rowHash(row.seq(), row.at(), row.actor(), row.action(), row.subject(),
                row.payloadJson(), row.prevHash());
        return "stored row_hash " + row.rowHash() + " but its content hashes to " + recomputed
                + " (at, actor, action, subject or payload was edited)";
    }

    default int exitCode() {
        return this instanceof Intact ? 0 : 1;
    }

    default String report() {
        return switch (this) {
            case Intact i -> "audit chain OK: " + i.rows() + " rows verified, head seq " + i.headSeq() + " hash "
                    + i.headHash();
            case Broken b -> "audit chain BROKEN at seq " + b.seq() + " (" + b.action() + " " + b.subject() + "): "
                    + b.problem() + "; rows before seq " + b.seq() + " verify, nothing from it on can be trusted";
        };
    }
}
