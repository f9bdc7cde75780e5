package io.shiftwatch.auditor.internal;

import io.shiftwatch.ingest.ConceptDriftEvent;

/** State-store keys: one per (run, target, layer, concept); base and emergent concepts never collide. */
public final class ConceptKey {
    private static final char SEPARATOR = '\u001f';

    private ConceptKey() {
    }

    public static String of(ConceptDriftEvent e) {
        String concept = e.emergent() ? "e:" + e.matchedConcept() : "b:" + e.baseConcept();
        return e.runId() + SEPARATOR + e.target() + SEPARATOR + e.layer() + SEPARATOR + concept;
    }
}
