package io.shiftwatch.auditor;

/**
 * The state of a finding as stored in PostgreSQL ({@code findings.state}): the alert states plus
 * ACKNOWLEDGED (a person accepted it, with who and why). A finding is OPEN — it counts for the
 * gate — while RAISED or UPDATED; ACKNOWLEDGED and RESOLVED findings do not block.
 */
public enum FindingState {
    RAISED, UPDATED, ACKNOWLEDGED, RESOLVED;

    /** True for RAISED and UPDATED: nobody has accepted it and it has not cleared. */
    public boolean open() {
        return switch (this) {
            case RAISED, UPDATED -> true;
            case ACKNOWLEDGED, RESOLVED -> false;
        };
    }
}
