package io.shiftwatch.ingest.internal;

import com.fasterxml.jackson.core.type.TypeReference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * The folders the watcher has settled (folder name → event id, or "rejected: reason"), persisted
 * so that a restarted watcher publishes nothing twice. Written atomically: a temporary file in the
 * same directory, then an atomic rename. Not thread-safe (one watcher per directory).
 */
public final class WatchState {
    public static final String FILE_NAME = ".shiftwatch-watch-state.json";

    private final Path file;
    private final Map<String, String> settled;

    private WatchState(Path file, Map<String, String> settled) {
        this.file = file;
        this.settled = settled;
    }

    /** Loads the state file in {@code dir}, or starts empty when there is none. */
    public static WatchState load(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return new WatchState(file, new TreeMap<>());
        }
        try {
            Map<String, String> settled = Json.mapper().readValue(file.toFile(), new TypeReference<TreeMap<String, String>>() { });
            return new WatchState(file, settled);
        } catch (IOException e) {
            throw new UncheckedIOException("watch state " + file + " is unreadable; fix or delete it (deleting it"
                    + " re-publishes existing folders, which consumers drop by eventId)", e);
        }
    }

    public boolean isSettled(String folder) {
        return settled.containsKey(folder);
    }

    public Map<String, String> settled() {
        return Map.copyOf(settled);
    }

    /** Records the outcome for {@code folder} and writes the file atomically before returning. */
    public void record(String folder, String outcome) {
        settled.put(folder, outcome);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), settled);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write watch state " + file + "; the watcher stops so that"
                    + " it does not publish " + folder + " again after a restart", e);
        }
    }
}
