package io.shiftwatch.ingest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.shiftwatch.ingest.FieldViolation;
import io.shiftwatch.ingest.ReadResult.Invalid;
import io.shiftwatch.ingest.RejectReason;

import java.util.Arrays;
import java.util.List;

/** Classifies Jackson's binding failures, once, into reason codes with the offending field's path. */
public final class JsonFailures {
    private JsonFailures() {
    }

    public static <T> Invalid<T> classify(JsonProcessingException failure, String eventName) {
        if (!(failure instanceof JsonMappingException mapping)) {
            return new Invalid<>(RejectReason.MALFORMED_JSON, null, "payload is not valid JSON: " + firstLine(failure.getOriginalMessage()));
        }
        String path = path(mapping.getPath());
        FieldViolation violation = violation(mapping);
        if (violation != null) {
            RejectReason reason = violation.missing() ? RejectReason.MISSING_FIELD : RejectReason.INVALID_FIELD;
            return new Invalid<>(reason, violation.field(), violation.getMessage());
        }
        return switch (mapping) {
            case UnrecognizedPropertyException unknown -> new Invalid<>(RejectReason.INVALID_FIELD, path,
                    path + " is not a field of " + eventName + " (known fields: " + unknown.getKnownPropertyIds() + ")");
            case InvalidFormatException format when format.getTargetType() != null && format.getTargetType().isEnum() ->
                    new Invalid<>(RejectReason.INVALID_FIELD, path, path + " must be one of "
                            + enumValues(format.getTargetType()) + " but was \"" + format.getValue() + "\"");
            case InvalidFormatException format -> new Invalid<>(RejectReason.INVALID_FIELD, path,
                    path + " has value \"" + format.getValue() + "\" that is not a valid "
                            + simpleName(format.getTargetType()) + ": " + firstLine(format.getOriginalMessage()));
            case MismatchedInputException mismatch -> new Invalid<>(RejectReason.INVALID_FIELD, path,
                    path + " has the wrong JSON type, expected " + simpleName(mismatch.getTargetType()));
            default -> new Invalid<>(RejectReason.INVALID_FIELD, path, path + ": " + firstLine(mapping.getOriginalMessage()));
        };
    }

    private static FieldViolation violation(JsonMappingException mapping) {
        for (Throwable t = mapping; t != null; t = t.getCause()) {
            if (t instanceof FieldViolation violation) {
                return violation;
            }
        }
        return null;
    }

    /** "checkpoint.format", "layers[2]"; "(root)" when the problem is the whole document. */
    public static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "(root)" : out.toString();
    }

    private static List<String> enumValues(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> Json.mapper().convertValue(c, String.class)).toList();
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "long", "Long", "int", "Integer" -> "an integer";
            case "double", "Double" -> "a number";
            case "boolean", "Boolean" -> "a boolean";
            case "String" -> "a string";
            case "List" -> "an array";
            case "Map" -> "an object";
            default -> type.getSimpleName();
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no detail)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
