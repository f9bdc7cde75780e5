package io.shiftwatch.bench;

import io.shiftwatch.migrations.VectorIndexes;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads a {@link ConceptVectorSet} into {@code concepts} with one binary {@code COPY} in one
 * transaction (one dictionary row first, for the foreign key). Vectors go in pgvector's binary form
 * (int16 dim, int16 0, float4 x dim, big-endian), so nothing is formatted as text.
 */
final class ConceptCopy {
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final int FLUSH_BYTES = 1 << 20;

    private ConceptCopy() {
    }

    /** Loads rows 0..n-1 of {@code set}; returns the seconds it took. Shows progress on stderr. */
    static double load(Connection c, ConceptVectorSet set, int n) throws SQLException, IOException {
        return load(c, set, 0, n);
    }

    /**
     * Loads rows {@code from..to-1} of {@code set} (the dictionary row with the first batch, {@code from = 0}), so a table
     * can grow in steps (an index built in between); returns the seconds it took.
     */
    static double load(Connection c, ConceptVectorSet set, int from, int to) throws SQLException, IOException {
        if (from < 0 || to <= from) throw new IllegalArgumentException("rows " + from + ".." + to + " are not a batch");
        long t0 = System.nanoTime();
        c.setAutoCommit(false);
        String dictionary = String.format("%064x", set.dim());
        if (from == 0) insertDictionary(c, dictionary, set.dim(), to);
        byte[] dict = dictionary.getBytes(StandardCharsets.UTF_8);
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY concepts (dictionary_id, idx, vec, dim, norm, sample_count) FROM STDIN (FORMAT binary)");
        try {
            var buffer = new ByteArrayOutputStream(FLUSH_BYTES + 32 * set.dim());
            var out = new DataOutputStream(buffer);
            out.write(HEADER);
            for (int i = from; i < to; i++) {
                writeRow(out, dict, i, set.row(i));
                if (buffer.size() >= FLUSH_BYTES) flush(copy, buffer);
                if ((i + 1) % 50_000 == 0) System.err.printf("pgvector: D=%d copied %d/%d rows%n", set.dim(), i + 1, to);
            }
            out.writeShort(-1);
            flush(copy, buffer);
            copy.endCopy();
        } finally {
            if (copy.isActive()) copy.cancelCopy();
        }
        c.commit();
        c.setAutoCommit(true);
        return Timing.secondsSince(t0);
    }

    private static void writeRow(DataOutputStream out, byte[] dict, int idx, float[] v) throws IOException {
        out.writeShort(6);
        out.writeInt(dict.length);
        out.write(dict);
        out.writeInt(4);
        out.writeInt(idx);
        out.writeInt(4 + 4 * v.length);
        out.writeShort(v.length);
        out.writeShort(0);
        for (float x : v) out.writeFloat(x);
        out.writeInt(4);
        out.writeInt(v.length);
        out.writeInt(8);
        out.writeDouble(1.0);
        out.writeInt(4);
        out.writeInt(1);
    }

    private static void flush(CopyIn copy, ByteArrayOutputStream buffer) throws SQLException {
        byte[] bytes = buffer.toByteArray();
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.reset();
    }

    private static void insertDictionary(Connection c, String dictionary, int dim, int n) throws SQLException {
        VectorIndexes.schemeFor(dim); // rejects widths no index scheme can hold, before loading anything
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO concept_dictionaries (dictionary_id, model_hash,"
                + " probe_set_hash, target, layer, method, k, seed, config_hash, sample_count, is_base)"
                + " VALUES (?, 'bench', 'bench', 'bench', 0, 'KMEANS', ?, 1, ?, ?, true)")) {
            ps.setString(1, dictionary);
            ps.setInt(2, n);
            ps.setString(3, "bench-d" + dim);
            ps.setInt(4, n);
            ps.executeUpdate();
        }
    }
}
