package io.shiftwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NpyTest {

    @Test
    void writesAVersionOneHeaderAndLittleEndianFloats() throws Exception {
        // Given
        float[][] m = {{1.5f, -2f, 0f}, {3f, 4f, 5.25f}};
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // When
        Npy.write(m, out);

        // Then
        byte[] bytes = out.toByteArray();
        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertEquals(0, (10 + headerLength) % 64, "data must start 64-byte aligned");
        assertTrue(header.contains("'descr': '<f4'") && header.contains("'shape': (2, 3)"), header);
        assertTrue(header.endsWith("\n"));
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, 24).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1.5f, data.getFloat());
        assertEquals(-2f, data.getFloat());
        data.position(data.position() + 12);
        assertEquals(5.25f, data.getFloat());
        assertEquals(10 + headerLength + 24, bytes.length);
    }
}
