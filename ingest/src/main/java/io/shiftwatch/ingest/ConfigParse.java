package io.shiftwatch.ingest;

import java.util.List;

/** The outcome of parsing configuration: the values, or every problem found (never just the first). */
public sealed interface ConfigParse {
    record Parsed(Config config) implements ConfigParse {
    }

    record Problems(List<String> problems) implements ConfigParse {
        public Problems {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("Problems needs at least one problem");
            }
        }

        /** All problems, one per line, ready to print. */
        public String report() {
            return "configuration has " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems);
        }
    }
}
