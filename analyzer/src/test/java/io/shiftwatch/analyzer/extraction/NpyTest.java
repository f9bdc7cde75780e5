package io.shiftwatch.analyzer.extraction;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyTest {
    private static final float[][] MATRIX = {{1f, -2.5f, 3.25f}, {Float.MIN_VALUE, 1e30f, -0f}};

    private static int headerLength(byte[] npy) {
        return ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN).getShort(8) & 0xffff;
    }

    @Test
    void theHeaderIsVersionOneWithMagicDtypeOrderAndShape() {
        // When
        byte[] npy = Npy.encode(MATRIX, 3);

        // Then
        assertArrayEquals(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, Arrays.copyOf(npy, 8));
        String header = new String(npy, 10, headerLength(npy), StandardCharsets.ISO_8859_1);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", header.stripTrailing());
        assertTrue(header.endsWith("\n") && header.substring(0, header.length() - 1).endsWith(" "));
    }

    @Test
    void theDataStartsAtAMultipleOfSixtyFourBytesWithLessThanALineOfPadding() {
        // Given
        int[] widths = {1, 12, 1234, 123_456_789};

        for (int width : widths) {
            // When
            byte[] npy = Npy.encode(new float[0][], width);

            // Then
            String header = new String(npy, 10, headerLength(npy), StandardCharsets.ISO_8859_1);
            int padding = header.length() - header.stripTrailing().length() - 1;
            assertEquals(0, (10 + header.length()) % 64, "width " + width);
            assertTrue(padding >= 0 && padding < 64, "width " + width + " padding " + padding);
        }
    }

    @Test
    void thePayloadIsLittleEndianFloat32InRowMajorOrder() {
        // When
        byte[] npy = Npy.encode(MATRIX, 3);

        // Then
        int start = 10 + headerLength(npy);
        assertEquals(start + 6 * 4, npy.length);
        var payload = ByteBuffer.wrap(npy, start, 24).order(ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(new byte[]{0, 0, (byte) 0x80, 0x3f}, Arrays.copyOfRange(npy, start, start + 4));
        float[] read = new float[6];
        payload.asFloatBuffer().get(read);
        assertArrayEquals(new float[]{1f, -2.5f, 3.25f, Float.MIN_VALUE, 1e30f, -0f}, read);
    }

    @Test
    void aVectorHasAOneDimensionalShape() {
        // When
        byte[] npy = Npy.encode(new float[]{1, 2, 3, 4, 5});

        // Then
        assertTrue(new String(npy, 10, headerLength(npy), StandardCharsets.ISO_8859_1).contains("'shape': (5,)"));
    }

    @Test
    void decodingWhatWasEncodedGivesTheSameShapeAndBits() {
        // Given
        byte[] npy = Npy.encode(MATRIX, 3);

        // When
        Npy.FloatArray array = Npy.decode(npy);

        // Then
        assertArrayEquals(new int[]{2, 3}, array.shape());
        assertArrayEquals(MATRIX, array.toMatrix());
    }

    @Test
    void anEmptyMatrixKeepsItsWidth() {
        // When
        Npy.FloatArray array = Npy.decode(Npy.encode(new float[0][], 128));

        // Then
        assertArrayEquals(new int[]{0, 128}, array.shape());
    }

    @Test
    void aTruncatedPayloadIsRejectedSayingSo() {
        // Given
        byte[] npy = Npy.encode(MATRIX, 3);
        byte[] truncated = Arrays.copyOf(npy, npy.length - 1);

        // When
        var e = assertThrows(IllegalArgumentException.class, () -> Npy.decode(truncated));

        // Then
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void anotherDtypeIsRejectedNamingIt() {
        // Given
        byte[] npy = Npy.encode(MATRIX, 3);
        byte[] doubles = new String(npy, StandardCharsets.ISO_8859_1).replace("<f4", "<f8").getBytes(StandardCharsets.ISO_8859_1);

        // When
        var e = assertThrows(IllegalArgumentException.class, () -> Npy.decode(doubles));

        // Then
        assertTrue(e.getMessage().contains("'<f8'"), e.getMessage());
    }

    @Test
    void aRaggedMatrixIsRejectedNamingTheRow() {
        // When
        var e = assertThrows(IllegalArgumentException.class, () -> Npy.encode(new float[][]{{1, 2}, {3}}, 2));

        // Then
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }
}
