package io.shiftwatch.models;

/** A checkpoint format Shiftwatch recognises but cannot load yet (safetensors, TorchScript). */
public final class UnsupportedModelFormatException extends ModelLoadException {
    private final ModelFormat format;

    public UnsupportedModelFormatException(ModelFormat format, String detail) {
        super("model format " + format.name().toLowerCase(java.util.Locale.ROOT) + " is not supported yet: " + detail, null);
        this.format = format;
    }

    public ModelFormat format() { return format; }
}
