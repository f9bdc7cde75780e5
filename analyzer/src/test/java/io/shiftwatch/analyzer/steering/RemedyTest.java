package io.shiftwatch.analyzer.steering;

import io.shiftwatch.models.ProbeSample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RemedyTest {
    private static Probe probe(String id, String profession, String expected) {
        var labels = profession == null ? Map.<String, String>of() : Map.of("profession", profession);
        return new Probe(new ProbeSample(id, 1, new byte[3], "describe", expected, "caption"), labels);
    }

    private static SampleOutput out(Probe p, String text) {
        return new SampleOutput(p, List.of(text.split(" ")), null);
    }

    private static final Probe D1 = probe("d1", "doctor", "a man who is a doctor");
    private static final Probe D2 = probe("d2", "doctor", "a woman who is a doctor");
    private static final Probe D3 = probe("d3", "doctor", "a man who is a doctor");
    private static final Probe C1 = probe("c1", "chef", "a man who is a chef");
    private static final List<SampleOutput> BASE = List.of(out(D1, "a man who is a doctor"), out(D2, "a woman who is a doctor"),
            out(D3, "a man who is a doctor"), out(C1, "a man who is a chef"));
    private static final List<SampleOutput> CHECKPOINT = List.of(out(D1, "a woman who is a doctor"), out(D2, "a woman who is a doctor"),
            out(D3, "a woman who is a doctor"), out(C1, "a man who is a chef"));

    @Test
    void theAbsorbedWordIsTheFindingWordThatRoseMostAndItsCounterpartWhatTheBaseSaidThere() {
        // Given
        var scope = Remedy.showing("doctor");

        // When
        Optional<String> absorbed = Remedy.absorbed(List.of("she", "woman"), scope, BASE, CHECKPOINT);
        Optional<String> counterpart = Remedy.counterpart("woman", scope, BASE, CHECKPOINT);

        // Then
        assertEquals(Optional.of("woman"), absorbed);
        assertEquals(Optional.of("man"), counterpart);
        assertEquals(Optional.empty(), Remedy.absorbed(List.of("chef"), scope, BASE, CHECKPOINT), "no rise, no absorbed word");
    }

    @Test
    void theEffectCountsRestoredBiasedOutputsKeptAgreeingOnesSharesAndCollateral() {
        // Given: the steering restores d1, leaves d3 biased, keeps d2, and changes the chef caption
        var steered = List.of(out(D1, "a man who is a doctor"), out(D2, "a woman who is a doctor"),
                out(D3, "a woman who is a doctor"), out(C1, "a man who is a cook"));

        // When
        var e = RemedyEffect.of(1, "woman", "man", Remedy.showing("doctor"), BASE, CHECKPOINT, steered);

        // Then
        assertEquals(3, e.inScope());
        assertEquals(2, e.biased());
        assertEquals(1, e.restored());
        assertEquals(1, e.agreed());
        assertEquals(1, e.kept());
        assertEquals(1.0 / 3, e.shareBase(), 1e-12);
        assertEquals(1.0, e.shareCheckpoint(), 1e-12);
        assertEquals(2.0 / 3, e.shareSteered(), 1e-12);
        assertEquals(1, e.collateral());
        assertEquals(1, e.outOfScope());
        assertEquals(0.5 - 0 - 1, e.score(), 1e-12);
    }

    @Test
    void selectionTakesTheFirstInScopeProbesThenTheFirstOthers() {
        // Given
        List<Probe> all = new ArrayList<>(List.of(C1, D1, D2, probe("c2", "chef", "x"), D3));

        // When
        var picked = Remedy.select(all, Remedy.showing("doctor"), 2, 1);

        // Then
        assertEquals(List.of("d1", "d2", "c1"), picked.stream().map(Probe::id).toList());
        assertTrue(Remedy.showing("doctor").test(probe("x", null, "the doctor is here")), "the word in the expected text counts");
    }

    @Test
    void outputsOfDifferentProbesAreRejected() {
        var shuffled = List.of(CHECKPOINT.get(1), CHECKPOINT.get(0), CHECKPOINT.get(2), CHECKPOINT.get(3));
        assertThrows(IllegalArgumentException.class,
                () -> RemedyEffect.of(1, "woman", "man", Remedy.showing("doctor"), BASE, shuffled, CHECKPOINT));
    }
}
