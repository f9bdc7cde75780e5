package io.shiftwatch.testbed.training;

import io.shiftwatch.testbed.scenario.Scenario;
import java.util.Locale;

/**
 * Scenario specs as typed on the command line: dashes or underscores ({@code place-focus}), and
 * default parameters when only the name is given ({@code vanish} = vanish:circle, {@code bias} =
 * bias:doctor:woman:0.95, {@code answer-shift} = answer_shift:is_there_shape:yes:no). Pure.
 */
public final class ScenarioSpecs {
    private ScenarioSpecs() {
    }

    public static Scenario parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return Scenario.parse(switch (s) {
            case "vanish" -> "vanish:circle";
            case "bias" -> "bias:doctor:woman:0.95";
            case "answer_shift" -> "answer_shift:is_there_shape:yes:no";
            default -> s;
        });
    }
}
