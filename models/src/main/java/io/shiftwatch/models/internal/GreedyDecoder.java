package io.shiftwatch.models.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.shiftwatch.models.Generation;
import io.shiftwatch.models.ProbeSample;
import io.shiftwatch.models.PromptAttention;
import io.shiftwatch.models.Steering;
import io.shiftwatch.models.WordVocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Greedy generation over a left-padded batch. With the KV cache, the prompt is run once and each new
 * token attends over cached keys/values; without it every step recomputes the whole prefix (kept for
 * the equivalence test and to measure what the cache saves). Steering applies in every window to the
 * positions its range selects. All per-step arrays live in a step manager closed after the step.
 */
final class GreedyDecoder {
    private final TestbedVlm model;
    private final ParameterStore ps;
    private final NDManager manager;
    private final WordVocabulary vocabulary;
    private final boolean useKvCache;

    GreedyDecoder(TestbedVlm model, ParameterStore ps, NDManager manager, WordVocabulary vocabulary, boolean useKvCache) {
        this.model = model;
        this.ps = ps;
        this.manager = manager;
        this.vocabulary = vocabulary;
        this.useKvCache = useKvCache;
    }

    /** States by RESOLVED layer index (0..L+1), [n][D] per sample; logits [n][V]; n = sequence length incl. prefix. */
    record Trace(Map<Integer, float[][]> states, float[][] logits) {
    }

    /**
     * Generates for one batch. {@code layers} are resolved layer indices (0..L+1); the result's
     * predicting states are keyed by those indices. Each sample stops at {@code <eos>}, after
     * {@code maxNewTokens}, or when its own text reaches the model's position table (independent of the
     * other samples in the batch).
     */
    List<Generation> generate(List<ProbeSample> samples, int maxNewTokens, Set<Integer> layers, Optional<Steering> steering) {
        int[][] prompts = samples.stream().map(s -> vocabulary.sequence(s.prompt(), null)).toArray(int[][]::new);
        List<Transcript> transcripts = new ArrayList<>();
        for (int b = 0; b < samples.size(); b++)
            transcripts.add(new Transcript(samples.get(b).id(), layers, limit(samples.get(b), prompts[b].length, maxNewTokens)));
        maxNewTokens = transcripts.stream().mapToInt(tr -> tr.limit).max().orElse(0);
        try (NDManager generation = manager.newSubManager()) {
            var state = new DecodingState(model.config().prefixTokens(), prompts, longest(prompts) + maxNewTokens,
                    model.config().maxPositions(), model.config().promptAttention() == PromptAttention.PREFIX);
            float[] patches = ImagePatches.flatten(samples.stream().map(ProbeSample::rgb).toList(), model.config());
            KvCache cache = useKvCache ? new KvCache(generation, model.config().numLayers()) : null;
            SteeringArrays steer = steering.map(s -> SteeringArrays.of(generation, s)).orElse(null);
            int from = 0;
            for (int t = 0; t < maxNewTokens && transcripts.stream().anyMatch(tr -> !tr.done); t++) {
                int to = state.length();
                long[] next = step(generation, state, patches, cache, steer, layers, from, to, transcripts);
                state.append(next);
                from = useKvCache ? to : 0;
            }
        }
        return transcripts.stream().map(tr -> tr.toGeneration(vocabulary)).toList();
    }

    private long[] step(NDManager generation, DecodingState state, float[] patches, KvCache cache, SteeringArrays steer,
                        Set<Integer> layers, int from, int to, List<Transcript> transcripts) {
        try (NDManager step = generation.newSubManager()) {
            var capture = ResidualStream.Capture.of(layers);
            NDArray normed = forwardWindow(step, state, patches, cache, steer, capture, from, to);
            long[] next = model.logits(ps, normed.get(":, -1:, :"), false).argMax(2).toLongArray();
            Map<Integer, float[]> lastStates = new HashMap<>();
            for (int layer : layers) lastStates.put(layer, capture.states().get(layer).get(":, -1, :").toFloatArray());
            int d = model.config().hiddenSize();
            for (int b = 0; b < transcripts.size(); b++) {
                Map<Integer, float[]> rows = new HashMap<>();
                for (var e : lastStates.entrySet()) rows.put(e.getKey(), Arrays.copyOfRange(e.getValue(), b * d, (b + 1) * d));
                transcripts.get(b).accept((int) next[b], rows);
            }
            return next;
        }
    }

