package io.shiftwatch.bench.e2e;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArrivalsTest {
    @Test
    void aTimelineKeepsTheFirstAndLastArrivalsInSecondsAfterPublishing() {
        var arrivals = new Arrivals();
        arrivals.of("run-a", 50).published = 1_000;
        arrivals.drift("run-a", 50, 3_000);
        arrivals.drift("run-a", 50, 3_500);
        arrivals.alert("run-a", 50, 4_000);
        arrivals.summary("run-a", 50, 3_600, "ANALYSED", Map.of("extract_checkpoint", 1_900L));
        Arrivals.Timeline t = arrivals.of("run-a", 50);
        assertEquals(2.0, t.seconds(t.firstDrift));
        assertEquals(2.5, t.seconds(t.lastDrift));
        assertEquals(3.0, t.seconds(t.lastAlert));
        assertEquals(2, t.driftEvents);
        assertEquals(1, t.alerts);
        assertEquals(1_900L, t.stageMillis.get("extract_checkpoint"));
        assertTrue(Double.isNaN(arrivals.of("run-a", 100).seconds(arrivals.of("run-a", 100).firstAlert)));
    }

    @Test
    void onlyCheckpointsWithASummaryCountAsAnalysed() {
        var arrivals = new Arrivals();
        arrivals.drift("r", 1, 10);
        arrivals.summary("r", 2, 20, "ANALYSED", Map.of());
        assertEquals(1, arrivals.summarised(List.of(Arrivals.key("r", 1), Arrivals.key("r", 2), Arrivals.key("other", 2))));
    }

    @Test
    void checkpointFoldersAreOrderedByTheirStepNumber() {
        assertEquals(150, Checkpoints.step(java.nio.file.Path.of("/runs/x/step-150")));
    }
}
