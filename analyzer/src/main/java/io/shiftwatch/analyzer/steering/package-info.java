/**
 * Steering (PAPER.md §6): vectors added to the residual stream at inference that move a model's
 * answers without training. {@link io.shiftwatch.analyzer.steering.CoarseSteering} computes
 * {@code mean(target) - mean(source)} (two probe subsets, or a reference model against the steered one);
 * {@link io.shiftwatch.analyzer.steering.FineSearch} ranks concept pairs {@code u_j - u_i} of a dictionary,
 * gated to concept i; {@link io.shiftwatch.analyzer.steering.SteeringEvaluation} measures a vector on a
 * probe set (per answer-type accuracy, removed/added answers, repetition) and
 * {@link io.shiftwatch.analyzer.steering.AlphaSweep} picks alpha from a measured curve.
 * {@link io.shiftwatch.analyzer.steering.SteeringStore} and {@link io.shiftwatch.analyzer.steering.SteeringFiles}
 * keep vectors with provenance (PostgreSQL table {@code steering_vectors}, or a JSON file offline).
 * {@link io.shiftwatch.analyzer.steering.SteerRemediate} ({@code steer remediate}) turns every open
 * BIAS_ABSORBING finding of a run (read with SQL, as the auditor stored it) into a measured debiasing
 * vector ({@link io.shiftwatch.analyzer.steering.Remedy}, {@link io.shiftwatch.analyzer.steering.RemedyEffect})
 * stored for the run, which the audit report lists under "Remediation".
 * Models are seen only through {@link io.shiftwatch.models.ModelAdapter}.
 */
package io.shiftwatch.analyzer.steering;