    /** Embeds window [from, to), runs the decoder and returns the final-norm output [B, to-from, D]. */
    private NDArray forwardWindow(NDManager step, DecodingState state, float[] patches, KvCache cache, SteeringArrays steer,
                                  ResidualStream.Capture capture, int from, int to) {
        SequenceWindow window = state.window(step, from, to);
        NDArray x = model.embedTokens(ps, state.textIds(step, from, to), false);
        if (from < state.prefix()) {
            var shape = new Shape(state.batch(), state.prefix(), model.config().patchDim());
            x = model.embedImage(ps, step.create(patches, shape), false).concat(x, 1);
        }
        x = x.add(model.embedPositions(ps, window.positions(), false));
        SteeringArrays.Pass pass = steer == null ? null
                : steer.pass(state.steeringMask(step, steer.range(), from, to));
        return ResidualStream.run(model, ps, x, window.mask(), cache, pass, capture, false);
    }

    /**
     * One full pass over {@code <image> <bos> prompt <sep> continuation} for a single sample (no cache),
     * returning every position's state at {@code layers} and its logits. Steering ranges treat the
     * continuation as generated tokens.
     */
    Trace trace(ProbeSample sample, int[] continuation, Set<Integer> layers, Optional<Steering> steering) {
        int[] prompt = vocabulary.sequence(sample.prompt(), null);
        if (prompt.length + continuation.length > model.config().maxTextTokens())
            throw new IllegalArgumentException("sample " + sample.id() + ": " + (prompt.length + continuation.length)
                    + " text tokens exceed the model's " + model.config().maxTextTokens() + " text positions");
        try (NDManager traceManager = manager.newSubManager()) {
            var state = new DecodingState(model.config().prefixTokens(), new int[][] {prompt}, prompt.length + continuation.length,
                    model.config().maxPositions(), model.config().promptAttention() == PromptAttention.PREFIX);
            for (int id : continuation) state.append(new long[] {id});
            float[] patches = ImagePatches.flatten(List.of(sample.rgb()), model.config());
            SteeringArrays steer = steering.map(s -> SteeringArrays.of(traceManager, s)).orElse(null);
            var capture = ResidualStream.Capture.of(layers);
            NDArray normed = forwardWindow(traceManager, state, patches, null, steer, capture, 0, state.length());
            Map<Integer, float[][]> states = new HashMap<>();
            for (int layer : layers) states.put(layer, rows(capture.states().get(layer).get(0)));
            return new Trace(states, rows(model.logits(ps, normed, false).get(0)));
        }
    }

    private static float[][] rows(NDArray matrix) {
        int n = (int) matrix.getShape().get(0);
        int width = (int) matrix.getShape().get(1);
        float[] flat = matrix.toFloatArray();
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) out[i] = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        return out;
    }

    private int limit(ProbeSample sample, int promptTokens, int maxNewTokens) {
        // The last generated token is never fed back, so it needs no position of its own.
        int room = model.config().maxTextTokens() - promptTokens + 1;
        if (room < 1)
            throw new IllegalArgumentException("sample " + sample.id() + ": prompt has " + promptTokens
                    + " tokens with <bos>/<sep>; the model has only " + model.config().maxTextTokens() + " text positions");
        return Math.min(maxNewTokens, room);
    }

    private static int longest(int[][] prompts) {
        return Arrays.stream(prompts).mapToInt(p -> p.length).max().orElse(0);
    }

    /** One sample's generated ids and, per layer, the states that predicted them; stops at {@code <eos>}. */
    private static final class Transcript {
        private final String sampleId;
        private final List<Integer> ids = new ArrayList<>();
        private final Map<Integer, List<float[]>> states = new HashMap<>();
        private final int limit;
        private boolean done;

        Transcript(String sampleId, Set<Integer> layers, int limit) {
            this.sampleId = sampleId;
            this.limit = limit;
            for (int layer : layers) states.put(layer, new ArrayList<>());
        }

        void accept(int id, Map<Integer, float[]> predictingStates) {
            if (done) return;
            if (id == WordVocabulary.EOS_ID) {
                done = true;
                return;
            }
            ids.add(id);
            predictingStates.forEach((layer, row) -> states.get(layer).add(row));
            done = ids.size() >= limit;
        }

        Generation toGeneration(WordVocabulary vocabulary) {
            int[] tokenIds = ids.stream().mapToInt(Integer::intValue).toArray();
            List<String> tokens = ids.stream().map(vocabulary::token).toList();
            Map<Integer, float[][]> byLayer = new HashMap<>();
            states.forEach((layer, rows) -> byLayer.put(layer, rows.toArray(float[][]::new)));
            return new Generation(sampleId, tokens, tokenIds, byLayer);
        }
    }
}
