package io.shiftwatch.analyzer.service;

import io.shiftwatch.migrations.Database;
import io.shiftwatch.migrations.ProbeSetRows;
import io.shiftwatch.models.ProbeSample;
import io.shiftwatch.models.probe.ProbeSet;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stores each probe set the analyzer uses — its row and every sample with its image as a thumbnail — once,
 * under the digest analyses name it by, so dashboards and reports show the images of any analysis from the
 * database alone. One transaction per probe set (all samples or none); a set already stored is skipped
 * (remembered per process, and checked in the database so restarts and other instances write nothing twice).
 */
final class ProbeSetRegistry {
    private final DataSource dataSource;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    ProbeSetRegistry(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Makes sure the set is stored; returns the number of sample rows written now (0 when it was stored). */
    int register(ProbeSet probes, String digest, Path folder) throws SQLException {
        if (known.contains(digest)) return 0;
        int written = Database.inTransaction(dataSource, c ->
                ProbeSetRows.stored(c, digest) ? 0 : ProbeSetRows.register(c, row(probes, digest, folder)));
        known.add(digest);
        return written;
    }

    /**
     * The database row of a probe set. Its id is the folder's id plus the digest's first 12 characters, since
     * the same folder id may be regenerated with other content.
     */
    static ProbeSetRows.ProbeSetRow row(ProbeSet probes, String digest, Path folder) {
        List<ProbeSetRows.Sample> samples = new ArrayList<>(probes.size());
        for (int i = 0; i < probes.size(); i++) {
            ProbeSample s = probes.samples().get(i);
            samples.add(new ProbeSetRows.Sample(s.id(), s.prompt(), s.expected(), s.answerType(), probes.labels().get(i), s.rgb()));
        }
        String uri = folder == null ? null : folder.toAbsolutePath().normalize().toString();
        return new ProbeSetRows.ProbeSetRow(probes.id() + "@" + digest.substring(0, 12), uri, digest, probes.imageSize(), samples);
    }
}
