package io.shiftwatch.analyzer.extraction;

import io.shiftwatch.analyzer.extraction.internal.CacheEntryFiles;
import io.shiftwatch.models.ModelAdapter;
import io.shiftwatch.models.ProbeSample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Content-addressed on-disk cache of base-model extractions: each {@link BaseActivationKey} maps to the
 * directory {@code <root>/<key.sha256()>} holding header.json and one .npy per (target, layer), so the
 * base is run once per key and reused by every checkpoint of every run on it. Entries are written in a
 * temporary directory and renamed into place (readers see a whole entry or none; concurrent writers of
 * one key are harmless), and verified on every read: a corrupt entry is logged, discarded and recomputed.
 * Failures (non-finite states) are never cached. Safe for several threads and processes on one directory.
 */
public final class BaseActivationCache {
    /** Stage reported to {@link ExtractionProgress} when the base activations come from the cache. */
    public static final String STAGE_CACHED = "base activations from cache";
    private static final Logger LOG = LoggerFactory.getLogger(BaseActivationCache.class);

    private final Path directory;

    /** @throws UncheckedIOException when {@code directory} cannot be created (the message names it) */
    public BaseActivationCache(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the base activation cache directory " + directory
                    + "; point the cache at a writable directory", e);
        }
    }

    public Path directory() {
        return directory;
    }

    /**
     * The extraction of {@code extractor.request()} from {@code base} over {@code probes}: read from the cache
     * when a verified entry exists, else computed and stored.
     */
    public ExtractionOutcome extract(HiddenStateExtractor extractor, ModelAdapter base, List<ProbeSample> probes,
                                     ExtractionProgress progress) {
        var key = BaseActivationKey.of(base.info().contentHash(), ProbeSetDigest.of(probes), extractor.request());
        Optional<ProbeExtraction> cached = lookup(key, extractor.request());
        if (cached.isPresent()) {
            LOG.info("base activations reused from cache: key={} model={} probeSet={}", key.sha256(), key.modelHash(), key.probeSetHash());
            progress.onProgress(STAGE_CACHED, 1.0);
            return cached.get();
        }
        ExtractionOutcome outcome = extractor.extract(base, probes, progress);
        switch (outcome) {
            case ProbeExtraction extraction -> store(key, extraction);
            case NonFiniteStates failure -> LOG.debug("not caching a failed base extraction: key={}", key.sha256());
        }
        return outcome;
    }

    /** The verified entry for {@code key}, or empty when there is none (a corrupt one is discarded). */
    public Optional<ProbeExtraction> lookup(BaseActivationKey key, ExtractionRequest request) {
        Path entry = directory.resolve(key.sha256());
        if (!Files.isDirectory(entry)) return Optional.empty();
        return switch (CacheEntryFiles.read(entry, key, request)) {
            case CacheEntryFiles.Loaded loaded -> Optional.of(loaded.extraction());
            case CacheEntryFiles.Corrupt corrupt -> {
                LOG.warn("base activation cache entry {} is corrupt ({}); discarding it and recomputing the base activations",
                        entry, corrupt.reason());
                discard(entry);
                yield Optional.empty();
            }
        };
    }

    /** Stores {@code extraction} under {@code key}; a write failure is logged and only costs a recomputation later. */
    public void store(BaseActivationKey key, ProbeExtraction extraction) {
        Path entry = directory.resolve(key.sha256());
        Path temp = null;
        try {
            temp = Files.createTempDirectory(directory, ".tmp-" + key.sha256().substring(0, 12) + "-");
            CacheEntryFiles.write(temp, key, extraction);
            Files.move(temp, entry, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            LOG.info("base activations cached: key={} entry={}", key.sha256(), entry);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            LOG.debug("another writer stored cache entry {} first; keeping theirs", entry);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not write base activation cache entry {} ({}); continuing without it, the base will be recomputed next time",
                    entry, e.getMessage());
        } finally {
            if (temp != null) deleteTree(temp);
        }
    }

    private void discard(Path entry) {
        try {
            Path trash = Files.createTempDirectory(directory, ".trash-");
            Path moved = trash.resolve(entry.getFileName());
            Files.move(entry, moved, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(trash);
        } catch (IOException e) {
            LOG.warn("could not discard corrupt cache entry {} ({}); the new entry cannot replace it until it is removed",
                    entry, e.getMessage());
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("could not delete {} ({}); it is left behind and can be removed by hand", root, e.getMessage());
        }
    }
}
