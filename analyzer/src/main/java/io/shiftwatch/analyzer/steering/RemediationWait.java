package io.shiftwatch.analyzer.steering;

import io.shiftwatch.ingest.Config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits, for {@code steer remediate --wait-for FILE}: until FILE exists (the training run ended), then
 * until none of the run's checkpoints waits for analysis and that stays so for {@code --settle-seconds}
 * (time for the auditor's findings and for a late checkpoint event to arrive). Prints a line every minute; gives up after {@code --wait-minutes}.
 */
final class RemediationWait {
    private static final long POLL_MS = 5_000;

    private RemediationWait() {
    }

    static void until(Config c, RemediationSource source, String runId) throws SQLException, InterruptedException {
        Path file = c.get(RemediateKeys.WAIT_FOR);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(c.get(RemediateKeys.WAIT_MINUTES)));
        Instant nextNote = Instant.EPOCH;
        while (true) { // leaves by return once settled, or by the exception at the deadline
            boolean ended = Files.exists(file);
            int[] backlog = ended ? source.analysisBacklog(runId) : null;
            if (ended && backlog[1] > 0 && backlog[0] == 0 && settled(c, source, runId, backlog[1])) return;
            if (Instant.now().isAfter(deadline))
                throw new IllegalStateException("waited " + c.get(RemediateKeys.WAIT_MINUTES) + " minutes for " + (ended
                        ? "the analysis of run " + runId + "'s checkpoints" : file) + "; nothing was remediated");
            if (Instant.now().isAfter(nextNote)) {
                System.out.println(ended ? "waiting for " + backlog[0] + " of " + backlog[1] + " checkpoint(s) of run " + runId
                        + " to be analysed" : "waiting for " + file + " (the training run to end)");
                nextNote = Instant.now().plusSeconds(60);
            }
            Thread.sleep(POLL_MS);
        }
    }

    /** True when, {@code --settle-seconds} later, the run still has {@code checkpoints} checkpoints and none waits. */
    private static boolean settled(Config c, RemediationSource source, String runId, int checkpoints) throws SQLException, InterruptedException {
        System.out.println("all " + checkpoints + " checkpoint(s) of run " + runId + " are analysed; waiting " + c.get(RemediateKeys.SETTLE_SECONDS)
                + " s for the auditor's findings");
        Thread.sleep(1000L * c.get(RemediateKeys.SETTLE_SECONDS));
        int[] again = source.analysisBacklog(runId);
        return again[0] == 0 && again[1] == checkpoints;
    }
}
