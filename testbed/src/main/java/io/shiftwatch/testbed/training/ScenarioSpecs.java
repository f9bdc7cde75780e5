package io.shiftwatch.testbed.training;

import io.shiftwatch.testbed.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scenario specs as typed on the command line: dashes or underscores ({@code place-focus}), default parameters when
 * only the name is given ({@code vanish} = vanish:circle, {@code bias} = bias:doctor:woman:0.95, {@code answer-shift}
 * = answer_shift:is_there_shape:yes:no), and the same parameters as options instead of a colon list
 * ({@code --scenario vanish --concept square}, {@code --scenario bias --profession chef --gender man [--rate 0.9]},
 * {@code --scenario answer-shift [--question-type how_many] --from 2 --to 3}). Pure.
 */
public final class ScenarioSpecs {
    /** The parameter options of each scenario, in spec order, with their defaults. */
    private static final Map<String, List<Parameter>> PARAMETERS = Map.of(
            "vanish", List.of(new Parameter("concept", "circle")),
            "bias", List.of(new Parameter("profession", "doctor"), new Parameter("gender", "woman"), new Parameter("rate", "0.95")),
            "answer_shift", List.of(new Parameter("question-type", "is_there_shape"), new Parameter("from", "yes"),
                    new Parameter("to", "no")));

    private record Parameter(String option, String defaultValue) {
    }

    private ScenarioSpecs() {
    }

    public static Scenario parse(String spec) {
        return parse(spec, Map.of());
    }

    /**
     * The scenario of {@code spec} with parameter {@code options} (option name without dashes → value). A spec that
     * already carries parameters takes no options; an option the scenario does not have is an error naming the ones it has.
     */
    public static Scenario parse(String spec, Map<String, String> options) {
        String s = spec.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        String name = s.contains(":") ? s.substring(0, s.indexOf(':')) : s;
        List<Parameter> parameters = PARAMETERS.getOrDefault(name, List.of());
        Map<String, String> given = new LinkedHashMap<>(options);
        if (!given.isEmpty() && s.contains(":"))
            throw new IllegalArgumentException("scenario '" + spec + "' already has its parameters; drop " + dashed(given.keySet())
                    + " or give the bare name --scenario " + name.replace('_', '-'));
        List<String> known = parameters.stream().map(Parameter::option).toList();
        for (String option : given.keySet())
            if (!known.contains(option))
                throw new IllegalArgumentException("scenario " + name.replace('_', '-') + " has no option --" + option
                        + (known.isEmpty() ? " (it takes no parameters)" : "; its options: " + dashed(known)));
        if (s.contains(":") || parameters.isEmpty()) return Scenario.parse(s);
        List<String> values = new ArrayList<>();
        values.add(name);
        for (Parameter p : parameters) values.add(given.getOrDefault(p.option(), p.defaultValue()).trim().toLowerCase(Locale.ROOT));
        return Scenario.parse(String.join(":", values));
    }

    private static String dashed(Iterable<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) out.add("--" + n);
        return String.join(", ", out);
    }
}
