package io.shiftwatch.auditor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sensitive words by category (category → lower-case words, both never null or blank). The
 * built-in lexicon ({@link #builtIn}) has small lists for gender, ethnicity, religion, age and
 * disability; a file {@code <category>.txt} (one word per line, {@code #} comments) adds or
 * replaces a category ({@link #withFiles}). Look-ups are case-insensitive.
 */
public record SensitiveLexicon(Map<String, Set<String>> categories) {
    public static final List<String> BUILT_IN_CATEGORIES = List.of("gender", "ethnicity", "religion", "age", "disability");

    public SensitiveLexicon {
        Map<String, Set<String>> copy = new TreeMap<>();
        categories.forEach((category, words) -> {
            if (category == null || !category.matches("[a-z][a-z0-9_-]*")) {
                throw new IllegalArgumentException("lexicon category must be a lower-case name but was \"" + category + "\"");
            }
            Set<String> normalised = new TreeSet<>();
            words.forEach(w -> normalised.add(w.trim().toLowerCase(Locale.ROOT)));
            normalised.remove("");
            copy.put(category, Set.copyOf(normalised));
        });
        categories = Map.copyOf(copy);
    }

    /** The lexicon shipped with the auditor (resources io/shiftwatch/auditor/lexicon/*.txt). */
    public static SensitiveLexicon builtIn() {
        Map<String, Set<String>> categories = new TreeMap<>();
        for (String category : BUILT_IN_CATEGORIES) {
            String resource = "lexicon/" + category + ".txt";
            try (InputStream in = SensitiveLexicon.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("built-in lexicon " + resource + " is missing from the auditor jar");
                }
                categories.put(category, words(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read built-in lexicon " + resource, e);
            }
        }
        return new SensitiveLexicon(categories);
    }

    /** This lexicon with each {@code <category>.txt} file adding or replacing that category. */
    public SensitiveLexicon withFiles(List<Path> files) {
        Map<String, Set<String>> merged = new TreeMap<>(categories);
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (!name.endsWith(".txt")) {
                throw new IllegalArgumentException("lexicon file " + file + " must be named <category>.txt");
            }
            try {
                merged.put(name.substring(0, name.length() - 4).toLowerCase(Locale.ROOT), words(Files.readAllLines(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read lexicon file " + file + "; the auditor does not start", e);
            }
        }
        return new SensitiveLexicon(merged);
    }

    /** Parses lexicon lines: one word per line, blank lines and {@code #} comments ignored. */
    public static Set<String> words(List<String> lines) {
        Set<String> words = new TreeSet<>();
        for (String line : lines) {
            String word = line.strip();
            if (!word.isEmpty() && !word.startsWith("#")) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /** The category of {@code word} (first in name order when several hold it), empty when not sensitive. */
    public Optional<String> categoryOf(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return categories.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> e.getValue().contains(w)).map(Map.Entry::getKey).findFirst();
    }

    /** Every category name, sorted. */
    public List<String> categoryNames() {
        return new ArrayList<>(new TreeSet<>(categories.keySet()));
    }
}
