package io.shiftwatch.dashboards.internal;

import io.shiftwatch.dashboards.internal.ConceptViews.Hit;
import io.shiftwatch.dashboards.internal.ConceptViews.SearchResult;
import io.shiftwatch.migrations.VectorSearch;
import io.shiftwatch.migrations.VectorTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Concept search. By word: the concepts whose text grounding contains the word (best rank first); the
 * best of them is then the query. By concept: its vector is the query. Neighbours come from
 * migrations' {@link VectorSearch#nearest} (the per-dimension HNSW index), across all runs and steps.
 */
public final class SearchQueries {
    public static final int GROUNDING_LIMIT = 20;
    private static final String BY_WORD = """
            SELECT concept_id FROM concept_words WHERE word = ? ORDER BY rank, concept_id LIMIT %d""".formatted(GROUNDING_LIMIT);
    private static final String VECTOR = "SELECT vec::text AS vec FROM concepts WHERE concept_id = ?";
    private static final String DESCRIBE = """
            SELECT co.concept_id, co.idx, d.target, d.layer, d.is_base, d.model_hash, a.run_id, a.step,
              (SELECT m.base_concept FROM concept_matches m WHERE m.analysis_id = a.analysis_id AND m.target = d.target
                 AND m.layer = d.layer AND m.matched_concept = co.idx LIMIT 1) AS base_concept,
              array(SELECT w.word FROM concept_words w WHERE w.concept_id = co.concept_id ORDER BY w.rank LIMIT 6) AS words
            FROM concepts co JOIN concept_dictionaries d ON d.dictionary_id = co.dictionary_id
              LEFT JOIN analyses a ON a.analysis_id = d.analysis_id
            WHERE co.concept_id = ANY (?)""";

    private SearchQueries() {
    }

    /** Concepts grounding {@code word} and the neighbours of the best of them. */
    public static SearchResult byWord(Connection c, String word, int k) throws SQLException {
        String w = word.strip().toLowerCase(Locale.ROOT);
        List<Long> ids = Sql.list(c, BY_WORD, rs -> rs.getLong(1), w);
        List<Hit> grounding = describe(c, ids, Map.of());
        if (ids.isEmpty()) return new SearchResult(w, null, grounding, List.of());
        return new SearchResult(w, ids.getFirst(), grounding, neighbours(c, ids.getFirst(), k).orElse(List.of()));
    }

    /** The neighbours of a stored concept, or empty when no concept has this id. */
    public static Optional<SearchResult> byConcept(Connection c, long conceptId, int k) throws SQLException {
        return neighbours(c, conceptId, k).map(n -> new SearchResult(null, conceptId, List.of(), n));
    }

    private static Optional<List<Hit>> neighbours(Connection c, long conceptId, int k) throws SQLException {
        List<String> vec = Sql.list(c, VECTOR, rs -> rs.getString("vec"), conceptId);
        if (vec.isEmpty()) return Optional.empty();
        List<VectorSearch.Hit> hits = VectorSearch.nearest(c, VectorTable.CONCEPTS, parseVector(vec.getFirst()), k + 1);
        Map<Long, Double> cosine = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        for (VectorSearch.Hit h : hits) {
            long id = Long.parseLong(h.id());
            if (id == conceptId || ids.size() == k) continue;
            ids.add(id);
            cosine.put(id, h.cosine());
        }
        return Optional.of(describe(c, ids, cosine));
    }

    /** Parses pgvector's text form "[1,2.5,-3]". */
    public static float[] parseVector(String text) {
        String body = text.strip();
        if (!body.startsWith("[") || !body.endsWith("]")) throw new IllegalArgumentException("not a vector literal: " + text);
        String[] parts = body.substring(1, body.length() - 1).split(",");
        float[] v = new float[parts.length];
        for (int i = 0; i < parts.length; i++) v[i] = Float.parseFloat(parts[i].strip());
        return v;
    }

    private static List<Hit> describe(Connection c, List<Long> ids, Map<Long, Double> cosine) throws SQLException {
        if (ids.isEmpty()) return List.of();
        Map<Long, Hit> byId = new HashMap<>();
        for (Hit h : Sql.list(c, DESCRIBE, rs -> new Hit(rs.getLong("concept_id"), cosine.get(rs.getLong("concept_id")),
                rs.getBoolean("is_base"), rs.getString("model_hash"), rs.getString("run_id"), Sql.lng(rs, "step"),
                rs.getString("target"), rs.getInt("layer"), rs.getInt("idx"),
                rs.getBoolean("is_base") ? Integer.valueOf(rs.getInt("idx")) : Sql.integer(rs, "base_concept"),
                Sql.texts(rs, "words")), c.createArrayOf("bigint", ids.toArray()))) byId.put(h.conceptId(), h);
        return ids.stream().map(byId::get).filter(h -> h != null).toList();
    }
}
