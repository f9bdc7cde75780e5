package io.shiftwatch.models.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Keys and values of every decoder block for the positions processed so far, [B, heads, S, headSize]
 * per block, owned by one generation's manager. Each extension replaces (and frees) the previous arrays.
 */
final class KvCache {
    private final NDManager owner;
    private final NDArray[] keys;
    private final NDArray[] values;

    KvCache(NDManager owner, int numLayers) {
        this.owner = owner;
        this.keys = new NDArray[numLayers];
        this.values = new NDArray[numLayers];
    }

    /** Appends the window's keys/values of block {@code layer} (0-based) and returns the full {keys, values}. */
    NDArray[] extend(int layer, NDArray k, NDArray v) {
        keys[layer] = append(keys[layer], k);
        values[layer] = append(values[layer], v);
        return new NDArray[] {keys[layer], values[layer]};
    }

    private NDArray append(NDArray cached, NDArray fresh) {
        if (cached == null) {
            NDArray copy = fresh.duplicate();
            copy.attach(owner);
            return copy;
        }
        NDArray joined = cached.concat(fresh, 2);
        joined.attach(owner);
        cached.close();
        return joined;
    }
}
