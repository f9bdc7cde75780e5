package io.shiftwatch.models.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.shiftwatch.models.Steering.TokenRange;
import io.shiftwatch.models.WordVocabulary;

/**
 * The growing token sequences of a generation batch in one coordinate system: positions
 * {@code 0..P-1} are the image prefix, then the text, LEFT-padded so every prompt ends at the same
 * index ({@link #promptEnd()} - 1, the position predicting the first generated token). Pads are never
 * attended to and get position id 0; real text keeps the position ids it would have without padding.
 * With {@code prefixAttention} the image and the (valid) prompt positions, up to and including {@code <sep>},
 * see one another in both directions; generated positions stay causal.
 */
final class DecodingState {
    private final int prefix;
    private final int maxPositions;
    private final int promptLength;
    private final boolean prefixAttention;
    private final int[] pad;
    private final long[][] text;
    private int textLength;

    /**
     * {@code prompts[b]} = {@code <bos> prompt <sep>} ids; {@code capacity} = text positions to reserve;
     * position ids are clamped below {@code maxPositions} (only samples that already stopped can reach it);
     * {@code prefixAttention}: image + prompt bidirectional (see the class comment), else causal throughout.
     */
    DecodingState(int prefix, int[][] prompts, int capacity, int maxPositions, boolean prefixAttention) {
        this.prefix = prefix;
        this.prefixAttention = prefixAttention;
        this.maxPositions = maxPositions;
        int longest = 0;
        for (int[] p : prompts) longest = Math.max(longest, p.length);
        this.promptLength = longest;
        this.pad = new int[prompts.length];
        this.text = new long[prompts.length][Math.max(capacity, longest)];
        for (int b = 0; b < prompts.length; b++) {
            pad[b] = longest - prompts[b].length;
            for (int t = 0; t < pad[b]; t++) text[b][t] = WordVocabulary.PAD_ID;
            for (int t = 0; t < prompts[b].length; t++) text[b][pad[b] + t] = prompts[b][t];
        }
        this.textLength = longest;
    }

    int batch() { return pad.length; }

    int prefix() { return prefix; }

    /** Positions filled so far (prefix + text). */
    int length() { return prefix + textLength; }

    /** First position after the prompts. */
    int promptEnd() { return prefix + promptLength; }

    void append(long[] next) {
        for (int b = 0; b < pad.length; b++) text[b][textLength] = next[b];
        textLength++;
    }

    private boolean valid(int b, int k) {
        return k < prefix || k - prefix >= pad[b];
    }

    /** Text ids of window [from, to) as int64 [B, to - max(from, P)]. */
    NDArray textIds(NDManager m, int from, int to) {
        int start = Math.max(from, prefix);
        int n = to - start;
        long[] ids = new long[pad.length * n];
        for (int b = 0; b < pad.length; b++)
            for (int k = start; k < to; k++) ids[b * n + k - start] = text[b][k - prefix];
        return m.create(ids, new Shape(pad.length, n));
    }

    /**
     * Position ids and causal (prefix-LM: bidirectional among image + prompt) + padding mask for queries
     * [from, to) over keys [0, to).
     */
    SequenceWindow window(NDManager m, int from, int to) {
        int n = to - from;
        long[] positions = new long[pad.length * n];
        float[] mask = new float[pad.length * n * to];
        for (int b = 0; b < pad.length; b++)
            for (int q = from; q < to; q++) {
                positions[b * n + q - from] = q < prefix ? q : valid(b, q) ? Math.min(q - pad[b], maxPositions - 1) : 0;
                int row = (b * n + q - from) * to;
                // A valid prompt or image query sees every key before promptEnd(); pads see only the image and themselves.
                int seen = prefixAttention && q < promptEnd() && valid(b, q) ? promptEnd() - 1 : q;
                for (int k = 0; k < to; k++)
                    if (k > seen || (!valid(b, k) && k != q)) mask[row + k] = SequenceWindow.MASKED;
            }
        return new SequenceWindow(m.create(positions, new Shape(pad.length, n)), m.create(mask, new Shape(pad.length, 1, n, to)));
    }

    /** 1 where steering touches position k of window [from, to), else 0: [B, to - from, 1]. */
    NDArray steeringMask(NDManager m, TokenRange range, int from, int to) {
        int n = to - from;
        float[] mask = new float[pad.length * n];
        for (int b = 0; b < pad.length; b++)
            for (int k = from; k < to; k++) {
                boolean touched = valid(b, k) && switch (range) {
                    case ALL -> true;
                    case GENERATED_ONLY -> k >= promptEnd();
                    case FROM_LAST_PROMPT -> k >= promptEnd() - 1;
                };
                mask[b * n + k - from] = touched ? 1f : 0f;
            }
        return m.create(mask, new Shape(pad.length, n, 1));
    }
}
