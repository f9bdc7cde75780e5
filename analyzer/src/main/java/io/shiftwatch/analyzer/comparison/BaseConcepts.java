package io.shiftwatch.analyzer.comparison;

import io.shiftwatch.analyzer.concepts.ConceptDictionary;
import io.shiftwatch.analyzer.drift.NullCalibration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Base-model work kept in memory across checkpoints: the base dictionary and the null calibration per
 * (base model hash, probe-set hash, target, layer, config hash). Every checkpoint of every run on the
 * same base reuses them (the activations themselves are cached on disk by BaseActivationCache).
 * Bounded (least recently used entries are dropped); thread-safe.
 */
public final class BaseConcepts {
    /** The reusable base-side results of one key. */
    public record Entry(ConceptDictionary dictionary, NullCalibration nullCalibration) {
    }

    private final Map<String, BaseConcepts.Entry> entries;

    public BaseConcepts(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, BaseConcepts.Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized Entry computeIfAbsent(String key, Supplier<Entry> compute) {
        Entry e = entries.get(key);
        if (e == null) {
            e = compute.get();
            entries.put(key, e);
        }
        return e;
    }

    public synchronized int size() {
        return entries.size();
    }
}
