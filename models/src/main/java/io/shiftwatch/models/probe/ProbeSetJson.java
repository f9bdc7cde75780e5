package io.shiftwatch.models.probe;

import java.util.List;
import java.util.Map;

/** The probe.json document (format version 1); images are indices into images.bin. */
record ProbeSetJson(int formatVersion, String id, int imageSize, String contentHash, String imagesSha256,
                    int imageCount, List<Sample> samples) {
    static final int FORMAT_VERSION = 1;

    record Sample(String id, String prompt, String expected, String answerType, Map<String, String> labels, int image) {
    }
}
