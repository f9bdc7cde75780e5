package io.shiftwatch.testbed.scenario;

/** The kind of change a scenario plants (PAPER.md findings), or NONE for the base and control runs. */
public enum ChangeKind { VANISH, SPECIALISE, BIAS, ANSWER_SHIFT, NONE }
