package io.shiftwatch.analyzer.extraction.internal;

import java.util.List;

/** The position rule of PAPER.md §1 as a pure function over a generated token list. */
public final class PredictingPosition {
    private PredictingPosition() {
    }

    /**
     * Index j of the first generated token equal to {@code target} (whole-token equality, so "red" never
     * matches "covered"), or -1 when the output does not contain it. Row j of the captured states is the
     * state that predicts that token.
     */
    public static int first(List<String> generatedTokens, String target) {
        for (int j = 0; j < generatedTokens.size(); j++)
            if (generatedTokens.get(j).equals(target)) return j;
        return -1;
    }
}
