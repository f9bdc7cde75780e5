package io.shiftwatch.dashboards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.GZIPInputStream;

/**
 * The real analysed testbed run the ITs show: the data of one `./shiftwatch demo` run (bias scenario,
 * doctor captions take on "woman"), dumped by src/test/resources/real-run/regenerate.sh into
 * {@code real-run/demo-run.sql.gz}. {@link #load} writes it into a migrated database in one transaction;
 * the facts below are those of that dump (checked by the tests, so a regenerated dump that changes them
 * fails loudly instead of silently testing something else).
 */
final class RealRun {
    static final String DUMP = "/real-run/demo-run.sql.gz";
    static final String RUN = "demo-bias-doctor-woman-0.95-20261201T035103";
    static final int CHECKPOINTS = 4;
    static final long LAST_STEP = 200;

    private RealRun() {
    }

    /** Loads the dump into {@code c} (a database migrated to the current schema), all or nothing. */
    static void load(Connection c) throws SQLException {
        String sql;
        try (InputStream in = RealRun.class.getResourceAsStream(DUMP)) {
            if (in == null) throw new IllegalStateException(DUMP + " is not on the test classpath; regenerate it with real-run/regenerate.sh");
            sql = new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + DUMP + " failed; nothing was loaded", e);
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute(sql);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** The scenario plants "woman" into captions of doctors: the planted concepts are those of the target "doctor". */
    private static final String PLANTED = "FROM findings WHERE run_id = ? AND type = 'BIAS_ABSORBING' AND target = 'doctor'"
            + " AND state IN ('RAISED', 'UPDATED') ORDER BY last_seen_step DESC, concept LIMIT 1";

    /** The id of an open BIAS_ABSORBING finding on a planted (doctor) concept, the latest one. */
    static String biasFinding(Connection c) throws SQLException {
        return single(c, "SELECT finding_id " + PLANTED);
    }

    /** "target/layer/concept" of {@link #biasFinding}. */
    static String biasConcept(Connection c) throws SQLException {
        return single(c, "SELECT target || '/' || layer || '/' || concept " + PLANTED);
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, RUN);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("the real-run dump has no open BIAS_ABSORBING finding on a doctor concept of " + RUN);
                return rs.getString(1);
            }
        }
    }
}
