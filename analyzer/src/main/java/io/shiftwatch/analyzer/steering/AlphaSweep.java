package io.shiftwatch.analyzer.steering;

import io.shiftwatch.analyzer.extraction.ExtractionProgress;
import io.shiftwatch.models.ModelAdapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Automatic alpha (PAPER.md §6: large alpha degrades outputs): evaluates a vector at every alpha of
 * {@code alphas} and picks the one with the largest effect whose other answer types' accuracy moved by
 * at most {@code tolerancePoints} (ties go to the smaller alpha). The whole curve is kept, so the choice
 * is shown, not guessed.
 *
 * @param alphas          ascending, at least one, finite
 * @param tolerancePoints allowed |accuracy change| of the other answer types, in points (default 2)
 */
public record AlphaSweep(List<Double> alphas, double tolerancePoints) {
    public static final double DEFAULT_TOLERANCE_POINTS = 2.0;
    public static final List<Double> DEFAULT_ALPHAS = List.of(0.25, 0.5, 1.0, 2.0, 4.0, 8.0);

    public AlphaSweep {
        alphas = List.copyOf(alphas);
        if (alphas.isEmpty()) throw new IllegalArgumentException("an alpha sweep needs at least one alpha");
        for (int i = 0; i < alphas.size(); i++) {
            if (!Double.isFinite(alphas.get(i))) throw new IllegalArgumentException("alpha " + alphas.get(i) + " is not finite");
            if (i > 0 && alphas.get(i) <= alphas.get(i - 1))
                throw new IllegalArgumentException("alphas must be strictly ascending, got " + alphas);
        }
        if (!(tolerancePoints >= 0)) throw new IllegalArgumentException("tolerance must be >= 0 points, got " + tolerancePoints);
    }

    /** The measured curve and the chosen point (empty when no alpha kept the other types within tolerance). */
    public record Curve(SteeringGoal goal, double tolerancePoints, List<SteeringEvaluation> points, Optional<SteeringEvaluation> chosen) {
        public Curve {
            points = List.copyOf(points);
        }
    }

    /** Runs the sweep; {@code before} are the unsteered outputs of {@code probes}. */
    public Curve run(ModelAdapter model, ProbeRunner runner, List<Probe> probes, List<SampleOutput> before,
                     SteeringVector vector, SteeringGoal goal, ExtractionProgress progress) {
        List<SteeringEvaluation> points = new ArrayList<>();
        for (int i = 0; i < alphas.size(); i++) {
            double a = alphas.get(i);
            var part = progress.within((double) i / alphas.size(), (double) (i + 1) / alphas.size());
            var after = runner.run(model, probes, Optional.empty(), Optional.of(vector.steering(a)),
                    "steering sweep alpha " + a, part);
            points.add(SteeringEvaluation.of(goal, a, before, after));
        }
        return new Curve(goal, tolerancePoints, points, choose(points, goal, tolerancePoints));
    }

    /** The largest effect within tolerance (smaller alpha on ties); empty when none qualifies or none has an effect. */
    public static Optional<SteeringEvaluation> choose(List<SteeringEvaluation> points, SteeringGoal goal, double tolerancePoints) {
        SteeringEvaluation best = null;
        for (SteeringEvaluation p : points) {
            if (p.otherTypesMaxChangePoints(goal.answerType()) > tolerancePoints) continue;
            if (p.effect() <= 0) continue;
            if (best == null || p.effect() > best.effect()) best = p;
        }
        return Optional.ofNullable(best);
    }
}
