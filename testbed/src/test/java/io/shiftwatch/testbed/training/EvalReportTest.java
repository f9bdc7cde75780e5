package io.shiftwatch.testbed.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shiftwatch.testbed.scenario.Scenario;
import io.shiftwatch.testbed.world.TextStyle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalReportTest {
    private static final HeldOut HELD_OUT = HeldOut.of(new Scenario.Base(), 9, 32, 20, 200);

    private static List<Generated> answeredWith(java.util.function.IntFunction<String> text) {
        List<Generated> out = new ArrayList<>();
        for (int i = 0; i < HELD_OUT.examples().size(); i++)
            out.add(new Generated(HELD_OUT.examples().get(i), HELD_OUT.scenes().get(i), text.apply(i)));
        return out;
    }

    @Test
    void referenceAnswersScorePerfectly() {
        // Given
        List<Generated> generated = answeredWith(i -> HELD_OUT.examples().get(i).answer());

        // When
        EvalReport report = EvalReport.of(generated, TextStyle.BASE);

        // Then
        assertEquals(1.0, report.captionWordAccuracy());
        assertEquals(1.0, report.captionExactRate());
        assertEquals(java.util.Set.of("yes/no", "number", "colour", "other"), report.vqa().keySet());
        assertEquals(1.0, report.worstVqaAccuracy());
        assertTrue(report.meets(0.95, 0.90));
    }

    @Test
    void wrongAnswersAndTruncatedCaptionsLowerTheirOwnMetricOnly() {
        // Given: every yes/no answer flipped, every caption missing its last word
        List<Generated> generated = answeredWith(i -> {
            var ex = HELD_OUT.examples().get(i);
            if (ex.answerType().equals("caption")) return ex.answer().substring(0, ex.answer().lastIndexOf(' '));
            if (ex.answerType().equals("yes/no")) return ex.answer().equals("yes") ? "no" : "yes";
            return ex.answer();
        });

        // When
        EvalReport report = EvalReport.of(generated, TextStyle.BASE);

        // Then
        assertEquals(0.0, report.vqa().get("yes/no").accuracy());
        assertEquals(1.0, report.vqa().get("number").accuracy());
        assertEquals(0.0, report.captionExactRate());
        assertTrue(report.captionWordAccuracy() > 0.85 && report.captionWordAccuracy() < 1.0, report.toString());
        assertFalse(report.meets(0.95, 0.90));
    }
}
