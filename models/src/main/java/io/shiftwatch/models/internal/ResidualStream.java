package io.shiftwatch.models.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs the decoder over one window of embedded positions and exposes the residual stream between
 * blocks (ModelAdapter numbering: 0 = embeddings, l = after block l, L+1 = final-norm output).
 * Steering is added AFTER a block, so it feeds both the next block's norm and the residual path
 * (a constant added before a LayerNorm would vanish). Captured states are taken after steering.
 */
final class ResidualStream {
    private ResidualStream() {
    }

    /** Which layers to keep, and the kept states [B, window, D] by layer. */
    record Capture(Set<Integer> layers, Map<Integer, NDArray> states) {
        static Capture none() {
            return new Capture(Set.of(), new HashMap<>());
        }

        static Capture of(Set<Integer> layers) {
            return new Capture(Set.copyOf(layers), new HashMap<>());
        }

        private NDArray keep(int layer, NDArray x) {
            if (layers.contains(layer)) states.put(layer, x);
            return x;
        }
    }

    /**
     * Embedded window {@code x} [B, n, D] → final-norm output [B, n, D]. {@code mask} is the additive
     * attention mask; {@code cache} (nullable) holds earlier positions; {@code steering} (nullable) the
     * intervention for this window.
     */
    static NDArray run(TestbedVlm model, ParameterStore ps, NDArray x, NDArray mask, KvCache cache,
                       SteeringArrays.Pass steering, Capture capture, boolean training) {
        x = capture.keep(0, steer(0, x, steering));
        int numLayers = model.config().numLayers();
        for (int l = 1; l <= numLayers; l++)
            x = capture.keep(l, steer(l, model.block(l, ps, x, mask, cache, training), steering));
        return capture.keep(numLayers + 1, model.finalNorm(ps, x, training));
    }

    private static NDArray steer(int layer, NDArray x, SteeringArrays.Pass steering) {
        return steering != null && steering.layer() == layer ? steering.apply(x) : x;
    }
}
