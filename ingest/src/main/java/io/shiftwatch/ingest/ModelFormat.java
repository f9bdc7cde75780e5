package io.shiftwatch.ingest;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;

/**
 * How a model or checkpoint is stored: the testbed VLM's own DJL parameter folder, a Hugging Face
 * style safetensors directory, or a TorchScript file. On the wire it is the lowercase
 * {@link #wireName()}.
 */
public enum ModelFormat {
    TESTBED("testbed"),
    SAFETENSORS("safetensors"),
    TORCHSCRIPT("torchscript");

    private final String wireName;

    ModelFormat(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The wire names, in declaration order, e.g. for error messages and the JSON Schema. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(ModelFormat::wireName).toList();
    }

    /** Parses a wire name; throws {@link FieldViolation} naming {@code field} for anything else. */
    public static ModelFormat parse(String value, String field) {
        for (ModelFormat format : values()) {
            if (format.wireName.equals(value)) {
                return format;
            }
        }
        throw FieldViolation.invalid(field, "must be one of " + wireNames() + " but was \"" + value + "\"");
    }
}
