package io.shiftwatch.analyzer.extraction.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.shiftwatch.analyzer.extraction.BaseActivationKey;
import io.shiftwatch.analyzer.extraction.ExtractedStates;
import io.shiftwatch.analyzer.extraction.ExtractionRequest;
import io.shiftwatch.analyzer.extraction.GeneratedOutput;
import io.shiftwatch.analyzer.extraction.Npy;
import io.shiftwatch.analyzer.extraction.ProbeExtraction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and writes the files of one base-activation cache entry (a directory): header.json and one
 * {@code states-NNN.npy} per (target, layer). Reading verifies everything it can (format, key,
 * file hashes, shapes, positions against the stored outputs) and reports any mismatch as {@link Corrupt}.
 */
public final class CacheEntryFiles {
    public static final String HEADER = "header.json";
    private static final Pattern MATRIX_FILE = Pattern.compile("states-\\d{3,}\\.npy");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CacheEntryFiles() {
    }

    /** Result of reading an entry. */
    public sealed interface Read permits Loaded, Corrupt {
    }

    public record Loaded(ProbeExtraction extraction) implements Read {
    }

    /** @param reason what did not verify, for the log line */
    public record Corrupt(String reason) implements Read {
    }

    /** Writes {@code extraction} into the (empty, existing) directory {@code dir}; header last. */
    public static void write(Path dir, BaseActivationKey key, ProbeExtraction extraction) throws IOException {
        List<CacheHeader.Matrix> matrices = new ArrayList<>();
        int hiddenSize = extraction.states().getFirst().hiddenSize();
        for (ExtractedStates s : extraction.states()) {
            byte[] bytes = Npy.encode(s.states(), s.hiddenSize());
            String file = String.format("states-%03d.npy", matrices.size());
            Files.write(dir.resolve(file), bytes);
            matrices.add(new CacheHeader.Matrix(s.target(), s.layer(), file, s.count(), s.hiddenSize(), Sha256.hex(bytes),
                    s.sampleIds(), s.positions()));
        }
        List<CacheHeader.Output> outputs = extraction.outputs().stream()
                .map(o -> new CacheHeader.Output(o.sampleId(), o.tokens())).toList();
        var header = new CacheHeader(CacheHeader.FORMAT, CacheHeader.FORMAT_VERSION, key.sha256(), key, hiddenSize,
                extraction.probeSize(), outputs, matrices);
        JSON.writeValue(dir.resolve(HEADER).toFile(), header);
    }

    /** Reads the entry {@code dir} expected to hold {@code key}; {@code request} becomes the result's request. */
    public static Read read(Path dir, BaseActivationKey key, ExtractionRequest request) {
        try {
            CacheHeader h = JSON.readValue(dir.resolve(HEADER).toFile(), CacheHeader.class);
            if (!CacheHeader.FORMAT.equals(h.format()) || h.formatVersion() != CacheHeader.FORMAT_VERSION)
                return new Corrupt("format " + h.format() + " v" + h.formatVersion() + " is not " + CacheHeader.FORMAT
                        + " v" + CacheHeader.FORMAT_VERSION);
            if (!key.sha256().equals(h.key()) || !key.equals(h.keyFields()))
                return new Corrupt("header is for key " + h.key() + ", not " + key.sha256());
            List<GeneratedOutput> outputs = new ArrayList<>();
            Map<String, List<String>> tokensById = new HashMap<>();
            for (CacheHeader.Output o : h.outputs()) {
                outputs.add(new GeneratedOutput(o.sampleId(), o.tokens()));
                tokensById.put(o.sampleId(), o.tokens());
            }
            List<ExtractedStates> states = new ArrayList<>();
            for (CacheHeader.Matrix m : h.matrices()) states.add(readMatrix(dir, key, h, m, tokensById));
            return new Loaded(new ProbeExtraction(key.modelHash(), key.probeSetHash(), request, outputs, states));
        } catch (NoSuchFileException e) {
            return new Corrupt("file " + e.getFile() + " is missing");
        } catch (IOException | IllegalArgumentException e) {
            return new Corrupt(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static ExtractedStates readMatrix(Path dir, BaseActivationKey key, CacheHeader h, CacheHeader.Matrix m,
                                              Map<String, List<String>> tokensById) throws IOException {
        if (!MATRIX_FILE.matcher(m.file()).matches())
            throw new IllegalArgumentException("matrix file name '" + m.file() + "' is not states-NNN.npy");
        byte[] bytes = Files.readAllBytes(dir.resolve(m.file()));
        if (!Sha256.hex(bytes).equals(m.sha256()))
            throw new IllegalArgumentException(m.file() + " does not match its SHA-256 in the header");
        Npy.FloatArray array = Npy.decode(bytes);
        int[] expectedShape = {m.rows(), h.hiddenSize()};
        if (!Arrays.equals(array.shape(), expectedShape) || m.cols() != h.hiddenSize())
            throw new IllegalArgumentException(m.file() + " has shape " + Arrays.toString(array.shape()) + ", header says "
                    + Arrays.toString(expectedShape));
        for (int i = 0; i < m.sampleIds().size(); i++) {
            List<String> tokens = tokensById.get(m.sampleIds().get(i));
            int position = i < m.positions().length ? m.positions()[i] : -1;
            if (tokens == null || PredictingPosition.first(tokens, m.target()) != position)
                throw new IllegalArgumentException(m.file() + ": sample " + m.sampleIds().get(i) + " position " + position
                        + " is not the first '" + m.target() + "' of its stored output");
        }
        return new ExtractedStates(key.modelHash(), key.probeSetHash(), m.target(), m.layer(), h.hiddenSize(), h.probeSize(),
                m.sampleIds(), m.positions(), array.toMatrix());
    }
}
