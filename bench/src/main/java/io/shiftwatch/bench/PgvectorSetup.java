package io.shiftwatch.bench;

import io.shiftwatch.migrations.IndexMethod;
import io.shiftwatch.migrations.SearchTuning;
import io.shiftwatch.migrations.VectorIndexes;
import java.util.ArrayList;
import java.util.List;

/** Options of one {@link PgvectorBench} run, validated once (before anything is loaded). */
record PgvectorSetup(int queries, int exactQueries, int[] efSearch, int[] overfetch, int centres, double noise, String maintenanceMemory,
        int workers, List<VectorIndexes.Scheme> schemes, boolean prewarm, List<String> indexes, int[] lists, int[] probes,
        int growFrom) {
    static PgvectorSetup of(Options o) {
        String mem = o.string("maintenance-work-mem", "2GB");
        if (!mem.matches("[0-9]+(MB|GB)")) throw new IllegalArgumentException("--maintenance-work-mem must look like 512MB or 4GB, got " + mem);
        List<String> indexes = List.of(o.string("index", "hnsw").split(","));
        for (String index : indexes) {
            if (!index.equals("hnsw") && !index.equals("ivfflat")) throw new IllegalArgumentException("--index takes hnsw, ivfflat; got '" + index + "'");
        }
        int[] lists = o.ints("lists", new int[0]);
        for (int l : lists) new IndexMethod.Ivfflat(l); // validates the range now, not after the load
        int[] probes = o.ints("probes", new int[] {1, 2, 4, 8, 16});
        for (int p : probes) new SearchTuning(SearchTuning.DEFAULT_EF_SEARCH, 1, p);
        int growFrom = o.integer("grow-from", 0);
        if (growFrom < 0) throw new IllegalArgumentException("--grow-from must be >= 0 (0 = index built over all rows), got " + growFrom);
        return new PgvectorSetup(o.integer("queries", 100), o.integer("exact-queries", 10), o.ints("ef-search", new int[] {40, 100, 200}),
                o.ints("overfetch", new int[] {10, 20, 40}), o.integer("centres", 2000), o.number("noise", 0.5),
                mem, o.integer("workers", 1), schemes(o.string("schemes", "default")), yesNo("prewarm", o.string("prewarm", "no")),
                indexes, lists, probes, growFrom);
    }

    /** The index methods to build over {@code n} rows, in the order asked; IVFFlat once per --lists, else pgvector's guidance. */
    List<IndexMethod> methods(int n) {
        List<IndexMethod> methods = new ArrayList<>();
        for (String name : indexes) {
            if (name.equals("hnsw")) methods.add(IndexMethod.HNSW);
            else if (lists.length == 0) methods.add(IndexMethod.Ivfflat.forRows(n));
            else for (int l : lists) methods.add(new IndexMethod.Ivfflat(l));
        }
        return methods;
    }

    private static boolean yesNo(String name, String value) {
        return switch (value) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new IllegalArgumentException("--" + name + " takes yes or no, got '" + value + "'");
        };
    }

    /**
     * The tunings measured on an index of {@code scheme}: every ef_search, times every over-fetch for the
     * re-ranked schemes (over-fetch 1 for full precision), then the scheme's default if not among them.
     */
    List<SearchTuning> tunings(VectorIndexes.Scheme scheme, IndexMethod method) {
        List<SearchTuning> tunings = new ArrayList<>();
        int[] sweep = method instanceof IndexMethod.Ivfflat ? probes : efSearch;
        for (int value : sweep) {
            for (int f : scheme.reranked() ? overfetch : new int[] {1}) {
                tunings.add(method instanceof IndexMethod.Ivfflat ? new SearchTuning(SearchTuning.DEFAULT_EF_SEARCH, f, value)
                        : new SearchTuning(value, f));
            }
        }
        SearchTuning fallback = SearchTuning.defaults(scheme);
        if (!tunings.contains(fallback)) tunings.add(fallback);
        return tunings;
    }

    /** The index schemes to compare at width {@code dim}: the listed ones that fit it, else the application's. */
    List<VectorIndexes.Scheme> schemesFor(int dim) {
        List<VectorIndexes.Scheme> fitting = schemes.stream().filter(s -> s.fits(dim)).toList();
        return fitting.isEmpty() ? List.of(VectorIndexes.schemeFor(dim)) : fitting;
    }

    private static List<VectorIndexes.Scheme> schemes(String list) {
        List<VectorIndexes.Scheme> schemes = new ArrayList<>();
        for (String name : list.split(",")) {
            switch (name.strip()) {
                case "default" -> { }
                case "vector" -> schemes.add(VectorIndexes.Scheme.VECTOR);
                case "halfvec" -> schemes.add(VectorIndexes.Scheme.HALFVEC);
                case "prefix" -> schemes.add(VectorIndexes.Scheme.HALFVEC_PREFIX);
                case "binary" -> schemes.add(VectorIndexes.Scheme.BINARY_QUANTIZED);
                default -> throw new IllegalArgumentException("--schemes takes default, vector, halfvec, prefix, binary; got '" + name + "'");
            }
        }
        return schemes;
    }
}
