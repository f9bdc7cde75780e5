package io.shiftwatch.analyzer.steering;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded split of probes into a search half (where concept pairs and alpha are chosen) and a held-out
 * half (where the chosen vector is measured), so reported effects are not fitted to their own probes.
 * Each probe goes to a side by a coin drawn from {@code seed} and its position: same probes and seed,
 * same split.
 */
public record ProbeSplit(List<Probe> search, List<Probe> heldOut) {
    public ProbeSplit {
        search = List.copyOf(search);
        heldOut = List.copyOf(heldOut);
    }

    public static ProbeSplit halves(List<Probe> probes, long seed) {
        var rng = new SplittableRandom(seed);
        List<Probe> a = new ArrayList<>(), b = new ArrayList<>();
        for (Probe p : probes) (rng.nextBoolean() ? a : b).add(p);
        return new ProbeSplit(a, b);
    }
}
