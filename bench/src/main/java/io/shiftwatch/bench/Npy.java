package io.shiftwatch.bench;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a float32 matrix [rows, cols] as a NumPy .npy file (format 1.0, little-endian, C order). */
public final class Npy {
    private Npy() {
    }

    public static void write(float[][] m, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            write(m, out);
        }
    }

    /** Writes the .npy bytes of {@code m} to {@code out} (not closed). */
    public static void write(float[][] m, OutputStream out) throws IOException {
        int cols = m[0].length;
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + m.length + ", " + cols + "), }";
        int unpadded = 10 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        DataOutputStream data = new DataOutputStream(out);
        {
            data.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            data.write(header.length() & 0xff);
            data.write(header.length() >> 8);
            data.write(header.getBytes(StandardCharsets.US_ASCII));
            ByteBuffer row = ByteBuffer.allocate(cols * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] r : m) {
                row.clear();
                row.asFloatBuffer().put(r);
                data.write(row.array());
            }
        }
        data.flush();
    }
}
