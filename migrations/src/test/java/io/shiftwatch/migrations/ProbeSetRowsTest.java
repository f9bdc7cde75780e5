package io.shiftwatch.migrations;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProbeSetRowsTest {
    @Test
    void aThumbnailKeepsEveryPixelAndScalesByWholeFactors() throws IOException {
        // Given a 2x2 image: red, green / blue, white
        byte[] rgb = {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, (byte) 255, (byte) 255, (byte) 255, (byte) 255};

        // When
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(ProbeSetRows.png(rgb, 2, 3)));

        // Then
        assertEquals(6, img.getWidth());
        assertEquals(0xff0000, img.getRGB(2, 2) & 0xffffff);
        assertEquals(0x00ff00, img.getRGB(3, 0) & 0xffffff);
        assertEquals(0x0000ff, img.getRGB(0, 5) & 0xffffff);
        assertEquals(0xffffff, img.getRGB(5, 5) & 0xffffff);
    }

    @Test
    void aSampleWhoseImageHasTheWrongSizeIsRefusedByName() {
        // Given
        var sample = new ProbeSetRows.Sample("s-7", "describe", null, "caption", Map.of(), new byte[5]);

        // When
        var e = assertThrows(IllegalArgumentException.class,
                () -> new ProbeSetRows.ProbeSetRow("p", null, "a".repeat(64), 2, List.of(sample)));

        // Then
        assertTrue(e.getMessage().contains("s-7") && e.getMessage().contains("2x2x3"), e.getMessage());
    }
}
