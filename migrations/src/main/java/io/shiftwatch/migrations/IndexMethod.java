package io.shiftwatch.migrations;

/**
 * pgvector's two index access methods for a {@link VectorIndexes} index; the indexed expression, the {@code dim = N}
 * predicate and the exact re-rank of {@link VectorSearch} are the same for both, only the structure differs.
 * <ul>
 *   <li>{@link Hnsw}: a navigable graph (pgvector's defaults m 16, ef_construction 64), searched with
 *       {@code hnsw.ef_search}. Built row by row; it stays good as the table grows. The application's default.</li>
 *   <li>{@link Ivfflat}: {@code lists} k-means centres trained on a sample of the rows present AT BUILD TIME, every row
 *       filed under its nearest centre; a query scans the rows of its {@code ivfflat.probes} nearest lists. Cheap to
 *       build (one k-means on 50 rows per list + one assignment pass), but the centres never move: rows added later are
 *       filed under the old centres, so a store that grows well past its build size (or whose concepts change) must
 *       rebuild the index ({@link #rebuildDue}) or recall falls and lists grow long.</li>
 * </ul>
 */
public sealed interface IndexMethod permits IndexMethod.Hnsw, IndexMethod.Ivfflat {
    /** The HNSW method (no build parameters beyond pgvector's defaults). */
    IndexMethod HNSW = new Hnsw();

    /** The access method's name in {@code CREATE INDEX ... USING name}, also part of the index name. */
    String accessMethod();

    /** HNSW with pgvector's default graph parameters. */
    record Hnsw() implements IndexMethod {
        @Override
        public String accessMethod() {
            return "hnsw";
        }
    }

    /**
     * IVFFlat with {@code lists} inverted lists, 1..32,768 (pgvector's range). pgvector's guidance: rows / 1,000 up to
     * a million rows, sqrt(rows) above ({@link #forRows}).
     */
    record Ivfflat(int lists) implements IndexMethod {
        /** pgvector's limit for {@code lists} (and so for {@code ivfflat.probes}). */
        public static final int MAX_LISTS = 32768;
        /**
         * A list count fits a table from a quarter to 4x the rows it was chosen for; past 4x growth a rebuild is due:
         * lists 4x longer than planned make every probe 4x as costly. Recall held through 4x growth of the concepts
         * already there (0.931 vs 0.942 fresh at 1 probe, 0.995 vs 0.996 at 4; BENCHMARKS.md session 6, run G); concepts
         * that appear after the build were not measured.
         */
        public static final int GROWTH_BEFORE_REBUILD = 4;

        public Ivfflat {
            if (lists < 1 || lists > MAX_LISTS) {
                throw new IllegalArgumentException("ivfflat lists must be in 1.." + MAX_LISTS + " (pgvector's range), got " + lists);
            }
        }

        /** pgvector's starting point for a table of {@code rows}: rows / 1,000 up to 1M rows, sqrt(rows) above; at least 1. */
        public static Ivfflat forRows(long rows) {
            if (rows < 0) throw new IllegalArgumentException("row count must be >= 0, got " + rows);
            long lists = rows <= 1_000_000 ? rows / 1000 : (long) Math.sqrt((double) rows);
            return new Ivfflat((int) Math.clamp(lists, 1, MAX_LISTS));
        }

        @Override
        public String accessMethod() {
            return "ivfflat";
        }
    }

    /**
     * True when an IVFFlat index built over {@code rowsAtBuild} rows should be rebuilt now that the table holds
     * {@code rowsNow}: after {@link Ivfflat#GROWTH_BEFORE_REBUILD}x growth (or for an index built over an empty
     * table, as soon as rows exist); never for HNSW, whose graph takes new rows as they come.
     */
    static boolean rebuildDue(IndexMethod method, long rowsAtBuild, long rowsNow) {
        if (rowsAtBuild < 0 || rowsNow < 0) throw new IllegalArgumentException("row counts must be >= 0, got " + rowsAtBuild + ", " + rowsNow);
        return switch (method) {
            case Hnsw h -> false;
            case Ivfflat i -> rowsAtBuild == 0 ? rowsNow > 0 : rowsNow > (long) Ivfflat.GROWTH_BEFORE_REBUILD * rowsAtBuild;
        };
    }
}
