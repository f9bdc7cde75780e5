package io.shiftwatch.analyzer.extraction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Npy against the reference implementation: python3 with numpy reads our files and writes files we read. */
class NpyNumpyIT {
    @TempDir
    Path dir;

    @BeforeAll
    static void numpyIsInstalled() throws Exception {
        Result r = python("import numpy");
        if (r.exitCode() != 0)
            fail("python3 with numpy is needed to check .npy files against numpy; install it with"
                    + " `apt-get install python3-numpy` (python3 said: " + r.output().strip() + ")");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result python(String script, String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(List.of("python3", "-c", script));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(127, "python3 not found: " + e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    private static float[][] randomMatrix(int rows, int cols, long seed) {
        var random = new SplittableRandom(seed);
        float[][] m = new float[rows][cols];
        for (float[] row : m) for (int c = 0; c < cols; c++) row[c] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-20, 20)));
        return m;
    }

    @Test
    void numpyReadsOurMatrixWithTheSameShapeDtypeAndValues() throws Exception {
        // Given
        float[][] matrix = randomMatrix(7, 5, 1L);
        matrix[0][0] = -0f;
        matrix[0][1] = Float.MIN_VALUE;
        matrix[0][2] = Float.MAX_VALUE;
        Path file = dir.resolve("m.npy");
        Npy.write(file, matrix, 5);

        // When
        Result r = python("""
                import sys, numpy as np
                a = np.load(sys.argv[1])
                print(a.dtype.str, a.shape, a.flags['C_CONTIGUOUS'])
                print(' '.join(repr(float(x)) for x in a.ravel()))
                """, file.toString());

        // Then
        assertEquals(0, r.exitCode(), r.output());
        String[] lines = r.output().strip().split("\n");
        assertEquals("<f4 (7, 5) True", lines[0]);
        float[] values = new float[35];
        String[] parts = lines[1].split(" ");
        for (int i = 0; i < parts.length; i++) values[i] = (float) Double.parseDouble(parts[i]);
        float[] expected = new float[35];
        for (int r0 = 0; r0 < 7; r0++) System.arraycopy(matrix[r0], 0, expected, r0 * 5, 5);
        assertEquals(35, parts.length);
        assertArrayEquals(expected, values);
    }

    @Test
    void weReadWhatNumpySaves() throws Exception {
        // Given
        Path file = dir.resolve("from-numpy.npy");
        Result r = python("""
                import sys, numpy as np
                a = (np.arange(24, dtype=np.float32).reshape(4, 6) - 11.5) / 3
                np.save(sys.argv[1], a)
                """, file.toString());
        assertEquals(0, r.exitCode(), r.output());

        // When
        Npy.FloatArray array = Npy.read(file);

        // Then
        assertArrayEquals(new int[]{4, 6}, array.shape());
        float[] expected = new float[24];
        for (int i = 0; i < 24; i++) expected[i] = (float) ((float) i - 11.5f) / 3f;
        assertArrayEquals(expected, array.data(), Arrays.toString(array.data()));
    }

    @Test
    void numpyReadsAVectorAndAnEmptyMatrix() throws Exception {
        // Given
        Path vector = dir.resolve("v.npy"), empty = dir.resolve("e.npy");
        Npy.write(vector, new float[]{1.5f, -2f, 3f});
        Npy.write(empty, new float[0][], 128);

        // When
        Result r = python("""
                import sys, numpy as np
                v, e = np.load(sys.argv[1]), np.load(sys.argv[2])
                print(v.shape, v.tolist(), e.shape, e.dtype.str)
                """, vector.toString(), empty.toString());

        // Then
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("(3,) [1.5, -2.0, 3.0] (0, 128) <f4", r.output().strip());
    }
}
