package io.shiftwatch.ingest;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** docs/checkpoint-event.schema.json is the schema shipped in the jar, byte for byte. */
class SchemaCopyIT {

    @Test
    void docsCopyEqualsTheShippedSchema() throws Exception {
        // Given
        byte[] shipped;
        try (InputStream in = getClass().getResourceAsStream("/schemas/checkpoint-event-v1.schema.json")) {
            shipped = in.readAllBytes();
        }
        // When
        byte[] docs = Files.readAllBytes(Path.of("..", "docs", "checkpoint-event.schema.json"));
        // Then
        assertArrayEquals(shipped, docs, "docs/checkpoint-event.schema.json differs from the shipped schema: copy it over");
    }
}
