package io.shiftwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one of the bench's Python baselines (a script in this jar's resources) with a given
 * interpreter and reads the JSON line it prints last. A failing script is an error naming the
 * interpreter, the script and its output.
 */
public final class Python {
    private final String interpreter;

    public Python(String interpreter) {
        this.interpreter = interpreter;
    }

    /** Runs {@code script} (resource name beside this class) with {@code args}; returns its JSON result. */
    public JsonNode run(String script, List<String> args) throws IOException, InterruptedException {
        Path file = Files.createTempFile("shiftwatch-bench-", ".py");
        try (InputStream in = Python.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException("bench resource " + script + " is missing from the jar");
            }
            Files.write(file, in.readAllBytes());
            List<String> command = new ArrayList<>(List.of(interpreter, file.toString()));
            command.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            String[] lines = output.strip().split("\n");
            if (exit != 0 || lines.length == 0 || !lines[lines.length - 1].startsWith("{")) {
                throw new IOException(interpreter + " " + script + " failed (exit " + exit + "); the baseline is missing "
                        + "(install Debian python3-sklearn / python3-torch or pass --python): " + output);
            }
            return new ObjectMapper().readTree(lines[lines.length - 1]);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The numbers of a JSON array as doubles. */
    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
