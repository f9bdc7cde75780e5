package io.shiftwatch.analyzer.extraction;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy {@code .npy} files of little-endian float32 ({@code '<f4'}, C order), so numpy and any other
 * tool can check Shiftwatch's numbers. Writes format version 1.0 (header padded with spaces and a
 * newline so the data starts at a multiple of 64 bytes); reads versions 1.0-3.0 of 1-D and 2-D
 * {@code '<f4'} arrays and rejects anything else with a message naming what it found.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGNMENT = 64;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /**
     * A float32 array read from an .npy file.
     *
     * @param shape 1 or 2 non-negative dimensions
     * @param data  the values in C order, length = product of {@code shape}
     */
    public record FloatArray(int[] shape, float[] data) {
        public FloatArray {
            Objects.requireNonNull(shape, "shape");
            Objects.requireNonNull(data, "data");
            if (shape.length < 1 || shape.length > 2)
                throw new IllegalArgumentException("only 1-D and 2-D arrays are supported, got shape " + Arrays.toString(shape));
            long n = 1;
            for (int d : shape) n *= d;
            if (n != data.length)
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got " + data.length);
        }

        /** As [rows][cols]; a 1-D array of n values becomes a single row [1][n]. */
        public float[][] toMatrix() {
            int rows = shape.length == 2 ? shape[0] : 1, cols = shape[shape.length - 1];
            float[][] m = new float[rows][];
            for (int r = 0; r < rows; r++) m[r] = Arrays.copyOfRange(data, r * cols, (r + 1) * cols);
            return m;
        }
    }

    /** Encodes {@code matrix} ([rows][cols], every row {@code cols} long; rows may be 0) as .npy bytes. */
    public static byte[] encode(float[][] matrix, int cols) {
        if (cols < 0) throw new IllegalArgumentException("cols must be >= 0, got " + cols);
        for (int r = 0; r < matrix.length; r++)
            if (matrix[r].length != cols)
                throw new IllegalArgumentException("row " + r + " has " + matrix[r].length + " values, expected [" + matrix.length + ", " + cols + "]");
        ByteBuffer out = allocate(new int[]{matrix.length, cols});
        for (float[] row : matrix) for (float v : row) out.putFloat(v);
        return out.array();
    }

    /** Encodes a vector as a 1-D .npy array of shape (n,). */
    public static byte[] encode(float[] vector) {
        ByteBuffer out = allocate(new int[]{vector.length});
        for (float v : vector) out.putFloat(v);
        return out.array();
    }

    /** Writes {@code matrix} ([rows][cols]) to {@code file}, replacing it. */
    public static void write(Path file, float[][] matrix, int cols) throws IOException {
        Files.write(file, encode(matrix, cols));
    }

    public static void write(Path file, float[] vector) throws IOException {
        Files.write(file, encode(vector));
    }

    public static FloatArray read(Path file) throws IOException {
        try {
            return decode(Files.readAllBytes(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Decodes .npy bytes; throws IllegalArgumentException saying what is wrong (magic, dtype, order, shape, size). */
    public static FloatArray decode(byte[] bytes) {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC))
            throw new IllegalArgumentException("not an .npy file (missing the \\x93NUMPY magic)");
        int major = bytes[6] & 0xff;
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength;
        int dataStart;
        switch (major) {
            case 1 -> { headerLength = in.getShort(8) & 0xffff; dataStart = 10; }
            case 2, 3 -> { headerLength = bytes.length < 12 ? -1 : in.getInt(8) & 0xffffffffL; dataStart = 12; }
            default -> throw new IllegalArgumentException(".npy format version " + major + " is not supported (1-3 are)");
        }
        if (headerLength < 0 || dataStart + headerLength > bytes.length)
            throw new IllegalArgumentException(".npy header of " + headerLength + " bytes runs past the end of the file");
        String header = new String(bytes, dataStart, (int) headerLength, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int[] shape = parseHeader(header);
        dataStart += (int) headerLength;
        long n = 1;
        for (int d : shape) n *= d;
        if (bytes.length - dataStart != n * Float.BYTES)
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n * Float.BYTES
                    + " data bytes, the file has " + (bytes.length - dataStart) + " (truncated or corrupt)");
        float[] data = new float[(int) n];
        in.position(dataStart);
        in.asFloatBuffer().get(data);
        return new FloatArray(shape, data);
    }

    /** The header dict for {@code shape} padded per NPY 1.0, e.g. {@code {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }}. */
    static String header(int[] shape) {
        String dims = shape.length == 1 ? shape[0] + "," : shape[0] + ", " + shape[1];
        StringBuilder h = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }");
        int unpadded = MAGIC.length + 4 + h.length() + 1;
        h.repeat(' ', (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT).append('\n');
        return h.toString();
    }

    private static ByteBuffer allocate(int[] shape) {
        byte[] header = header(shape).getBytes(StandardCharsets.ISO_8859_1);
        long n = 1;
        for (int d : shape) n *= d;
        long size = MAGIC.length + 4L + header.length + n * Float.BYTES;
        if (size > Integer.MAX_VALUE - 16)
            throw new IllegalArgumentException("array of shape " + Arrays.toString(shape) + " is too large for one .npy buffer");
        ByteBuffer out = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length).put(header);
        return out;
    }

    private static int[] parseHeader(String header) {
        Matcher descr = DESCR.matcher(header), fortran = FORTRAN.matcher(header), shape = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shape.find())
            throw new IllegalArgumentException(".npy header lacks descr, fortran_order or shape: " + header.strip());
        if (!descr.group(1).equals("<f4"))
            throw new IllegalArgumentException(".npy dtype is '" + descr.group(1) + "'; only little-endian float32 '<f4' is read");
        if (fortran.group(1).equals("True"))
            throw new IllegalArgumentException(".npy array is in Fortran order; only C order is read");
        String[] parts = shape.group(1).split(",");
        int[] dims = Arrays.stream(parts).map(String::strip).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        if (dims.length < 1 || dims.length > 2)
            throw new IllegalArgumentException(".npy shape (" + shape.group(1) + ") has " + dims.length + " dimensions; only 1-D and 2-D are read");
        for (int d : dims) if (d < 0) throw new IllegalArgumentException(".npy shape (" + shape.group(1) + ") has a negative dimension");
        return dims;
    }
}
