package io.shiftwatch.models;

/** Checkpoint formats Shiftwatch can load (the CheckpointEvent's {@code format} field, lower-case). */
public enum ModelFormat {
    /** The testbed VLM's own folder: DJL parameters, config.json, vocab.txt, manifest.json with SHA-256s. */
    TESTBED,
    /** Hugging Face style directory with *.safetensors and config.json (LLaVA family). Not loadable yet. */
    SAFETENSORS,
    /** A TorchScript module exported with hidden-state outputs. Not loadable yet. */
    TORCHSCRIPT;

    /** Parses the event's format string ("testbed", "safetensors", "torchscript"), case-insensitive. */
    public static ModelFormat parse(String s) {
        for (ModelFormat f : values()) if (f.name().equalsIgnoreCase(s)) return f;
        throw new IllegalArgumentException("unknown model format '" + s + "'; known: testbed, safetensors, torchscript");
    }
}
