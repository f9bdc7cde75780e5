package io.shiftwatch.analyzer.extraction;

import io.shiftwatch.analyzer.extraction.internal.Sha256;
import io.shiftwatch.models.ProbeSample;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Content hash of a probe set as the model sees it: SHA-256 (64 lowercase hex chars) over, for each
 * sample in order, its id, image size, pixels and prompt, each length-prefixed. Expected answers and
 * answer types are left out on purpose: they do not change what a model computes, so fixing a label
 * keeps cached base activations valid. Reordering the samples changes the hash (results are in probe order).
 */
public final class ProbeSetDigest {
    private static final byte[] DOMAIN = "shiftwatch-probe-set-v1".getBytes(StandardCharsets.UTF_8);

    private ProbeSetDigest() {
    }

    public static String of(List<ProbeSample> samples) {
        MessageDigest digest = Sha256.newDigest();
        field(digest, DOMAIN);
        for (ProbeSample s : samples) {
            field(digest, s.id().getBytes(StandardCharsets.UTF_8));
            digest.update(ByteBuffer.allocate(4).putInt(s.imageSize()).array());
            field(digest, s.rgb());
            field(digest, s.prompt().getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(digest);
    }

    private static void field(MessageDigest digest, byte[] bytes) {
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }
}
