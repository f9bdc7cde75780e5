package io.shiftwatch.auditor.report;

import io.shiftwatch.migrations.Queries;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small JDBC and JSON helpers of the report loader: prepared statements only, nulls kept as nulls. */
final class Rows {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Rows() {
    }

    /** Maps one result row. */
    @FunctionalInterface
    interface RowMapper<T> extends Queries.RowReader<T> {
    }

    /** Runs {@code sql} with {@code params} bound in order and maps every row. */
    static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        return Queries.list(c, sql, mapper, params);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    /** Top-level fields of a JSON object as sorted text (arrays joined with ", "); empty for bad JSON. */
    static Map<String, String> flatObject(String json) {
        Map<String, String> out = new TreeMap<>();
        JsonNode node = tree(json);
        if (node == null || !node.isObject()) return out;
        node.properties().forEach(e -> out.put(e.getKey(), text(e.getValue())));
        return out;
    }

    /** Numeric top-level fields of a JSON object (e.g. stage timings in ms), sorted by name. */
    static Map<String, Long> longs(String json) {
        Map<String, Long> out = new TreeMap<>();
        JsonNode node = tree(json);
        if (node == null || !node.isObject()) return out;
        node.properties().forEach(e -> {
            if (e.getValue().isNumber()) out.put(e.getKey(), e.getValue().asLong());
        });
        return out;
    }

    private static String text(JsonNode v) {
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(item -> items.add(item.isValueNode() ? item.asText() : item.toString()));
            return String.join(", ", items);
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static JsonNode tree(String json) {
        if (json == null) return null;
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
