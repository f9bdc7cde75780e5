package io.shiftwatch.testbed.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shiftwatch.testbed.scenario.Scenario;
import io.shiftwatch.testbed.world.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvalDetailsTest {
    private static final HeldOut HELD_OUT = HeldOut.of(new Scenario.Base(), 9, 32, 10, 300);

    private static List<Generated> answeredWith(java.util.function.IntFunction<String> text) {
        List<Generated> out = new ArrayList<>();
        for (int i = 0; i < HELD_OUT.examples().size(); i++)
            out.add(new Generated(HELD_OUT.examples().get(i), HELD_OUT.scenes().get(i), text.apply(i)));
        return out;
    }

    @Test
    void alwaysYesIsWrongExactlyOnTheNoQuestionsOfEachPresenceType() {
        // Given: every question answered "yes", every caption right
        List<Generated> generated = answeredWith(i -> HELD_OUT.examples().get(i).answerType().equals("caption")
                ? HELD_OUT.examples().get(i).answer() : "yes");

        // When
        Map<String, int[]> byKind = EvalDetails.byKind(generated, TextStyle.BASE);

        // Then: each presence type scores its share of "yes" references; other types score 0; captions 1
        for (String kind : List.of("is_there_shape", "is_there_colour", "is_there_person")) {
            long yes = generated.stream().filter(g -> EvalDetails.kind(g).equals(kind) && g.example().answer().equals("yes")).count();
            assertEquals(yes, byKind.get(kind)[1], kind);
            assertTrue(byKind.get(kind)[0] > yes, kind + " has 'no' references too");
        }
        assertEquals(0, byKind.get("what_shape")[1]);
        assertEquals(10, byKind.get("caption")[0]);
        assertEquals(10, byKind.get("caption")[1]);
        assertEquals(11, byKind.size(), "caption + all 10 question types: " + byKind.keySet());
    }

    @Test
    void aRowNamesTheKindTheReferenceAndWhatWasGenerated() {
        // Given: the first question answered wrongly
        int q = 10;
        List<Generated> generated = answeredWith(i -> i == q ? "purple" : HELD_OUT.examples().get(i).answer());

        // When
        List<String> rows = EvalDetails.rows(generated, TextStyle.BASE);

        // Then
        String[] cells = rows.get(q).split("\t");
        assertEquals(EvalDetails.HEADER.split("\t").length, cells.length);
        assertEquals(EvalDetails.kind(generated.get(q)), cells[0]);
        assertEquals("0", cells[1]);
        assertEquals(HELD_OUT.examples().get(q).answer(), cells[3]);
        assertEquals("purple", cells[4]);
        assertEquals("1", rows.get(0).split("\t")[1], "a reference caption is exact");
    }
}
