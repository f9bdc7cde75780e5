package io.shiftwatch.ingest.internal;

import io.shiftwatch.ingest.ModelFormat;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A folder name the watcher recognises: {@code checkpoint-<step>} (Hugging Face Trainer,
 * safetensors) or {@code step-<step>} (testbed format, complete once its manifest.json exists).
 */
public record CheckpointFolder(String name, long step, Layout layout) {
    private static final Pattern HF = Pattern.compile("checkpoint-(\\d{1,18})");
    private static final Pattern TESTBED = Pattern.compile("step-(\\d{1,18})");

    /** How the checkpoint is laid out on disk. */
    public enum Layout {
        HUGGING_FACE(ModelFormat.SAFETENSORS),
        TESTBED(ModelFormat.TESTBED);

        private final ModelFormat format;

        Layout(ModelFormat format) {
            this.format = format;
        }

        public ModelFormat format() {
            return format;
        }
    }

    public static Optional<CheckpointFolder> recognise(String name) {
        Matcher hf = HF.matcher(name);
        if (hf.matches()) {
            return Optional.of(new CheckpointFolder(name, Long.parseLong(hf.group(1)), Layout.HUGGING_FACE));
        }
        Matcher testbed = TESTBED.matcher(name);
        if (testbed.matches()) {
            return Optional.of(new CheckpointFolder(name, Long.parseLong(testbed.group(1)), Layout.TESTBED));
        }
        return Optional.empty();
    }
}
