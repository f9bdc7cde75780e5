package io.shiftwatch.auditor;

import io.shiftwatch.auditor.internal.AlertIds;
import io.shiftwatch.auditor.internal.Checks;

/**
 * A state change of one alert (v1), the value of {@code shiftwatch.alerts} keyed by run id. The
 * {@code alertId} is deterministic (SHA-256 hex of run, finding type, target, layer, concept), so
 * RAISED, UPDATED and RESOLVED records of one alert share it. {@code step} is the checkpoint that
 * caused this change; {@code firstSeenStep}/{@code lastSeenStep} the first and latest checkpoints at
 * which the finding held; {@code evidence} is the finding at {@code lastSeenStep} (for RESOLVED, the
 * last one that held). {@code findingType}, {@code severity}, target, layer and concept repeat the
 * evidence's for consumers that filter without reading it. Nothing is null.
 */
public record Alert(int schemaVersion, String alertId, String runId, long step, FindingType findingType,
                    Severity severity, String target, int layer, int concept, State state, long firstSeenStep,
                    long lastSeenStep, Finding evidence) {
    public static final int SCHEMA_VERSION = 1;

    /** Where an alert is in its life: raised once, updated on a severity change, resolved when the finding clears. */
    public enum State { RAISED, UPDATED, RESOLVED }

    public Alert {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion must be " + SCHEMA_VERSION + " but was " + schemaVersion);
        }
        Checks.text(runId, "runId");
        Checks.present(state, "state");
        Checks.present(evidence, "evidence");
        if (findingType != evidence.type() || severity != evidence.severity() || !evidence.target().equals(target)
                || layer != evidence.layer() || concept != evidence.concept()) {
            throw new IllegalArgumentException("findingType, severity, target, layer and concept must repeat the"
                    + " evidence's (" + evidence.type() + ", " + evidence.severity() + ", " + evidence.target() + ", "
                    + evidence.layer() + ", " + evidence.concept() + ")");
        }
        String expected = AlertIds.alertId(runId, findingType, target, layer, concept);
        if (!expected.equals(alertId)) {
            throw new IllegalArgumentException("alertId " + alertId + " is not the hash of run, type, target, layer"
                    + " and concept (expected " + expected + ")");
        }
        Checks.atLeast(firstSeenStep, 0, "firstSeenStep");
        if (lastSeenStep < firstSeenStep || step < lastSeenStep) {
            throw new IllegalArgumentException("steps must satisfy firstSeenStep <= lastSeenStep <= step but were "
                    + firstSeenStep + ", " + lastSeenStep + ", " + step);
        }
    }

    /** The alert state change for {@code finding} of run {@code runId}, its id computed. */
    public static Alert of(String runId, long step, State state, long firstSeenStep, long lastSeenStep, Finding finding) {
        return new Alert(SCHEMA_VERSION, AlertIds.alertId(runId, finding.type(), finding.target(), finding.layer(),
                finding.concept()), runId, step, finding.type(), finding.severity(), finding.target(), finding.layer(),
                finding.concept(), state, firstSeenStep, lastSeenStep, finding);
    }
}
