package io.shiftwatch.auditor.internal;

import io.shiftwatch.auditor.Alert;
import io.shiftwatch.auditor.FindingType;

import java.util.List;
import java.util.Optional;

/**
 * The alert state of one concept (v1 store value): the latest checkpoint evaluated
 * ({@code latestStep}, -1 before the first) and the active (RAISED or UPDATED) alerts, at most
 * one per finding type, with lastSeenStep and evidence kept current.
 */
public record AlertBook(int schemaVersion, long latestStep, List<Alert> active) {
    public static final int SCHEMA_VERSION = 1;

    public AlertBook {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion must be " + SCHEMA_VERSION + " but was " + schemaVersion);
        }
        Checks.atLeast(latestStep, -1, "latestStep");
        active = Checks.list(active, "active");
        if (active.stream().map(Alert::findingType).distinct().count() != active.size()) {
            throw new IllegalArgumentException("active must hold at most one alert per finding type");
        }
        if (active.stream().anyMatch(a -> a.state() == Alert.State.RESOLVED)) {
            throw new IllegalArgumentException("active must not hold resolved alerts");
        }
    }

    public static AlertBook empty() {
        return new AlertBook(SCHEMA_VERSION, -1, List.of());
    }

    public Optional<Alert> active(FindingType type) {
        return active.stream().filter(a -> a.findingType() == type).findFirst();
    }
}
