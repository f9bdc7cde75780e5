package io.shiftwatch.models.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeSetFilesIT {
    @TempDir
    Path dir;

    private final ProbeSet set = ProbeSet.of("it-set", 4, ProbeSetHashTest.samples(), ProbeSetHashTest.labels());

    @Test
    void writeThenReadGivesTheSameSet() throws Exception {
        // Given
        ProbeSetFiles.write(dir, set);

        // When
        ProbeSet back = ProbeSetFiles.read(dir);

        // Then
        assertEquals(set.id(), back.id());
        assertEquals(set.contentHash(), back.contentHash());
        assertEquals(set.labels(), back.labels());
        for (int i = 0; i < set.size(); i++) {
            assertArrayEquals(set.samples().get(i).rgb(), back.samples().get(i).rgb());
            assertEquals(set.samples().get(i).expected(), back.samples().get(i).expected());
        }
        assertEquals(2 * 4 * 4 * 3, Files.size(dir.resolve(ProbeSetFiles.IMAGES_BIN)), "shared images stored once");
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temp files left");
        }
    }

    @Test
    void corruptedImagesAreRejectedNamingTheFile() throws Exception {
        // Given
        ProbeSetFiles.write(dir, set);
        byte[] bin = Files.readAllBytes(dir.resolve(ProbeSetFiles.IMAGES_BIN));
        bin[5] ^= 1;
        Files.write(dir.resolve(ProbeSetFiles.IMAGES_BIN), bin);

        // When
        var error = assertThrows(ProbeSetHashMismatchException.class, () -> ProbeSetFiles.read(dir));

        // Then
        assertTrue(error.getMessage().contains("images.bin"), error.getMessage());
    }

    @Test
    void editedSamplesAreRejectedNamingProbeJson() throws Exception {
        // Given
        ProbeSetFiles.write(dir, set);
        Path json = dir.resolve(ProbeSetFiles.PROBE_JSON);
        Files.writeString(json, Files.readString(json).replace("a red circle on the beach", "a blue circle on the beach"));

        // When
        var error = assertThrows(ProbeSetHashMismatchException.class, () -> ProbeSetFiles.read(dir));

        // Then
        assertTrue(error.getMessage().contains("probe.json"), error.getMessage());
    }

    @Test
    void missingFolderIsAFormatError() {
        // Given
        Path missing = dir.resolve("nothing-here");

        // When
        var error = assertThrows(ProbeSetFormatException.class, () -> ProbeSetFiles.read(missing));

        // Then
        assertTrue(error.getMessage().contains("probe.json"), error.getMessage());
    }
}
