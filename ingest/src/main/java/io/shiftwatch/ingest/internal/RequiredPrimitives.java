package io.shiftwatch.ingest.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

/**
 * Finds the first primitive record component absent from a JSON object. Jackson would bind an
 * absent {@code long step} to 0 silently; every primitive of an event record is required.
 */
public final class RequiredPrimitives {
    private RequiredPrimitives() {
    }

    /** The JSON path of the first missing primitive field of {@code type} in {@code node}, if any. */
    public static Optional<String> firstMissing(JsonNode node, Class<?> type, String prefix) {
        if (!type.isRecord() || !node.isObject()) {
            return Optional.empty();
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String path = prefix + component.getName();
            JsonNode child = node.get(component.getName());
            if (component.getType().isPrimitive() && (child == null || child.isNull())) {
                return Optional.of(path);
            }
            Optional<String> nested = nested(child, component, path);
            if (nested.isPresent()) {
                return nested;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> nested(JsonNode child, RecordComponent component, String path) {
        if (child == null) {
            return Optional.empty();
        }
        if (component.getType().isRecord()) {
            return firstMissing(child, component.getType(), path + ".");
        }
        if (component.getType() == List.class && child.isArray()
                && component.getGenericType() instanceof ParameterizedType list) {
            Type element = list.getActualTypeArguments()[0];
            if (element instanceof Class<?> elementType && elementType.isRecord()) {
                for (int i = 0; i < child.size(); i++) {
                    Optional<String> missing = firstMissing(child.get(i), elementType, path + "[" + i + "].");
                    if (missing.isPresent()) {
                        return missing;
                    }
                }
            }
        }
        return Optional.empty();
    }
}
