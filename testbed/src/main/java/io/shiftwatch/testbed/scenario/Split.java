package io.shiftwatch.testbed.scenario;

/** Training or held-out examples; the two never share a scene seed (see {@link TrainingExamples#sceneSeed}). */
public enum Split { TRAIN, HELD_OUT }
