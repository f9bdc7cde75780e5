package io.shiftwatch.analyzer.steering;

import io.shiftwatch.ingest.ConfigKey;
import io.shiftwatch.ingest.ConfigSchema;
import io.shiftwatch.ingest.ConfigType;

import java.nio.file.Path;
import java.util.List;

/** Keys of {@code steer table ...} (besides the shared run keys of {@link SteerKeys}). */
final class TableKeys {
    static final ConfigKey<List<String>> GOALS = ConfigKey.of("goals", ConfigType.STRING_LIST,
            "goals as answerType:source:target, comma-separated (vqa default yes/no:yes:no,number:1:2,colour:red:blue)");
    static final ConfigKey<Path> DOC = ConfigKey.of("doc", ConfigType.PATH,
            "markdown file whose <!-- steering-table:NAME --> section is replaced with the table (e.g. docs/steering.md)");
    static final ConfigKey<String> PROFESSION = ConfigKey.of("profession", ConfigType.STRING, "debias: the biased profession")
            .withDefault("doctor");
    static final ConfigKey<String> BIASED = ConfigKey.of("biased", ConfigType.STRING, "debias: the gender word the bias run over-uses")
            .withDefault("woman");
    static final ConfigKey<String> OTHER = ConfigKey.of("other", ConfigType.STRING, "debias: the other gender word").withDefault("man");

    static final ConfigSchema VQA = SteerKeys.RUN.plus(SteerKeys.LAYER, SteerKeys.RANGE, SteerKeys.ALPHAS, SteerKeys.TOLERANCE, GOALS, DOC,
            SteerKeys.K, SteerKeys.CANDIDATES);
    static final ConfigSchema DEBIAS = SteerKeys.RUN.plus(SteerKeys.REFERENCE, SteerKeys.LAYER, SteerKeys.RANGE, SteerKeys.ALPHAS,
            DOC, PROFESSION, BIASED, OTHER, SteerKeys.K, SteerKeys.CANDIDATES, SteerKeys.RUN_ID);

    private TableKeys() {
    }

    /** "yes/no:yes:no" → goal. */
    static SteeringGoal goal(String spec) {
        String[] p = spec.split(":");
        if (p.length != 3) throw new IllegalArgumentException("goal '" + spec + "' must be answerType:source:target, e.g. yes/no:yes:no");
        return new SteeringGoal(p[0], java.util.Map.of(), p[1], p[2]);
    }
}
