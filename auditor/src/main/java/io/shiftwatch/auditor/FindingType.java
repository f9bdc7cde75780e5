package io.shiftwatch.auditor;

/** The kinds of {@link Finding}, one per rule; part of every alert's identity. */
public enum FindingType {
    VANISHING, SPECIALISING, BIAS_ABSORBING, EMERGING, TREND_FALL, TREND_JUMP
}
