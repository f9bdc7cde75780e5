/**
 * The Shiftwatch testbed: a procedural world with known planted changes. Entry points:
 * {@link io.shiftwatch.testbed.TestbedCli} (subcommands probe, render; train-base / finetune are added
 * as entries of its subcommand table) and {@link io.shiftwatch.testbed.DriftProbes} (the default drift
 * probe set). The world lives in {@code world} (SceneSampler, SceneRenderer, Captions, Questions,
 * WorldLexicon), the scenarios in {@code scenario} (Scenario, GroundTruth, TrainingExamples).
 */
package io.shiftwatch.testbed;
