package io.shiftwatch.auditor;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What one rule concluded about one concept of one target token at one layer at checkpoint
 * {@code step}, with the evidence a person needs to check it. {@link #concept()} is the base
 * dictionary index, or for {@link Emerging} the checkpoint dictionary index of the new concept.
 * In JSON the variant is named by the {@code "type"} property (the {@link FindingType} name).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Vanishing.class, name = "VANISHING"),
        @JsonSubTypes.Type(value = Specialising.class, name = "SPECIALISING"),
        @JsonSubTypes.Type(value = BiasAbsorbing.class, name = "BIAS_ABSORBING"),
        @JsonSubTypes.Type(value = Emerging.class, name = "EMERGING"),
        @JsonSubTypes.Type(value = TrendFall.class, name = "TREND_FALL"),
        @JsonSubTypes.Type(value = TrendJump.class, name = "TREND_JUMP")})
public sealed interface Finding permits Vanishing, Specialising, BiasAbsorbing, Emerging, TrendFall, TrendJump {
    long step();

    String target();

    int layer();

    Severity severity();

    /** The concept the finding is about (base index; new-concept index for {@link Emerging}). */
    default int concept() {
        return switch (this) {
            case Vanishing v -> v.baseConcept();
            case Specialising s -> s.baseConcept();
            case BiasAbsorbing b -> b.baseConcept();
            case Emerging e -> e.newConcept();
            case TrendFall f -> f.baseConcept();
            case TrendJump j -> j.baseConcept();
        };
    }

    default FindingType type() {
        return switch (this) {
            case Vanishing v -> FindingType.VANISHING;
            case Specialising s -> FindingType.SPECIALISING;
            case BiasAbsorbing b -> FindingType.BIAS_ABSORBING;
            case Emerging e -> FindingType.EMERGING;
            case TrendFall f -> FindingType.TREND_FALL;
            case TrendJump j -> FindingType.TREND_JUMP;
        };
    }
}
