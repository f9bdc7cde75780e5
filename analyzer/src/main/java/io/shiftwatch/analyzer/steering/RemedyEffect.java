package io.shiftwatch.analyzer.steering;

import java.util.List;
import java.util.function.Predicate;

/**
 * The measured effect of a remediation vector on one set of probes (pure). Each output is reduced to
 * its first word among {@code absorbed} and {@code counterpart} (or none). In scope: {@code biased} =
 * probes where the base said the counterpart and the checkpoint the absorbed word (the shift the finding
 * flagged), {@code restored} = those of them whose steered output says the counterpart again;
 * {@code agreed} = probes where base and checkpoint both said the absorbed word, {@code kept} = those
 * that still say it when steered (the vector must not blindly flip every output). Shares of the absorbed
 * word among in-scope outputs that say either word: base, checkpoint, steered. Out of scope:
 * {@code collateral} of {@code outOfScope} outputs changed by the steering.
 */
public record RemedyEffect(double alpha, int inScope, int biased, int restored, int agreed, int kept,
                           double shareBase, double shareCheckpoint, double shareSteered, int outOfScope, int collateral) {

    /**
     * Compares base, checkpoint and steered-checkpoint outputs of the same probes (same order).
     *
     * @throws IllegalArgumentException when the three lists are not the same probes in the same order
     */
    public static RemedyEffect of(double alpha, String absorbed, String counterpart, Predicate<Probe> scope,
                                  List<SampleOutput> base, List<SampleOutput> checkpoint, List<SampleOutput> steered) {
        if (base.size() != checkpoint.size() || base.size() != steered.size())
            throw new IllegalArgumentException("outputs differ in number: base " + base.size() + ", checkpoint "
                    + checkpoint.size() + ", steered " + steered.size());
        int in = 0, biased = 0, restored = 0, agreed = 0, kept = 0, out = 0, collateral = 0;
        int[] said = new int[3], absorbedSaid = new int[3];
        for (int i = 0; i < base.size(); i++) {
            SampleOutput b = base.get(i), c = checkpoint.get(i), s = steered.get(i);
            if (!b.probe().id().equals(c.probe().id()) || !b.probe().id().equals(s.probe().id()))
                throw new IllegalArgumentException("output " + i + " is not the same probe in all three lists");
            if (!scope.test(b.probe())) {
                out++;
                if (!c.tokens().equals(s.tokens())) collateral++;
                continue;
            }
            in++;
            String wb = word(b, absorbed, counterpart), wc = word(c, absorbed, counterpart), ws = word(s, absorbed, counterpart);
            count(said, absorbedSaid, 0, wb, absorbed);
            count(said, absorbedSaid, 1, wc, absorbed);
            count(said, absorbedSaid, 2, ws, absorbed);
            if (counterpart.equals(wb) && absorbed.equals(wc)) {
                biased++;
                if (counterpart.equals(ws)) restored++;
            } else if (absorbed.equals(wb) && absorbed.equals(wc)) {
                agreed++;
                if (absorbed.equals(ws)) kept++;
            }
        }
        return new RemedyEffect(alpha, in, biased, restored, agreed, kept, share(absorbedSaid[0], said[0]),
                share(absorbedSaid[1], said[1]), share(absorbedSaid[2], said[2]), out, collateral);
    }

    /** Share of biased probes restored (0 when none was biased). */
    public double restoredRate() {
        return biased == 0 ? 0 : (double) restored / biased;
    }

    /** Share of agreeing probes that kept the absorbed word (1 when none agreed). */
    public double keptRate() {
        return agreed == 0 ? 1 : (double) kept / agreed;
    }

    /** Share of out-of-scope outputs changed (0 when there are none). */
    public double collateralRate() {
        return outOfScope == 0 ? 0 : (double) collateral / outOfScope;
    }

    /** What the alpha search maximises: restored rate − agreeing outputs flipped − collateral rate. */
    public double score() {
        return restoredRate() - (1 - keptRate()) - collateralRate();
    }

    private static String word(SampleOutput o, String a, String b) {
        int at = o.firstOf(java.util.Set.of(a, b));
        return at < 0 ? null : o.tokens().get(at);
    }

    private static void count(int[] said, int[] absorbedSaid, int which, String word, String absorbed) {
        if (word == null) return;
        said[which]++;
        if (word.equals(absorbed)) absorbedSaid[which]++;
    }

    private static double share(int k, int n) {
        return n == 0 ? Double.NaN : (double) k / n;
    }
}
