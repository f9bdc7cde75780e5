package io.shiftwatch.analyzer.steering;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A finding of a run that a steering vector may remedy, as the auditor stored it (findings table) with
 * the run's base model and the finding's checkpoint (the last step it was seen at).
 *
 * @param findingId  the finding's id (64 hex)
 * @param type       BIAS_ABSORBING (VANISHING findings are listed but not remedied yet)
 * @param target     the analysed target word whose concept shifted (e.g. doctor)
 * @param layer      the analysis layer of the finding (not the steering layer)
 * @param concept    the base concept index
 * @param words      the absorbed words from the evidence ({@code hits[].word}), in rank order
 * @param base       the run's base model folder
 * @param checkpoint the finding's checkpoint folder
 */
public record Remediable(String findingId, String type, String runId, long step, String target, int layer, int concept,
                         List<String> words, Path base, Path checkpoint) {
    public Remediable {
        Objects.requireNonNull(findingId, "findingId");
        Objects.requireNonNull(target, "target");
        words = List.copyOf(words);
    }

    /** "BIAS_ABSORBING 'doctor' concept 3 (layer -1) at step 200". */
    public String describe() {
        return type + " '" + target + "' concept " + concept + " (layer " + layer + ") at step " + step;
    }
}
