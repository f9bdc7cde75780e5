package io.shiftwatch.ingest.internal;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of one checkpoint folder at one instant: relative path → size (bytes) and
 * modification time (epoch ms). Two snapshots are equal when nothing was added, removed or changed.
 */
public record FolderSnapshot(SortedMap<String, FileStamp> files) {
    public static final String MANIFEST = "manifest.json";

    public FolderSnapshot {
        files = new TreeMap<>(files);
    }

    public static FolderSnapshot of(Map<String, FileStamp> files) {
        return new FolderSnapshot(new TreeMap<>(files));
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    public boolean hasManifest() {
        return files.containsKey(MANIFEST);
    }

    /** Size and modification time of one file. */
    public record FileStamp(long size, long modifiedMillis) {
    }
}
