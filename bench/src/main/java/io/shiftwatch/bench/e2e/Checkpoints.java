package io.shiftwatch.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The checkpoint folders of testbed run folders ({@code <run>/step-<n>/} with a manifest), in run then step order. */
record Checkpoints(List<Path> runs) {
    /** One checkpoint of one run folder. */
    record Checkpoint(String run, long step, Path dir) {
    }

    List<Checkpoint> all() throws IOException {
        List<Checkpoint> out = new ArrayList<>();
        for (Path run : runs) {
            try (Stream<Path> s = Files.list(run)) {
                s.filter(p -> p.getFileName().toString().matches("step-\\d+") && Files.exists(p.resolve("manifest.json")))
                        .sorted(Comparator.comparingLong(Checkpoints::step))
                        .forEach(p -> out.add(new Checkpoint(run.getFileName().toString(), step(p), p)));
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException("no step-<n>/ checkpoint folders in " + runs);
        return out;
    }

    static long step(Path dir) {
        return Long.parseLong(dir.getFileName().toString().substring("step-".length()));
    }
}
