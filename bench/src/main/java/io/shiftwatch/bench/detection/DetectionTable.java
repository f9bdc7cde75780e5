package io.shiftwatch.bench.detection;

import io.shiftwatch.auditor.FindingType;
import io.shiftwatch.bench.detection.DetectionScore.RunScore;
import io.shiftwatch.bench.detection.DetectionScore.TypeScore;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints {@link DetectionScore} results as a fixed-width table (rows: scenario x finding type with anything to say). */
final class DetectionTable {
    private DetectionTable() {
    }

    static void print(PrintStream out, List<RunScore> runs) {
        out.printf(Locale.ROOT, "%-14s %-15s %6s %10s %9s %7s %9s %s%n", "scenario", "finding", "ckpts", "detections",
                "precision", "planted", "recall", "delay (checkpoints)");
        for (RunScore run : runs) {
            for (FindingType type : FindingType.values()) {
                TypeScore s = run.byType().get(type);
                if (s.detections() == 0 && s.planted() == 0) continue;
                out.printf(Locale.ROOT, "%-14s %-15s %6d %10d %9s %7d %9s %s%n", run.scenario(), type, run.checkpoints(),
                        s.detections(), ratio(s.precision()), s.planted(), ratio(s.recall()), s.delays());
            }
            if (run.byType().values().stream().allMatch(s -> s.detections() == 0 && s.planted() == 0))
                out.printf(Locale.ROOT, "%-14s %-15s %6d %10d%n", run.scenario(), "(none)", run.checkpoints(), 0);
        }
    }

    private static String ratio(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
