package io.shiftwatch.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void printsMachineCommandAndAMarkdownTableInColumnOrder() {
        // Given
        Report report = new Report("kmeans", "./shiftwatch bench kmeans", new Machine(2, 3.5, "jvm", "os", "t"));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("M", 2000);
        row.put("ratio", 0.75);
        report.row(row);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        // When
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        // Then
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("command: ./shiftwatch bench kmeans"), text);
        assertTrue(text.contains("2 cores (shared), load average 3.50 at start"), text);
        assertTrue(text.contains("| M | ratio |\n|---|---|\n| 2000 | 0.7500 |"), text);
    }
}
