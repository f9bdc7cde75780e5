package io.shiftwatch.models.probe;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.shiftwatch.models.ProbeSample;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes a probe set folder: {@code probe.json} (format version, id, image size, content
 * hash, SHA-256 of images.bin, samples with labels and an image index) and {@code images.bin} (the
 * distinct images' raw RGB, concatenated). Writes go to temp files renamed into place, probe.json last.
 * Reads verify both hashes and throw {@link ProbeSetHashMismatchException} naming the file that does
 * not match, or {@link ProbeSetFormatException} for missing/malformed files.
 */
public final class ProbeSetFiles {
    public static final String PROBE_JSON = "probe.json", IMAGES_BIN = "images.bin";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProbeSetFiles() {
    }

    public static void write(Path dir, ProbeSet set) throws IOException {
        Files.createDirectories(dir);
        Map<ByteBuffer, Integer> imageIndex = new HashMap<>();
        List<byte[]> images = new ArrayList<>();
        List<ProbeSetJson.Sample> samples = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            ProbeSample s = set.samples().get(i);
            int image = imageIndex.computeIfAbsent(ByteBuffer.wrap(s.rgb()), k -> {
                images.add(s.rgb());
                return images.size() - 1;
            });
            samples.add(new ProbeSetJson.Sample(s.id(), s.prompt(), s.expected(), s.answerType(),
                    new TreeMap<>(set.labels().get(i)), image));
        }
        int imageBytes = set.imageSize() * set.imageSize() * 3;
        byte[] bin = new byte[images.size() * imageBytes];
        for (int i = 0; i < images.size(); i++) System.arraycopy(images.get(i), 0, bin, i * imageBytes, imageBytes);
        var doc = new ProbeSetJson(ProbeSetJson.FORMAT_VERSION, set.id(), set.imageSize(), set.contentHash(),
                ProbeSetHash.ofBytes(bin), images.size(), samples);
        replace(dir.resolve(IMAGES_BIN), bin);
        replace(dir.resolve(PROBE_JSON), JSON.writeValueAsBytes(doc));
    }

    public static ProbeSet read(Path dir) throws IOException {
        Path jsonFile = dir.resolve(PROBE_JSON), binFile = dir.resolve(IMAGES_BIN);
        ProbeSetJson doc = parse(jsonFile);
        byte[] bin = readBytes(binFile);
        int imageBytes = doc.imageSize() * doc.imageSize() * 3;
        if (bin.length != (long) doc.imageCount() * imageBytes)
            throw new ProbeSetFormatException(binFile + " has " + bin.length + " bytes, probe.json expects "
                    + doc.imageCount() + " images of " + imageBytes + " bytes; regenerate the probe set", null);
        if (!ProbeSetHash.ofBytes(bin).equals(doc.imagesSha256()))
            throw new ProbeSetHashMismatchException(binFile + ": SHA-256 " + ProbeSetHash.ofBytes(bin)
                    + " does not match " + doc.imagesSha256() + " recorded in probe.json; the images were modified, "
                    + "the probe set is not used — regenerate it or restore the file");
        List<ProbeSample> samples = new ArrayList<>();
        List<Map<String, String>> labels = new ArrayList<>();
        for (ProbeSetJson.Sample s : doc.samples()) {
            if (s.image() < 0 || s.image() >= doc.imageCount())
                throw new ProbeSetFormatException(jsonFile + ": sample " + s.id() + " refers to image " + s.image()
                        + " of " + doc.imageCount(), null);
            byte[] rgb = Arrays.copyOfRange(bin, s.image() * imageBytes, (s.image() + 1) * imageBytes);
            samples.add(new ProbeSample(s.id(), doc.imageSize(), rgb, s.prompt(), s.expected(), s.answerType()));
            labels.add(s.labels() == null ? Map.of() : s.labels());
        }
        String actual = ProbeSetHash.of(doc.imageSize(), samples, labels);
        if (!actual.equals(doc.contentHash()))
            throw new ProbeSetHashMismatchException(jsonFile + ": content hash " + actual + " does not match the recorded "
                    + doc.contentHash() + "; the samples were modified, the probe set is not used — regenerate it");
        return new ProbeSet(doc.id(), doc.contentHash(), doc.imageSize(), samples, labels);
    }

    private static ProbeSetJson parse(Path jsonFile) throws IOException {
        ProbeSetJson doc;
        try {
            doc = JSON.readValue(readBytes(jsonFile), ProbeSetJson.class);
        } catch (JacksonException e) {
            throw new ProbeSetFormatException(jsonFile + " is not a valid probe set document: " + e.getOriginalMessage(), e);
        }
        if (doc.formatVersion() != ProbeSetJson.FORMAT_VERSION)
            throw new ProbeSetFormatException(jsonFile + " has format version " + doc.formatVersion()
                    + ", this reader knows " + ProbeSetJson.FORMAT_VERSION, null);
        if (doc.samples() == null || doc.imageSize() <= 0)
            throw new ProbeSetFormatException(jsonFile + " lacks samples or a positive imageSize", null);
        return doc;
    }

    private static byte[] readBytes(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ProbeSetFormatException(file + " is missing; a probe set folder holds "
                    + PROBE_JSON + " and " + IMAGES_BIN, e);
        }
    }

    private static void replace(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
        try {
            Files.write(temp, content);
            temp.toFile().setReadable(true, false);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
