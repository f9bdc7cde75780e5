package io.shiftwatch.models.internal;

import ai.djl.ndarray.NDManager;
import io.shiftwatch.models.ModelFormat;
import io.shiftwatch.models.ModelInfo;
import io.shiftwatch.models.TestbedModelConfig;
import io.shiftwatch.models.WordVocabulary;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The testbed checkpoint folder: {@value #PARAMS} (DJL block parameters), {@value #CONFIG},
 * {@value #VOCAB} and {@value #MANIFEST} (SHA-256 of the other three). Writing goes to a hidden
 * sibling folder that is renamed into place, so a watcher never sees a half-written checkpoint.
 * Reading lives in {@link CheckpointReader}.
 */
public final class TestbedCheckpoint {
    public static final String PARAMS = "model.params";
    public static final String CONFIG = "config.json";
    public static final String VOCAB = "vocab.txt";
    public static final String MANIFEST = "manifest.json";

    private TestbedCheckpoint() {
    }

    /** The three content files as bytes, by file name, in a fixed order. */
    static Map<String, byte[]> contents(TestbedVlm model, WordVocabulary vocabulary) {
        var params = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(params)) {
            model.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise parameters", e);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(PARAMS, params.toByteArray());
        files.put(CONFIG, ConfigJson.write(model.config(), model.vocabSize()));
        files.put(VOCAB, (String.join("\n", vocabulary.toLines()) + "\n").getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** Identity of the model as a checkpoint of it would have (the content hash covers weights, config, vocab). */
    static ModelInfo info(TestbedModelConfig config, int vocabSize, String contentHash) {
        return new ModelInfo(config.modelId(), ModelFormat.TESTBED, contentHash, config.hiddenSize(), config.numLayers(),
                vocabSize, config.imageSize());
    }

    static String contentHash(TestbedVlm model, WordVocabulary vocabulary) {
        Map<String, String> hashes = new LinkedHashMap<>();
        contents(model, vocabulary).forEach((name, bytes) -> hashes.put(name, Sha256.of(bytes)));
        return Sha256.ofFileHashes(hashes);
    }

    /**
     * Writes the checkpoint into {@code dir}, which must not exist; returns its identity. Files are
     * written and synced in {@code .<name>.partial-<uuid>} beside it, then the folder is renamed atomically.
     */
    static ModelInfo write(Path dir, TestbedVlm model, WordVocabulary vocabulary, Map<String, String> metadata, Clock clock) {
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target)) throw new UncheckedIOException(new FileAlreadyExistsException(target.toString(),
                null, "a checkpoint folder is never overwritten; choose a new folder per checkpoint"));
        Path temp = target.resolveSibling("." + target.getFileName() + ".partial-" + UUID.randomUUID());
        try {
            Files.createDirectories(temp);
            Map<String, String> hashes = new LinkedHashMap<>();
            for (var file : contents(model, vocabulary).entrySet()) {
                writeSynced(temp.resolve(file.getKey()), file.getValue());
                hashes.put(file.getKey(), Sha256.of(file.getValue()));
            }
            var manifest = new CheckpointManifest(CheckpointManifest.FORMAT, CheckpointManifest.VERSION,
                    model.config().modelId(), Instant.now(clock).toString(), hashes, metadata);
            writeSynced(temp.resolve(MANIFEST), manifest.toJson());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return info(model.config(), model.vocabSize(), Sha256.ofFileHashes(hashes));
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot write checkpoint " + target + "; nothing was published there", e);
        }
    }

    /** Reads and verifies a checkpoint; see {@link CheckpointReader#read}. */
    public static LoadedCheckpoint read(Path dir, NDManager manager) {
        return CheckpointReader.read(dir, manager);
    }

    private static void writeSynced(Path file, byte[] bytes) throws IOException {
        try (var channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            var buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) channel.write(buffer);
            channel.force(true);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover hidden .partial folder is never mistaken for a checkpoint
        }
    }
}
