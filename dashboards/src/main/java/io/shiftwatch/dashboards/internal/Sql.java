package io.shiftwatch.dashboards.internal;

import io.shiftwatch.migrations.Queries;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Prepared-statement helpers for the read side: every value is bound as a parameter, never spliced
 * into the SQL text. Column readers map SQL NULL to Java null.
 */
final class Sql {
    private Sql() {
    }

    /** Reads one row into a value. */
    @FunctionalInterface
    interface Row<T> extends Queries.RowReader<T> {
    }

    static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        return Queries.list(c, sql, row, params);
    }

    static Double dbl(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static Long lng(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static List<String> texts(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        if (a == null) return List.of();
        return Arrays.stream((Object[]) a.getArray()).map(String::valueOf).toList();
    }

    static double[] doubles(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        if (a == null) return new double[0];
        Object[] values = (Object[]) a.getArray();
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) out[i] = ((Number) values[i]).doubleValue();
        return out;
    }
}
