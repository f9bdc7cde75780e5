/**
 * Fine-tuning scenarios as pure changes of the text distribution:
 * {@link io.shiftwatch.testbed.scenario.Scenario} (BASE, CONTROL, PLACE_FOCUS, VANISH, BIAS,
 * ANSWER_SHIFT) with its {@link io.shiftwatch.testbed.scenario.GroundTruth}, and
 * {@link io.shiftwatch.testbed.scenario.TrainingExamples}, the deterministic example stream with a
 * held-out split.
 */
package io.shiftwatch.testbed.scenario;
