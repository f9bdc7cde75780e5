package io.shiftwatch.auditor.report;

import io.shiftwatch.migrations.ProbeSetRows;

import io.shiftwatch.auditor.FindingType;
import io.shiftwatch.auditor.Severity;
import io.shiftwatch.auditor.report.FindingEntry.Acknowledgement;
import io.shiftwatch.auditor.report.FindingEntry.Thumbnail;
import io.shiftwatch.auditor.report.FindingEntry.WordChange;
import io.shiftwatch.auditor.report.GroundingRows.ImageRef;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads a run's findings (most severe first), their acknowledgements, the grounding of the concept
 * before and after (base concept; its match at the last step the finding held) and the thumbnails
 * of their top activating probe samples — from {@code probe_samples.thumbnail_png} when stored, else
 * from the probe set folder.
 */
final class FindingRows {
    private FindingRows() {
    }

    private record Row(String id, FindingType type, Severity severity, String state, String target, int layer,
                       int concept, long first, long last, String evidenceJson) {
    }

    private record Grounding(List<String> words, List<ImageRef> images) {
        static final Grounding NONE = new Grounding(List.of(), List.of());
    }

    static List<FindingEntry> findings(Connection c, String runId, Optional<RunRows.AnalysisRow> primary,
                                       ProbeImages folder) throws SQLException {
        Map<String, List<Acknowledgement>> acks = acknowledgements(c, runId);
        List<FindingEntry> out = new ArrayList<>();
        for (Row r : rows(c, runId)) {
            Grounding before = r.type() == FindingType.EMERGING || primary.isEmpty() ? Grounding.NONE
                    : baseGrounding(c, primary.get(), r);
            Grounding after = primary.isEmpty() ? Grounding.NONE : latestGrounding(c, runId, primary.get(), r);
            var evidence = EvidenceView.of(r.evidenceJson()).withWordsIfMissing(
                    before.words().isEmpty() && after.words().isEmpty() ? null : new WordChange(before.words(), after.words()));
            List<String> missing = new ArrayList<>();
            List<Thumbnail> imagesBefore = thumbnails(c, primary, folder, before.images(), missing);
            List<Thumbnail> imagesAfter = thumbnails(c, primary, folder, after.images(), missing);
            out.add(new FindingEntry(r.id(), r.type(), r.severity(), r.state(), r.target(), r.layer(), r.concept(),
                    r.first(), r.last(), evidence, imagesBefore, imagesAfter, note(missing, folder),
                    acks.getOrDefault(r.id(), List.of())));
        }
        return out;
    }

    private static List<Row> rows(Connection c, String runId) throws SQLException {
        return Rows.query(c, """
                SELECT finding_id, type, severity, state, target, layer, concept, first_seen_step, last_seen_step,
                  evidence::text FROM findings WHERE run_id = ?
                ORDER BY CASE severity WHEN 'CRITICAL' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END, type, target, layer,
                  concept, finding_id""", rs -> new Row(rs.getString(1), FindingType.valueOf(rs.getString(2)),
                Severity.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7),
                rs.getLong(8), rs.getLong(9), rs.getString(10)), runId);
    }

    private static Map<String, List<Acknowledgement>> acknowledgements(Connection c, String runId) throws SQLException {
        Map<String, List<Acknowledgement>> out = new LinkedHashMap<>();
        Rows.query(c, "SELECT a.finding_id, a.seq, a.who, a.why, a.at FROM acknowledgements a JOIN findings f"
                + " ON f.finding_id = a.finding_id WHERE f.run_id = ? ORDER BY a.finding_id, a.seq", rs -> out
                .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(new Acknowledgement(rs.getInt(2), rs.getString(3), rs.getString(4), Rows.instant(rs, 5))), runId);
        return out;
    }

    private static Grounding baseGrounding(Connection c, RunRows.AnalysisRow primary, Row r) throws SQLException {
        Optional<String> dictionary = GroundingRows.baseDictionary(c, primary, r.target(), r.layer());
        return dictionary.isEmpty() ? Grounding.NONE : grounding(c, dictionary.get(), r.concept());
    }

    /** The concept the finding is about at its last step: the match of the base concept, or the new concept. */
    private static Grounding latestGrounding(Connection c, String runId, RunRows.AnalysisRow primary, Row r)
            throws SQLException {
        Optional<String> dictionary = GroundingRows.checkpointDictionary(c, runId, primary.configHash(), r.last(),
                r.target(), r.layer());
        if (dictionary.isEmpty()) return Grounding.NONE;
        Optional<Integer> concept = r.type() == FindingType.EMERGING ? Optional.of(r.concept())
                : GroundingRows.matchedConcept(c, runId, primary.configHash(), r.last(), r.target(), r.layer(), r.concept());
        return concept.isEmpty() ? Grounding.NONE : grounding(c, dictionary.get(), concept.get());
    }

    private static Grounding grounding(Connection c, String dictionaryId, int idx) throws SQLException {
        return new Grounding(GroundingRows.words(c, dictionaryId, idx), GroundingRows.images(c, dictionaryId, idx));
    }

    private static List<Thumbnail> thumbnails(Connection c, Optional<RunRows.AnalysisRow> primary, ProbeImages folder,
                                              List<ImageRef> refs, List<String> missing) throws SQLException {
        List<Thumbnail> out = new ArrayList<>();
        for (ImageRef ref : refs) {
            Optional<byte[]> png = ProbeSetRows.thumbnail(c, primary.orElseThrow().probeSetHash(), ref.sampleId())
                    .or(() -> folder.png(ref.sampleId()));
            if (png.isPresent()) out.add(new Thumbnail(ref.sampleId(), ref.activation(), png.get()));
            else missing.add(ref.sampleId());
        }
        return out;
    }

    private static String note(List<String> missing, ProbeImages folder) {
        if (missing.isEmpty()) return null;
        String why = folder.unavailableReason() != null ? folder.unavailableReason()
                : "the probe set folder has no such samples";
        return "Images of " + new TreeSet<>(missing).size() + " sample(s) (" + String.join(", ", new TreeSet<>(missing))
                + ") could not be shown: " + why + ". Pass --probe-dir DIR to point at the probe set folder.";
    }
}
