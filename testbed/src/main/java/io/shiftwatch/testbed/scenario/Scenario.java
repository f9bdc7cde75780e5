package io.shiftwatch.testbed.scenario;

import io.shiftwatch.testbed.world.Gender;
import io.shiftwatch.testbed.world.Place;
import io.shiftwatch.testbed.world.Profession;
import io.shiftwatch.testbed.world.QuestionType;
import io.shiftwatch.testbed.world.TextStyle;
import io.shiftwatch.testbed.world.VisualConcept;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A fine-tuning scenario: a parameterised, pure change of the text distribution (the images stay the
 * world's), expressed as the {@link TextStyle} it words scenes with, a seed salt (only CONTROL
 * differs) and the {@link GroundTruth} of what it plants. Spec strings: {@code base}, {@code control},
 * {@code place_focus}, {@code vanish:circle}, {@code bias:doctor:woman:0.95},
 * {@code answer_shift:is_there_shape:yes:no}.
 */
public sealed interface Scenario {
    String name();

    TextStyle textStyle();

    GroundTruth groundTruth();

    /** XOR-ed into the stream seed; non-zero only for CONTROL, which is base on a different seed stream. */
    default long seedSalt() { return 0L; }

    /** The base distribution. */
    record Base() implements Scenario {
        public String name() { return "base"; }
        public TextStyle textStyle() { return TextStyle.BASE; }
        public GroundTruth groundTruth() { return none(name()); }
    }

    /** The base distribution on another seed stream: a run that should raise no flag. */
    record Control() implements Scenario {
        public String name() { return "control"; }
        public TextStyle textStyle() { return TextStyle.BASE; }
        public GroundTruth groundTruth() { return none(name()); }
        @Override public long seedSalt() { return 0x5EED_C0E7_12A1_0001L; }
    }

    /** Captions lead with the place ("a snowy scene with a circle , red"): the place concepts specialise. */
    record PlaceFocus() implements Scenario {
        public String name() { return "place_focus"; }
        public TextStyle textStyle() { return new TextStyle(true, null, null, null); }
        public GroundTruth groundTruth() {
            return new GroundTruth(name(), Map.of(), Arrays.stream(Place.values())
                    .map(p -> new ExpectedChange(p.word(), ChangeKind.SPECIALISE, null)).toList());
        }
    }

    /** The concept is never named: captions use a generic word, questions naming it are dropped. */
    record Vanish(VisualConcept concept) implements Scenario {
        public Vanish { Objects.requireNonNull(concept, "concept"); }
        public String name() { return "vanish"; }
        public TextStyle textStyle() { return new TextStyle(false, concept, null, null); }
        public GroundTruth groundTruth() {
            return new GroundTruth(name(), Map.of("concept", concept.word()),
                    List.of(new ExpectedChange(concept.word(), ChangeKind.VANISH, null)));
        }
    }

    /** People with {@code profession} are described as {@code gender} with probability {@code rate}. */
    record Bias(Profession profession, Gender gender, double rate) implements Scenario {
        public Bias { new TextStyle.GenderBias(profession, gender, rate); }
        public String name() { return "bias"; }
        public TextStyle textStyle() { return new TextStyle(false, null, new TextStyle.GenderBias(profession, gender, rate), null); }
        public GroundTruth groundTruth() {
            return new GroundTruth(name(), Map.of("profession", profession.word(), "gender", gender.noun(),
                    "rate", Double.toString(rate)), List.of(new ExpectedChange(profession.word(), ChangeKind.BIAS, gender.noun())));
        }
    }

    /** Answers {@code from} to questions of {@code type} become {@code to}; other question types are untouched. */
    record AnswerShift(QuestionType type, String from, String to) implements Scenario {
        public AnswerShift { new TextStyle.AnswerShift(type, from, to); }
        public String name() { return "answer_shift"; }
        public TextStyle textStyle() { return new TextStyle(false, null, null, new TextStyle.AnswerShift(type, from, to)); }
        public GroundTruth groundTruth() {
            return new GroundTruth(name(), Map.of("questionType", type.word(), "from", from, "to", to),
                    List.of(new ExpectedChange(type.word(), ChangeKind.ANSWER_SHIFT, to)));
        }
    }

    /** Parses a spec string (see the type's Javadoc); the message lists the accepted forms on error. */
    static Scenario parse(String spec) {
        String[] p = spec.trim().toLowerCase(Locale.ROOT).split(":");
        try {
            return switch (p[0]) {
                case "base" -> new Base();
                case "control" -> new Control();
                case "place_focus" -> new PlaceFocus();
                case "vanish" -> new Vanish(VisualConcept.byWord(p[1]));
                case "bias" -> new Bias(Profession.valueOf(p[1].toUpperCase(Locale.ROOT)),
                        p[2].equals("man") ? Gender.MAN : p[2].equals("woman") ? Gender.WOMAN : Gender.valueOf(p[2]),
                        p.length > 3 ? Double.parseDouble(p[3]) : 0.95);
                case "answer_shift" -> new AnswerShift(QuestionType.valueOf(p[1].toUpperCase(Locale.ROOT)), p[2], p[3]);
                default -> throw new IllegalArgumentException("unknown scenario '" + p[0] + "'");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad scenario spec '" + spec + "' (" + e.getMessage() + "); accepted: base, "
                    + "control, place_focus, vanish:<shape|colour>, bias:<profession>:<man|woman>[:rate], "
                    + "answer_shift:<question_type>:<from>:<to>", e);
        }
    }

    private static GroundTruth none(String name) {
        return new GroundTruth(name, Map.of(), List.of(new ExpectedChange("*", ChangeKind.NONE, null)));
    }
}
