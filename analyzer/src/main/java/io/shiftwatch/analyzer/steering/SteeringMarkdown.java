package io.shiftwatch.analyzer.steering;

import java.util.List;
import java.util.Locale;

/** Markdown tables of steering evaluations (what {@code steer evaluate} prints and docs/steering.md holds). Pure. */
public final class SteeringMarkdown {
    private SteeringMarkdown() {
    }

    /** The alpha curve: one row per alpha with per-type accuracy, counts, effect, collateral and repetition. */
    public static String curve(AlphaSweep.Curve curve) {
        List<String> types = curve.points().getFirst().types();
        StringBuilder out = new StringBuilder("| alpha | " + String.join(" | ", types.stream().map(t -> t + " acc").toList())
                + " | removed | added | moved / affected | collateral | repetition |\n");
        out.append("|---".repeat(types.size() + 6)).append("|\n");
        out.append(row("none", curve.points().getFirst(), types, true));
        for (SteeringEvaluation p : curve.points()) {
            boolean chosen = curve.chosen().isPresent() && curve.chosen().get() == p;
            out.append(row(fmt(p.alpha()) + (chosen ? " (chosen)" : ""), p, types, false));
        }
        out.append(curve.chosen().map(c -> "\nChosen alpha " + fmt(c.alpha()) + ": the largest effect with the other answer types within "
                + fmt(curve.tolerancePoints()) + " points.\n").orElse("\nNo alpha moved the goal while keeping the other answer types within "
                + fmt(curve.tolerancePoints()) + " points.\n"));
        return out.toString();
    }

    /** One table row; {@code before} prints the unsteered accuracy and zero changes. */
    public static String row(String label, SteeringEvaluation e, List<String> types, boolean before) {
        StringBuilder out = new StringBuilder("| " + label + " | ");
        for (String t : types) {
            var a = e.accuracy().get(t);
            out.append(a == null ? "-" : pct(before ? a.before() : a.after())).append(" | ");
        }
        if (before) return out + "0 | 0 | 0 / " + e.affected() + " | 0 / " + e.outOfScope() + " | " + pct(e.repetitionBefore()) + " |\n";
        return out + "-" + e.removed() + " | +" + e.added() + " | " + e.moved() + " / " + e.affected() + " | " + e.collateral()
                + " / " + e.outOfScope() + " | " + pct(e.repetitionAfter()) + " |\n";
    }

    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f", 100 * fraction);
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.3g", d);
    }
}
