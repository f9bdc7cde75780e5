package io.shiftwatch.testbed.world;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Image-side facts of a scene as a flat label map (what analyses group probes by): place, objects
 * ("red circle;blue square"), distinct shapes and colours (comma-joined, scene order), person
 * ("yes"/"no") and, with a person, profession, gender and personPosition. Pure.
 */
public final class SceneLabels {
    private SceneLabels() {
    }

    public static Map<String, String> of(Scene scene) {
        Map<String, String> labels = new HashMap<>();
        labels.put("place", scene.place().word());
        labels.put("objects", scene.objects().stream().map(o -> o.colour().word() + " " + o.shape().word())
                .collect(Collectors.joining(";")));
        labels.put("shapes", String.join(",", scene.objects().stream().map(o -> o.shape().word())
                .collect(Collectors.toCollection(LinkedHashSet::new))));
        labels.put("colours", String.join(",", scene.objects().stream().map(o -> o.colour().word())
                .collect(Collectors.toCollection(LinkedHashSet::new))));
        labels.put("person", scene.person().isPresent() ? "yes" : "no");
        scene.person().ifPresent(p -> {
            labels.put("profession", p.profession().word());
            labels.put("gender", p.gender().noun());
            labels.put("personPosition", p.position().word());
        });
        return labels;
    }
}
