package io.shiftwatch.models.internal;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.shiftwatch.models.CheckpointHashMismatchException;
import io.shiftwatch.models.InvalidCheckpointException;
import io.shiftwatch.models.WordVocabulary;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Loads a testbed checkpoint folder, trusting nothing: every file's SHA-256 is checked against the
 * manifest (the bytes that were hashed are the bytes that are parsed), config and vocabulary must
 * agree, parameter names and shapes must match the architecture the config describes, and weights
 * must be finite. Only data is read (JSON, text, DJL-encoded arrays); no code from the folder runs.
 */
final class CheckpointReader {
    private static final Set<String> REQUIRED = Set.of(TestbedCheckpoint.PARAMS, TestbedCheckpoint.CONFIG, TestbedCheckpoint.VOCAB);

    private CheckpointReader() {
    }

    static LoadedCheckpoint read(Path dir, NDManager manager) {
        if (!Files.isDirectory(dir)) throw new InvalidCheckpointException(dir, "it is not a directory");
        CheckpointManifest manifest = parseManifest(dir);
        Map<String, byte[]> files = verifiedFiles(dir, manifest);
        ConfigJson.Parsed parsed;
        WordVocabulary vocabulary;
        try {
            parsed = ConfigJson.read(files.get(TestbedCheckpoint.CONFIG));
            vocabulary = WordVocabulary.fromLines(new String(files.get(TestbedCheckpoint.VOCAB), StandardCharsets.UTF_8).lines().toList());
        } catch (IllegalArgumentException e) {
            throw new InvalidCheckpointException(dir, e.getMessage(), e);
        }
        if (vocabulary.size() != parsed.vocabSize())
            throw new InvalidCheckpointException(dir, "config.json says vocabSize " + parsed.vocabSize()
                    + " but vocab.txt has " + vocabulary.size() + " tokens");
        TestbedVlm model = loadWeights(dir, manager, parsed, files.get(TestbedCheckpoint.PARAMS));
        var info = TestbedCheckpoint.info(parsed.config(), parsed.vocabSize(), Sha256.ofFileHashes(manifest.files()));
        return new LoadedCheckpoint(model, vocabulary, info, manifest.training());
    }

    private static CheckpointManifest parseManifest(Path dir) {
        try {
            return CheckpointManifest.parse(readFile(dir, TestbedCheckpoint.MANIFEST));
        } catch (IllegalArgumentException e) {
            throw new InvalidCheckpointException(dir, e.getMessage(), e);
        }
    }

    private static Map<String, byte[]> verifiedFiles(Path dir, CheckpointManifest manifest) {
        for (String name : REQUIRED)
            if (!manifest.files().containsKey(name))
                throw new InvalidCheckpointException(dir, "manifest.json does not list " + name);
        Map<String, byte[]> files = new HashMap<>();
        for (var entry : manifest.files().entrySet()) {
            String name = entry.getKey();
            if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith("."))
                throw new InvalidCheckpointException(dir, "manifest lists '" + name + "', which is not a plain file name in the folder");
            byte[] bytes = readFile(dir, name);
            String actual = Sha256.of(bytes);
            if (!actual.equals(entry.getValue()))
                throw new CheckpointHashMismatchException(dir.resolve(name), entry.getValue(), actual);
            files.put(name, bytes);
        }
        return files;
    }

    private static byte[] readFile(Path dir, String name) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) throw new InvalidCheckpointException(dir, "file " + name + " is missing");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidCheckpointException(dir, "file " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static TestbedVlm loadWeights(Path dir, NDManager manager, ConfigJson.Parsed parsed, byte[] params) {
        var model = new TestbedVlm(parsed.config(), parsed.vocabSize());
        // Initialise once to learn the shapes the config implies, then replace the arrays with the stored ones.
        model.initializeWeights(manager, 0L);
        Map<String, Shape> expected = new LinkedHashMap<>();
        for (var p : model.getParameters()) {
            expected.put(p.getKey(), p.getValue().getArray().getShape());
            p.getValue().getArray().close();
        }
        try (var in = new DataInputStream(new ByteArrayInputStream(params))) {
            model.loadParameters(manager, in);
            if (in.available() > 0)
                throw new InvalidCheckpointException(dir, TestbedCheckpoint.PARAMS + " has " + in.available()
                        + " bytes after the last parameter the config describes");
        } catch (IOException | MalformedModelException | RuntimeException e) {
            if (e instanceof InvalidCheckpointException ice) throw ice;
            throw new InvalidCheckpointException(dir, TestbedCheckpoint.PARAMS + " does not match the architecture in config.json: "
                    + e.getMessage(), e);
        }
        checkShapesAndValues(dir, model, expected);
        return model;
    }

    private static void checkShapesAndValues(Path dir, TestbedVlm model, Map<String, Shape> expected) {
        for (var p : model.getParameters()) {
            Parameter parameter = p.getValue();
            NDArray array = parameter.getArray();
            if (!array.getShape().equals(expected.get(p.getKey())))
                throw new InvalidCheckpointException(dir, "parameter " + p.getKey() + " has shape " + array.getShape()
                        + " but config.json implies " + expected.get(p.getKey()));
            long nonFinite = countNonFinite(array.toFloatArray());
            if (nonFinite > 0)
                throw new InvalidCheckpointException(dir, "parameter " + p.getKey() + " holds " + nonFinite
                        + " non-finite values (NaN/Inf); a diverged checkpoint is not analysed");
        }
    }

    static long countNonFinite(float[] values) {
        long n = 0;
        for (float v : values) if (!Float.isFinite(v)) n++;
        return n;
    }
}
