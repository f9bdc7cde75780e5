package io.shiftwatch.auditor.report;

import io.shiftwatch.auditor.report.ReportModel.AnalysisSetup;
import io.shiftwatch.auditor.report.ReportModel.ProbeSetInfo;
import io.shiftwatch.auditor.report.ReportModel.RunIdentity;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders a {@link ReportModel} as a multi-page A4 PDF with Apache PDFBox: the same sections as
 * {@link HtmlReport}, plots drawn as vectors in the content stream, thumbnails as images, and on every
 * page a footer with the page number, the run id and the report's SHA-256 ({@link ReportDigest}).
 * Deterministic: the creation date is the model's {@code dataTime} and the document id is derived from
 * the digest, so the same model gives the same bytes.
 */
public final class PdfReport {
    private PdfReport() {
    }

    public static byte[] render(ReportModel m) {
        String digest = ReportDigest.of(m);
        try (PDDocument doc = new PDDocument()) {
            try (PdfFlow flow = new PdfFlow(doc)) {
                body(flow, m, digest);
            }
            footers(doc, ReportText.footer(m, digest));
            metadata(doc, m, digest);
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("rendering the PDF in memory failed: " + e.getMessage(), e);
        }
    }

    private static void body(PdfFlow flow, ReportModel m, String digest) throws IOException {
        flow.paragraph(ReportText.title(m), PdfFlow.BOLD, 18, 0);
        flow.gap(4);
        flow.paragraph(ReportText.verdict(m), PdfFlow.BOLD, 11, 0);
        flow.paragraph("Data as of " + ReportText.time(m.dataTime()) + "; report SHA-256 " + digest, PdfFlow.REGULAR, 8, 0);
        identity(flow, m.run());
        probeSets(flow, m.probeSets());
        setups(flow, m.setups());
        flow.heading("Checkpoint timeline");
        flow.table(ReportText.TIMELINE_HEADER, m.checkpoints().stream().map(ReportText::timelineRow).toList(),
                new float[]{.06f, .13f, .27f, .13f, .13f, .08f, .20f}, 7);
        PdfFindings.concepts(flow, m.concepts());
        PdfFindings.findings(flow, m.findings());
        PdfFindings.acknowledgements(flow, m.findings());
        flow.heading("Audit-chain verification");
        flow.paragraph(ReportText.audit(m.audit()), PdfFlow.BOLD, 9, 0);
        if (!m.steering().isEmpty()) {
            flow.heading("Remediation: steering vectors");
            flow.table(new String[]{"name", "kind", "layer", "alpha", "dim", "created", "measured effect"},
                    m.steering().stream().map(s -> new String[]{s.name(), s.kind(), Integer.toString(s.layer()),
                            ReportText.number(s.alpha()), Integer.toString(s.dim()), ReportText.time(s.createdAt()),
                            ReportText.steeringEffect(s.evaluationJson())}).toList(), new float[]{.14f, .08f, .06f, .07f, .06f, .16f, .43f}, 7);
        }
    }

    private static void identity(PdfFlow flow, RunIdentity r) throws IOException {
        flow.heading("Run and model identity");
        List<String[]> rows = ReportText.identityRows(r);
        flow.table(new String[]{"field", "value"}, rows, new float[]{.25f, .75f}, 8);
    }

    private static void probeSets(PdfFlow flow, List<ProbeSetInfo> sets) throws IOException {
        flow.heading("Probe set");
        flow.table(new String[]{"id", "content hash", "samples", "image size", "location"}, sets.stream().map(p -> new String[]{
                p.id() == null ? "(not registered)" : p.id(), p.contentHash(),
                p.sampleCount() == null ? ReportText.DASH : p.sampleCount().toString(),
                p.imageSize() == null ? ReportText.DASH : p.imageSize() + " px", ReportText.or(p.uri())}).toList(),
                new float[]{.16f, .40f, .09f, .10f, .25f}, 7);
    }

    private static void setups(PdfFlow flow, List<AnalysisSetup> setups) throws IOException {
        flow.heading("Analysis configuration and software version");
        if (setups.isEmpty()) flow.paragraph("No checkpoint of this run has been analysed yet.", PdfFlow.REGULAR, 9, 0);
        for (AnalysisSetup s : setups) {
            flow.paragraph("Config " + s.configHash() + ", software " + s.softwareVersion() + ", " + s.analyses()
                    + " analyses, steps " + s.firstStep() + "-" + s.lastStep(), PdfFlow.REGULAR, 8, 0);
            flow.table(new String[]{"setting", "value"}, s.settings().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> new String[]{e.getKey(), e.getValue()}).toList(), new float[]{.25f, .75f}, 8);
        }
    }

    private static void footers(PDDocument doc, String footer) throws IOException {
        int n = doc.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            PDPage page = doc.getPage(i);
            try (var cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                cs.setLineWidth(0.5f);
                cs.moveTo(PdfFlow.MARGIN, 40);
                cs.lineTo(page.getMediaBox().getWidth() - PdfFlow.MARGIN, 40);
                cs.stroke();
                cs.beginText();
                cs.setFont(PdfFlow.REGULAR, 7);
                cs.newLineAtOffset(PdfFlow.MARGIN, 30);
                cs.showText(PdfFlow.safe(footer + " | page " + (i + 1) + " of " + n, PdfFlow.REGULAR));
                cs.endText();
            }
        }
    }

    private static void metadata(PDDocument doc, ReportModel m, String digest) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(ReportText.title(m));
        info.setSubject("report SHA-256 " + digest);
        info.setCreator("Shiftwatch");
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        created.setTimeInMillis(m.dataTime().toEpochMilli());
        info.setCreationDate(created);
        byte[] id = HexFormat.of().parseHex(digest.substring(0, 32));
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }
}
