package io.shiftwatch.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The read side's one way to run a query: a prepared statement with every value bound as a parameter
 * (never spliced into the SQL text), each row mapped by the caller. Used by reports and dashboards.
 */
public final class Queries {
    private Queries() {
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} with {@code params} bound in order and maps every row; never null. */
    public static <T> List<T> list(Connection c, String sql, RowReader<T> reader, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(reader.read(rs));
                return out;
            }
        }
    }
}
