package io.shiftwatch.migrations;

/**
 * How hard an approximate {@link VectorSearch} looks: {@code efSearch} is pgvector's
 * {@code hnsw.ef_search} (the size of the HNSW candidate list, 1..1000), {@code overfetch} how many
 * index candidates per wanted row are re-ranked by exact cosine (1 = no re-rank; only the halfvec,
 * halfvec-prefix and binary-quantised schemes re-rank), {@code probes} pgvector's {@code ivfflat.probes} (how many of
 * an IVFFlat index's lists a query scans, 1..32,768; used only when the index found is an IVFFlat one). The scan is
 * asked for {@code k * overfetch} candidates and the HNSW candidate list is never smaller than that.
 *
 * <p>Why the defaults (BENCHMARKS.md, pgvector section): ef_search 100 cost about the same as
 * pgvector's 40 at 100k rows (p50 29 vs 28 ms) and leaves headroom for larger tables. A Hamming
 * distance over 4,096 sign bits is too coarse to order the members of one concept: 10x candidates held
 * only 78% of the exact top 10 on 200-member concepts ({@code VectorSearchRecallIT}) and 58% on
 * 500-member ones (bench, 2026-12-01), so binary widths over-fetch 40x, and each candidate's TOASTed
 * vector is re-read. The half-precision prefix of 4,000 coordinates orders them almost like the full
 * cosine: 2x, 4x and 8-10x candidates held the same recall (99.7% on 500-member concepts, 99.9% on
 * 50-member ones at 100k rows; the misses were the HNSW scan's, not the re-rank's) and 2x was the
 * fastest in both runs, so the prefix scheme over-fetches 2x, like the halfvec one. IVFFlat probes 4 (pgvector's
 * default is 1): on 1M x 1024 clustered rows with 1,000 lists, 1 probe already held recall@10 1.000 (p95 9.9 ms) and 4
 * kept it (p95 11.3 ms); on 100k rows with 100 lists (20 concepts per list) 1 probe held 0.980 and 4 held 0.990 for
 * 1.8 ms more at p50 (BENCHMARKS.md, session 6). 4 buys a margin for concepts that k-means split between lists.
 */
public record SearchTuning(int efSearch, int overfetch, int probes) {
    /** pgvector's limits for {@code hnsw.ef_search}. */
    public static final int MAX_EF_SEARCH = 1000;
    /** pgvector's limit for {@code ivfflat.probes} (its largest list count; more probes than lists scan every list). */
    public static final int MAX_PROBES = IndexMethod.Ivfflat.MAX_LISTS;
    public static final int DEFAULT_PROBES = 4;
    public static final int DEFAULT_EF_SEARCH = 100;
    public static final int HALFVEC_OVERFETCH = 2;
    public static final int PREFIX_OVERFETCH = 2;
    public static final int BINARY_OVERFETCH = 40;

    public SearchTuning {
        if (efSearch < 1 || efSearch > MAX_EF_SEARCH) {
            throw new IllegalArgumentException("ef_search must be in 1.." + MAX_EF_SEARCH + " (pgvector's range), got " + efSearch);
        }
        if (overfetch < 1) throw new IllegalArgumentException("overfetch must be >= 1, got " + overfetch);
        if (probes < 1 || probes > MAX_PROBES) {
            throw new IllegalArgumentException("ivfflat probes must be in 1.." + MAX_PROBES + " (pgvector's range), got " + probes);
        }
    }

    /** An HNSW tuning; an IVFFlat index, if that is what the planner finds, is probed {@link #DEFAULT_PROBES} times. */
    public SearchTuning(int efSearch, int overfetch) {
        this(efSearch, overfetch, DEFAULT_PROBES);
    }

    /** This tuning with {@code probes} IVFFlat lists scanned per query. */
    public SearchTuning withProbes(int probes) {
        return new SearchTuning(efSearch, overfetch, probes);
    }

    /** The defaults for a column of width {@code dim}. */
    public static SearchTuning defaults(int dim) {
        return defaults(VectorIndexes.schemeFor(dim));
    }

    /** The defaults for an index of {@code scheme}. */
    public static SearchTuning defaults(VectorIndexes.Scheme scheme) {
        return switch (scheme) {
            case VECTOR -> new SearchTuning(DEFAULT_EF_SEARCH, 1);
            case HALFVEC -> new SearchTuning(DEFAULT_EF_SEARCH, HALFVEC_OVERFETCH);
            case HALFVEC_PREFIX -> new SearchTuning(DEFAULT_EF_SEARCH, PREFIX_OVERFETCH);
            case BINARY_QUANTIZED -> new SearchTuning(DEFAULT_EF_SEARCH, BINARY_OVERFETCH);
        };
    }

    /** How many rows the index scan must return for a top-{@code k} answer. */
    public int candidates(int k) {
        return Math.multiplyExact(k, overfetch);
    }

    /**
     * The {@code hnsw.ef_search} to set for a top-{@code k} query: at least {@link #candidates}, since
     * an HNSW scan without iterative scanning returns at most ef_search rows; capped at pgvector's 1,000
     * (beyond that the iterative scan supplies the rest).
     */
    public int efSearchFor(int k) {
        return Math.min(MAX_EF_SEARCH, Math.max(efSearch, candidates(k)));
    }
}
