package io.shiftwatch.auditor.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportTextTest {
    @Test
    void aRemediationEvaluationIsShownAsItsEffectSentenceAndSplit() {
        // Given an evaluation as steer remediate stores it
        String json = "{\"effect\":\"alpha 1: restored 29/35 biased outputs\",\"heldOut\":{\"agreed\":27},\"split\":\"held-out half\"}";
        // When / Then
        assertEquals("alpha 1: restored 29/35 biased outputs (measured on the held-out half)", ReportText.steeringEffect(json));
    }

    @Test
    void anEvaluationWithoutAnEffectSentenceIsShownAsStored() {
        assertEquals("{\"accuracy\":0.9}", ReportText.steeringEffect("{\"accuracy\":0.9}"));
        assertEquals("not json", ReportText.steeringEffect("not json"));
    }
}
