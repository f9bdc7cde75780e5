/**
 * Training runs of the testbed VLM: {@link io.shiftwatch.testbed.training.BaseTraining} ({@code train-base})
 * and {@link io.shiftwatch.testbed.training.Finetuning} ({@code finetune}), their configuration keys
 * ({@link io.shiftwatch.testbed.training.TrainingKeys}, {@link io.shiftwatch.testbed.training.FinetuneKeys}),
 * held-out quality ({@link io.shiftwatch.testbed.training.EvalReport}, {@link io.shiftwatch.testbed.training.CaptionScoring},
 * per question type with every generation: {@link io.shiftwatch.testbed.training.EvalDetails}),
 * the measured planted change ({@link io.shiftwatch.testbed.training.PlantedEffect},
 * {@link io.shiftwatch.testbed.training.RunReport} = ground-truth.json) and the CheckpointEvents a run
 * publishes ({@link io.shiftwatch.testbed.training.CheckpointEvents}).
 */
package io.shiftwatch.testbed.training;
