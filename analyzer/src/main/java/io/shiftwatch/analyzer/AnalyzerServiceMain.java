package io.shiftwatch.analyzer;

import java.util.List;

/** {@code ./shiftwatch analyzer}: wires and runs the Kafka service (see service.AnalyzerService). */
final class AnalyzerServiceMain {
    private AnalyzerServiceMain() {
    }

    static int run(List<String> args) {
        System.err.println("the analyzer service is not wired in this build yet; use 'shiftwatch analyze' for offline analysis");
        return 2;
    }
}
