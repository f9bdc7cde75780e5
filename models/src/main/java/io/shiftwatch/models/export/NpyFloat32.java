package io.shiftwatch.models.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Writes a little-endian float32 array in NumPy's {@code .npy} format (version 1.0, C order). */
final class NpyFloat32 {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private NpyFloat32() {
    }

    static void write(Path file, long[] shape, float[] values) throws IOException {
        long count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (count != values.length)
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count + " values, got " + values.length);
        ByteBuffer buffer = ByteBuffer.allocate(headerLength(shape) + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(MAGIC).putShort((short) (headerLength(shape) - MAGIC.length - 2)).put(header(shape));
        buffer.asFloatBuffer().put(values);
        Files.write(file, buffer.array());
    }

    /** The header dict, space-padded and newline-terminated so the data starts at a multiple of 64 bytes. */
    static byte[] header(long[] shape) {
        String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + (shape.length == 1 ? "," : "") + "), }";
        int total = MAGIC.length + 2 + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        return (dict + " ".repeat(padded - total) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static int headerLength(long[] shape) {
        return MAGIC.length + 2 + header(shape).length;
    }
}
