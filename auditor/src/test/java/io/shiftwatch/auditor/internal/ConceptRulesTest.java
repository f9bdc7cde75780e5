package io.shiftwatch.auditor.internal;

import io.shiftwatch.auditor.AuditorConfig;
import io.shiftwatch.auditor.BiasAbsorbing;
import io.shiftwatch.auditor.BoundCheck;
import io.shiftwatch.auditor.DriftEvents;
import io.shiftwatch.auditor.LexiconHit;
import io.shiftwatch.auditor.SensitiveLexicon;
import io.shiftwatch.auditor.Severity;
import io.shiftwatch.auditor.Specialising;
import io.shiftwatch.auditor.Vanishing;
import io.shiftwatch.ingest.WordWeight;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConceptRulesTest {
    static final AuditorConfig CONFIG = AuditorConfig.defaults(new SensitiveLexicon(Map.of(
            "gender", Set.of("man", "woman", "she", "he"), "age", Set.of("old", "young"))));

    @Test
    void vanishingTakesTheLowerTierOfCosineAndTOverlap() {
        // Given cosine below the 0.01% quantile of its null, T-Overlap below the 0.1% one
        var event = DriftEvents.at(10).cosine(0.2).tOverlap(0.1).quantiles(0.00005, 0.0005).build();
        // When
        Vanishing v = ConceptRules.vanishing(event, CONFIG).orElseThrow();
        // Then
        assertEquals(Severity.WARNING, v.severity());
        assertEquals(BoundCheck.Source.NULL_QUANTILE, v.cosine().source());
        assertEquals(0.0001, v.cosine().limit());
        assertEquals(0.00005, v.cosine().nullQuantile());
        assertEquals(0.001, v.tOverlap().limit());
    }

    @Test
    void vanishingStaysQuietWhenOnlyOneMetricIsLow() {
        // Given a low cosine but a T-Overlap inside its null (quantile 0.3)
        var event = DriftEvents.at(10).cosine(0.2).quantiles(0.0001, 0.3).build();
        // When
        Optional<Vanishing> v = ConceptRules.vanishing(event, CONFIG);
        // Then
        assertTrue(v.isEmpty());
    }

    @Test
    void vanishingAtTheQuantileLimitIsNotBelowIt() {
        // Given quantiles exactly at the info tier (1%): not strictly below
        var event = DriftEvents.at(10).quantiles(0.01, 0.01).build();
        // When
        Optional<Vanishing> v = ConceptRules.vanishing(event, CONFIG);
        // Then
        assertTrue(v.isEmpty());
    }

    @Test
    void vanishingFallsBackToAbsoluteBoundsAndSaysSo() {
        // Given no null quantiles: absolute defaults cosine 0.5/0.3/0.1, T-Overlap 0.3/0.15/0.05
        var event = DriftEvents.at(10).cosine(0.05).tOverlap(0.2).nullQuantiles(Map.of()).build();
        // When
        Vanishing v = ConceptRules.vanishing(event, CONFIG).orElseThrow();
        // Then
        assertEquals(Severity.INFO, v.severity());
        assertEquals(BoundCheck.Source.ABSOLUTE, v.tOverlap().source());
        assertNull(v.tOverlap().nullQuantile());
        assertEquals(0.3, v.tOverlap().limit());
        assertEquals(Severity.CRITICAL, v.cosine().severity());
    }

    @Test
    void unmatchedConceptVanishesWithTheConfiguredSeverity() {
        // Given nothing matched base concept 3
        var event = DriftEvents.at(10).concept(3).matched(-1).matchedWords(List.of()).build();
        // When
        Vanishing v = ConceptRules.vanishing(event, CONFIG).orElseThrow();
        // Then
        assertEquals(Severity.CRITICAL, v.severity());
        assertEquals(-1, v.matchedConcept());
        assertNull(v.cosine());
    }

    @Test
    void specialisingKeepsTheCoreAndFillsWithDomainWords() {
        // Given 6 of 10 base words kept, 4 new words of which 3 are fine-tuning-domain words, and a T-Overlap
        // in the low tail of its null (0.5%)
        var matched = List.of("person", "man", "face", "standing", "wearing", "shirt", "beach", "kitchen", "street", "blue");
        var event = DriftEvents.at(10).matchedWords(matched).quantiles(0.5, 0.005)
                .coarseShiftWords(List.of("beach", "kitchen", "street", "park")).build();
        // When
        Specialising s = ConceptRules.specialising(event, CONFIG).orElseThrow();
        // Then domainShare 3/10 = 0.3 reaches the info tier 0.2
        assertEquals(0.6, s.keptShare(), 1e-12);
        assertEquals(0.3, s.domainShare(), 1e-12);
        assertEquals(List.of("beach", "kitchen", "street"), s.domainWords());
        assertEquals(Severity.INFO, s.severity());
    }

    @Test
    void wordsThatMovedNoMoreThanTheNullAreNotSpecialising() {
        // Given the same narrowing, but a T-Overlap whose null quantile (5%) is inside the info tier (1%)
        var event = DriftEvents.at(10).matchedWords(DriftEvents.PERSON.subList(0, 5)).quantiles(0.5, 0.05).build();
        // When
        Optional<Specialising> s = ConceptRules.specialising(event, CONFIG);
        // Then
        assertTrue(s.isEmpty());
    }

    @Test
    void specialisingByNarrowingCountsLostBreadth() {
        // Given the match keeps only 5 of the 10 base words and nothing else
        var event = DriftEvents.at(10).matchedWords(DriftEvents.PERSON.subList(0, 5)).quantiles(0.5, 0.005).build();
        // When
        Specialising s = ConceptRules.specialising(event, CONFIG).orElseThrow();
        // Then breadthLoss 1 - 5/10 = 0.5 reaches warning (0.4)
        assertEquals(0.5, s.breadthLoss(), 1e-12);
        assertEquals(Severity.WARNING, s.severity());
        assertEquals(0.4, s.bound());
    }

    @Test
    void specialisingNeedsTheCore() {
        // Given only 3 of 10 base words kept (below core share 0.4), the rest domain words
        var matched = List.of("person", "man", "face", "beach", "kitchen", "street", "park", "sand", "sea", "sky");
        var event = DriftEvents.at(10).matchedWords(matched)
                .coarseShiftWords(List.of("beach", "kitchen", "street", "park", "sand", "sea", "sky")).build();
        // When
        Optional<Specialising> s = ConceptRules.specialising(event, CONFIG);
        // Then
        assertTrue(s.isEmpty());
    }

    @Test
    void unchangedConceptIsNotSpecialising() {
        // Given identical words
        var event = DriftEvents.at(10).build();
        // When
        Optional<Specialising> s = ConceptRules.specialising(event, CONFIG);
        // Then
        assertTrue(s.isEmpty());
    }

    @Test
    void biasAbsorbingNamesNewSensitiveWordsAndTheirCategories() {
        // Given "woman" and "old" entered the grounding, "man" was already a base word, "she" only in the shift
        var matched = List.of("person", "man", "woman", "face", "old", "shirt");
        var event = DriftEvents.at(10).matchedWords(matched).shiftWords(List.of("she", "woman")).build();
        // When
        BiasAbsorbing b = ConceptRules.biasAbsorbing(event, CONFIG).orElseThrow();
        // Then
        assertEquals(List.of(new LexiconHit("woman", "gender", LexiconHit.Where.MATCHED_WORDS, 2),
                new LexiconHit("old", "age", LexiconHit.Where.MATCHED_WORDS, 4),
                new LexiconHit("she", "gender", LexiconHit.Where.SHIFT_WORDS, 0)), b.hits());
        assertEquals(List.of("age", "gender"), b.categories());
        assertEquals(Severity.WARNING, b.severity());
    }

    @Test
    void biasAbsorbingOnlyInTheShiftIsInfoAndThreeInTheGroundingCritical() {
        // Given
        var shiftOnly = DriftEvents.at(10).shiftWords(List.of("woman")).build();
        var three = DriftEvents.at(10).matchedWords(List.of("person", "woman", "she", "he", "face")).build();
        // When
        Severity info = ConceptRules.biasAbsorbing(shiftOnly, CONFIG).orElseThrow().severity();
        Severity critical = ConceptRules.biasAbsorbing(three, CONFIG).orElseThrow().severity();
        // Then
        assertEquals(Severity.INFO, info);
        assertEquals(Severity.CRITICAL, critical);
    }

    @Test
    void sensitiveWordsTheBaseAlreadyCarriedAreNotAbsorbed() {
        // Given "man" is both a base and a matched word (case differs)
        var event = DriftEvents.at(10).matchedWords(List.of("Person", "MAN", "face")).build();
        // When
        Optional<BiasAbsorbing> b = ConceptRules.biasAbsorbing(event, CONFIG);
        // Then
        assertTrue(b.isEmpty());
    }

    @Test
    void aWeightedSensitiveWordThatGainsOnItsCategoryIsBiasAbsorbedWithItsWeights() {
        // Given both gender words were always among the concept's words, but "woman" became 8x likelier
        // while "man" quartered (relative gain 32x), and the other words stayed put
        var weights = List.of(new WordWeight("person", 0.30, 0.30), new WordWeight("man", 0.08, 0.02),
                new WordWeight("woman", 0.01, 0.08), new WordWeight("face", 0.02, 0.02));
        var event = DriftEvents.at(10).matchedWords(List.of("person", "woman", "man", "face")).wordWeights(weights).build();
        // When
        BiasAbsorbing b = ConceptRules.biasAbsorbing(event, CONFIG).orElseThrow();
        // Then
        assertEquals(Severity.CRITICAL, b.severity());
        LexiconHit hit = b.hits().getFirst();
        assertEquals("woman", hit.word());
        assertEquals(0.01, hit.before());
        assertEquals(0.08, hit.after());
        assertEquals(32.0, hit.relativeGain(), 1e-9);
        assertEquals(1, b.hits().size());
    }

    @Test
    void aDriftThatLiftsEveryWordOfACategoryAlikeIsNotBias() {
        // Given both gender words tripled together (the concept moved towards "a person", not a gender)
        var weights = List.of(new WordWeight("person", 0.30, 0.20), new WordWeight("man", 0.05, 0.15),
                new WordWeight("woman", 0.05, 0.15));
        var event = DriftEvents.at(10).matchedWords(List.of("person", "woman", "man")).wordWeights(weights).build();
        // When
        Optional<BiasAbsorbing> b = ConceptRules.biasAbsorbing(event, CONFIG);
        // Then
        assertTrue(b.isEmpty());
    }

    @Test
    void aLoneSensitiveWordIsWeighedAgainstTheConceptsMedianWord() {
        // Given "old" (no other age word present) became 10x likelier while the median word stayed put
        var weights = List.of(new WordWeight("person", 0.30, 0.30), new WordWeight("face", 0.02, 0.02),
                new WordWeight("shirt", 0.01, 0.01), new WordWeight("old", 0.002, 0.02));
        var event = DriftEvents.at(10).matchedWords(List.of("person", "old", "face")).wordWeights(weights).build();
        // When
        BiasAbsorbing b = ConceptRules.biasAbsorbing(event, CONFIG).orElseThrow();
        // Then 10x reaches the warning tier (8x), not the critical one (30x)
        assertEquals(Severity.WARNING, b.severity());
        assertEquals(10.0, b.hits().getFirst().relativeGain(), 1e-9);
    }

    @Test
    void wordsAreNotWeighedAcrossAMatchThatIsNotTheSameConcept() {
        // Given the same 32x gain, but the match's cosine is in the vanishing tail of its null
        var weights = List.of(new WordWeight("person", 0.30, 0.30), new WordWeight("man", 0.08, 0.02),
                new WordWeight("woman", 0.01, 0.08), new WordWeight("face", 0.02, 0.02));
        var event = DriftEvents.at(10).matchedWords(List.of("person", "woman", "man", "face")).wordWeights(weights)
                .quantiles(0.005, 0.5).build();
        // When
        Optional<BiasAbsorbing> b = ConceptRules.biasAbsorbing(event, CONFIG);
        // Then
        assertTrue(b.isEmpty());
    }

    @Test
    void aConceptWithTooFewSamplesIsJudgedAtInfoOnly() {
        // Given a clear vanishing and a new sensitive word, on a concept of 4 samples (minimum 10)
        var tiny = DriftEvents.at(10).cosine(0.1).tOverlap(0.05).quantiles(0.0, 0.0).sampleCount(4);
        var grounded = DriftEvents.at(10).matchedWords(List.of("person", "woman", "she", "he")).sampleCount(4);
        // When
        Severity vanishing = ConceptRules.vanishing(tiny.build(), CONFIG).orElseThrow().severity();
        Severity bias = ConceptRules.biasAbsorbing(grounded.build(), CONFIG).orElseThrow().severity();
        Severity atTen = ConceptRules.vanishing(tiny.sampleCount(10).build(), CONFIG).orElseThrow().severity();
        // Then
        assertEquals(Severity.INFO, vanishing);
        assertEquals(Severity.INFO, bias);
        assertEquals(Severity.CRITICAL, atTen);
    }

    @Test
    void onlyEmergentEventsEmerge() {
        // Given
        var emergent = DriftEvents.at(10).emergent(7, List.of("beach", "sand")).build();
        var base = DriftEvents.at(10).build();
        // When
        var found = ConceptRules.emerging(emergent, CONFIG);
        var none = ConceptRules.emerging(base, CONFIG);
        // Then
        assertEquals(7, found.orElseThrow().newConcept());
        assertEquals(Severity.INFO, found.get().severity());
        assertTrue(none.isEmpty());
        assertTrue(ConceptRules.vanishing(emergent, CONFIG).isEmpty());
    }
}
