package io.shiftwatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one benchmark: machine facts, the command that produced it, and rows of named
 * columns (insertion order kept). Printed as a Markdown table and written as JSON.
 */
public final class Report {
    private final String name;
    private final String command;
    private final Machine machine;
    private final List<String> notes = new ArrayList<>();
    private final List<Map<String, Object>> rows = new ArrayList<>();

    public Report(String name, String command, Machine machine) {
        this.name = name;
        this.command = command;
        this.machine = machine;
    }

    /** Adds a row; values are numbers or strings. */
    public void row(Map<String, Object> row) {
        rows.add(new LinkedHashMap<>(row));
    }

    public void note(String note) {
        notes.add(note);
    }

    public List<Map<String, Object>> rows() {
        return List.copyOf(rows);
    }

    /** Prints the table (Markdown) to {@code out}. */
    public void print(PrintStream out) {
        out.println("## " + name);
        out.println("command: " + command);
        out.println(machine.summary());
        if (!rows.isEmpty()) {
            List<String> columns = new ArrayList<>(rows.getFirst().keySet());
            out.println("| " + String.join(" | ", columns) + " |");
            out.println("|" + "---|".repeat(columns.size()));
            for (Map<String, Object> row : rows) {
                List<String> cells = columns.stream().map(c -> format(row.get(c))).toList();
                out.println("| " + String.join(" | ", cells) + " |");
            }
        }
        notes.forEach(n -> out.println("note: " + n));
    }

    /** Writes {@code <dir>/<name>.json} and returns its path. */
    public Path writeJson(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".json");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", name);
        json.put("command", command);
        json.put("machine", machine);
        json.put("rows", rows);
        json.put("notes", notes);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        return file;
    }

    static String format(Object value) {
        if (value instanceof Double d) {
            double a = Math.abs(d);
            return a != 0 && (a < 1e-3 || a >= 1e6) ? String.format("%.4e", d) : String.format("%.4g", d);
        }
        return String.valueOf(value);
    }
}
