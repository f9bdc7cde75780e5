package io.shiftwatch.bench.detection;

import io.shiftwatch.auditor.FindingType;
import io.shiftwatch.auditor.Severity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Scores one scenario run's alerts against what the scenario planted (pure; no I/O). A detection is
 * an alert counted once at its highest severity; only WARNING and CRITICAL count (INFO is reported
 * apart). A detection is ON a planted change when its target is the changed word or the base concept's
 * grounding words contain it. Per finding type: precision = on-change detections of the type the
 * change calls for / all detections of that type; recall = planted changes that got a detection of the
 * right type / planted changes calling for that type; delay = index (0 = first) of the first checkpoint
 * at which that detection reached WARNING.
 */
public final class DetectionScore {
    private DetectionScore() {
    }

    /** One alert's life reduced to what scoring needs; {@code words} are the base concept's (emergent: new concept's). */
    public record Detection(FindingType type, Severity maxSeverity, String target, int layer, int concept,
                            int firstWarningCheckpoint, List<String> words) {
        boolean isOn(PlantedChange change) {
            String w = change.concept().toLowerCase(Locale.ROOT);
            return target.equalsIgnoreCase(w) || words.stream().anyMatch(x -> x.equalsIgnoreCase(w));
        }
    }

    /** A planted change: the word, and the finding type it should raise (empty: nothing is expected, e.g. control). */
    public record PlantedChange(String concept, Optional<FindingType> expected) {
    }

    /** Precision/recall/delay of one finding type in one run (NaN where undefined: nothing to divide). */
    public record TypeScore(FindingType type, int detections, int onPlanted, int planted, int plantedDetected,
                            List<Integer> delays) {
        public double precision() {
            return detections == 0 ? Double.NaN : (double) onPlanted / detections;
        }

        public double recall() {
            return planted == 0 ? Double.NaN : (double) plantedDetected / planted;
        }
    }

    public record RunScore(String scenario, int checkpoints, Map<FindingType, TypeScore> byType, int infoOnly) {
    }

    public static RunScore score(String scenario, int checkpoints, List<PlantedChange> planted, List<Detection> all) {
        List<Detection> counted = all.stream().filter(d -> d.maxSeverity().compareTo(Severity.WARNING) >= 0).toList();
        Map<FindingType, TypeScore> byType = new EnumMap<>(FindingType.class);
        for (FindingType type : FindingType.values()) {
            List<Detection> ofType = counted.stream().filter(d -> d.type() == type).toList();
            List<PlantedChange> wanting = planted.stream().filter(p -> p.expected().equals(Optional.of(type))).toList();
            int onPlanted = (int) ofType.stream().filter(d -> wanting.stream().anyMatch(d::isOn)).count();
            List<Integer> delays = new ArrayList<>();
            for (PlantedChange p : wanting) {
                ofType.stream().filter(d -> d.isOn(p)).mapToInt(Detection::firstWarningCheckpoint).min()
                        .ifPresent(delays::add);
            }
            byType.put(type, new TypeScore(type, ofType.size(), onPlanted, wanting.size(), delays.size(), delays));
        }
        return new RunScore(scenario, checkpoints, byType, all.size() - counted.size());
    }

    /** The finding type each planted change kind should raise (testbed ChangeKind names). */
    public static Optional<FindingType> expectedFor(String changeKind) {
        return switch (changeKind) {
            case "VANISH" -> Optional.of(FindingType.VANISHING);
            case "SPECIALISE" -> Optional.of(FindingType.SPECIALISING);
            case "BIAS" -> Optional.of(FindingType.BIAS_ABSORBING);
            default -> Optional.empty();
        };
    }

    /** Totals over runs, per type: summed counts (micro-averaged precision and recall). */
    public static Map<FindingType, TypeScore> total(List<RunScore> runs) {
        Map<FindingType, TypeScore> out = new LinkedHashMap<>();
        for (FindingType type : FindingType.values()) {
            int det = 0, on = 0, planted = 0, found = 0;
            List<Integer> delays = new ArrayList<>();
            for (RunScore r : runs) {
                TypeScore s = r.byType().get(type);
                det += s.detections();
                on += s.onPlanted();
                planted += s.planted();
                found += s.plantedDetected();
                delays.addAll(s.delays());
            }
            out.put(type, new TypeScore(type, det, on, planted, found, delays));
        }
        return out;
    }
}
