package io.shiftwatch.auditor.report;

import io.shiftwatch.auditor.FindingType;
import io.shiftwatch.auditor.Severity;
import io.shiftwatch.auditor.report.ConceptEvolution.ConceptPoint;
import io.shiftwatch.auditor.report.FindingEntry.Acknowledgement;
import io.shiftwatch.auditor.report.FindingEntry.Evidence;
import io.shiftwatch.auditor.report.FindingEntry.MetricCheck;
import io.shiftwatch.auditor.report.FindingEntry.Thumbnail;
import io.shiftwatch.auditor.report.FindingEntry.WordChange;
import io.shiftwatch.auditor.report.ReportModel.AuditVerification;
import io.shiftwatch.auditor.report.ReportModel.CheckpointEntry;
import io.shiftwatch.auditor.report.ReportModel.RunIdentity;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportRenderingTest {
    static ReportModel model(String why) {
        Instant t = Instant.parse("2026-12-01T00:30:00Z");
        var before = new Thumbnail("s-001", 0.91, io.shiftwatch.migrations.ProbeSetRows.png(new byte[8 * 8 * 3], 8));
        var finding = new FindingEntry("a".repeat(64), FindingType.VANISHING, Severity.CRITICAL, "ACKNOWLEDGED", "person", -1, 3,
                200, 400, new Evidence(new WordChange(List.of("man", "woman", "walking"), List.of("beach", "walking")),
                List.of(new MetricCheck("tOverlap", 0.07, 0.01, "null quantile < 0.010", 0.002, Severity.CRITICAL)),
                List.of("Best match: checkpoint concept 5.")), List.of(before), List.of(), "Images of 1 sample(s) could not be shown",
                List.of(new Acknowledgement(0, "alice", why, t)));
        return new ReportModel(new RunIdentity("run-7", "testbed-base", "/m/base", "testbed", "b".repeat(64), "ACTIVE", t, Map.of("team", "vision")),
                List.of(new ReportModel.AnalysisSetup("c".repeat(64), "0.1.0", Map.of("k", "12", "seed", "42"), 200, 400, 2)),
                List.of(new ReportModel.ProbeSetInfo("d".repeat(64), null, null, null, null)),
                List.of(new CheckpointEntry(200, "e".repeat(64), "ANALYSED", "f".repeat(64), t, t, 1500L, Map.of("extract", 900L), null)),
                List.of(new ConceptEvolution("person", -1, 3, List.of("man", "woman"),
                        List.of(new ConceptPoint(200, 0.6, 0.9, 1.0), new ConceptPoint(400, 0.07, null, 2.0)), Severity.CRITICAL)),
                List.of(finding), new AuditVerification(4, 2, null, 4L, "9".repeat(64)), List.of(), t);
    }

    @Test
    void htmlShowsEveryFindingWithItsWordsAndStandsAlone() {
        // Given
        ReportModel m = model("accepted: beach domain");
        // When
        String html = HtmlReport.render(m);
        // Then
        assertTrue(html.contains("CRITICAL VANISHING: person / layer -1 / concept 3"), "finding title");
        assertTrue(html.contains("<td>added</td><td>beach</td>") && html.contains("<td>lost</td><td>man, woman</td>"), "words");
        assertTrue(html.contains("data:image/png;base64,") && html.contains("<svg"), "inline images and plots");
        assertTrue(html.contains("accepted: beach domain") && html.contains("VERIFIED"));
        assertTrue(!html.contains("src=\"http"), "nothing fetched");
    }

    @Test
    void pdfParsesAndItsTextHoldsTheFindingsAndFooter() throws Exception {
        // Given
        ReportModel m = model("accepted: beach domain");
        // When
        byte[] pdf = PdfReport.render(m);
        // Then
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("CRITICAL VANISHING: person / layer -1 / concept 3"), text);
            assertTrue(text.contains("beach") && text.contains("alice"), text);
            assertTrue(text.contains("report SHA-256 " + ReportDigest.of(m)) && text.contains("page 1 of " + doc.getNumberOfPages()), text);
        }
    }

    @Test
    void sameModelGivesSameBytesAndOtherDataAnotherDigest() {
        // When
        byte[] first = PdfReport.render(model("x")), second = PdfReport.render(model("x"));
        // Then
        assertArrayEquals(first, second);
        assertEquals(HtmlReport.render(model("x")), HtmlReport.render(model("x")));
        assertNotEquals(ReportDigest.of(model("x")), ReportDigest.of(model("y")));
    }
}
