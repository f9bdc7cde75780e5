package io.shiftwatch.auditor.report;

import io.shiftwatch.auditor.Severity;
import io.shiftwatch.auditor.report.FindingEntry.Acknowledgement;
import io.shiftwatch.auditor.report.FindingEntry.Thumbnail;
import io.shiftwatch.auditor.report.FindingEntry.WordChange;
import io.shiftwatch.auditor.report.PlotGeometry.Metric;
import io.shiftwatch.auditor.report.PlotGeometry.Xy;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The PDF's concept-evolution plots (vector paths), findings with evidence and thumbnails, and acknowledgements. */
final class PdfFindings {
    static final int PER_ROW = 3;
    static final float CARD_H = 84, CARD_GAP = 8, PANEL_H = 34, THUMB = 44;

    private PdfFindings() {
    }

    static void concepts(PdfFlow flow, List<ConceptEvolution> concepts) throws IOException {
        flow.heading("Per-concept evolution");
        flow.paragraph("Every base concept: T-Overlap and cosine of its best match (0-1) and the magnitude of its shift"
                + " vector over the analysed steps. Concepts with a finding are framed and drawn in the finding's colour.",
                PdfFlow.REGULAR, 8, 0);
        flow.gap(4); // the text's descenders sit on the line: without it the first row of frames crossed them
        if (concepts.isEmpty()) flow.paragraph("No concept measurements yet.", PdfFlow.REGULAR, 9, 0);
        float cardW = (flow.width - (PER_ROW - 1) * CARD_GAP) / PER_ROW;
        for (int i = 0; i < concepts.size(); i += PER_ROW) {
            float top = flow.reserve(CARD_H + CARD_GAP);
            for (int j = i; j < Math.min(i + PER_ROW, concepts.size()); j++)
                card(flow, concepts.get(j), PdfFlow.MARGIN + (j - i) * (cardW + CARD_GAP), top, cardW);
        }
    }

    private static void card(PdfFlow flow, ConceptEvolution c, float x, float top, float w) throws IOException {
        PDPageContentStream cs = flow.stream();
        float[] rgb = colour(c.flag());
        cs.setStrokingColor(rgb[0], rgb[1], rgb[2]);
        cs.setLineWidth(c.flagged() ? 1.5f : 0.5f);
        cs.addRect(x, top - CARD_H, w, CARD_H);
        cs.stroke();
        String title = c.label() + (c.flagged() ? "  " + c.flag() : "");
        flow.show(title, PdfFlow.BOLD, 7, x + 3, top - 9);
        flow.show(PdfFlow.wrap(HtmlFindings.firstWords(c.baseWords(), 6), PdfFlow.REGULAR, 6, w - 6).getFirst(),
                PdfFlow.REGULAR, 6, x + 3, top - 17);
        float panelW = (w - 4 * 4) / 3, panelTop = top - 22;
        Metric[] metrics = Metric.values();
        for (int i = 0; i < metrics.length; i++) {
            float px = x + 4 + i * (panelW + 4);
            cs.setStrokingColor(0.67f, 0.67f, 0.73f);
            cs.setLineWidth(0.4f);
            cs.addRect(px, panelTop - PANEL_H, panelW, PANEL_H);
            cs.stroke();
            cs.setStrokingColor(rgb[0], rgb[1], rgb[2]);
            cs.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
            cs.setLineWidth(1f);
            for (List<Xy> line : PlotGeometry.lines(metrics[i], c.points(), panelW, PANEL_H)) polyline(cs, line, px, panelTop);
            cs.setNonStrokingColor(0f, 0f, 0f);
            String label = metrics[i].label + " <=" + String.format(Locale.ROOT, "%.2f", PlotGeometry.yMax(metrics[i], c.points()));
            flow.show(label, PdfFlow.REGULAR, 5, px, panelTop - PANEL_H - 7);
        }
        cs.setStrokingColor(0f, 0f, 0f);
    }

    /** Box coordinates grow downwards from {@code top}; PDF y grows upwards, hence {@code top - y}. */
    private static void polyline(PDPageContentStream cs, List<Xy> line, float x0, float top) throws IOException {
        for (int k = 0; k < line.size(); k++) {
            float x = x0 + (float) line.get(k).x(), y = top - (float) line.get(k).y();
            if (k == 0) cs.moveTo(x, y);
            else cs.lineTo(x, y);
        }
        if (line.size() > 1) cs.stroke();
        for (Xy p : line) {
            cs.addRect(x0 + (float) p.x() - 1.2f, top - (float) p.y() - 1.2f, 2.4f, 2.4f);
            cs.fill();
        }
    }

    static float[] colour(Severity s) {
        if (s == null) return new float[]{0.18f, 0.44f, 0.69f};
        return switch (s) {
            case CRITICAL -> new float[]{0.75f, 0.22f, 0.17f};
            case WARNING -> new float[]{0.84f, 0.54f, 0.06f};
            case INFO -> new float[]{0.18f, 0.53f, 0.76f};
        };
    }

    static void findings(PdfFlow flow, List<FindingEntry> findings) throws IOException {
        flow.heading("Findings and evidence");
        if (findings.isEmpty()) flow.paragraph("No findings were recorded for this run.", PdfFlow.REGULAR, 9, 0);
        for (FindingEntry f : findings) {
            flow.ensure(120);
            flow.gap(6);
            float[] rgb = colour(f.severity());
            flow.stream().setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
            flow.paragraph(ReportText.findingTitle(f), PdfFlow.BOLD, 10, 0);
            flow.stream().setNonStrokingColor(0f, 0f, 0f);
            flow.paragraph(ReportText.findingSpan(f), PdfFlow.REGULAR, 7, 0);
            WordChange w = f.evidence().words();
            if (w != null)
                flow.table(new String[]{"grounding words", ""}, List.of(
                        new String[]{"before (base)", ReportText.words(w.before())},
                        new String[]{"after (latest match)", ReportText.words(w.after())},
                        new String[]{"added", ReportText.words(w.added())}, new String[]{"kept", ReportText.words(w.kept())},
                        new String[]{"lost", ReportText.words(w.lost())}), new float[]{.2f, .8f}, 7);
            if (!f.evidence().metrics().isEmpty())
                flow.table(ReportText.METRIC_HEADER, f.evidence().metrics().stream().map(ReportText::metricRow).toList(),
                        new float[]{.28f, .12f, .28f, .18f, .14f}, 7);
            for (String fact : f.evidence().facts()) flow.paragraph("- " + fact, PdfFlow.REGULAR, 7, 6);
            thumbs(flow, "Top images, base concept", f.imagesBefore());
            thumbs(flow, "Top images, latest concept", f.imagesAfter());
            if (f.imagesNote() != null) flow.paragraph(f.imagesNote(), PdfFlow.REGULAR, 7, 0);
            for (Acknowledgement a : f.acknowledgements())
                flow.paragraph("Acknowledged by " + a.who() + " at " + ReportText.time(a.at()) + ": " + a.why(),
                        PdfFlow.REGULAR, 7, 0);
        }
    }

    private static void thumbs(PdfFlow flow, String title, List<Thumbnail> images) throws IOException {
        if (images.isEmpty()) return;
        flow.ensure(THUMB + 22);
        flow.paragraph(title + ":", PdfFlow.REGULAR, 7, 0);
        float top = flow.reserve(THUMB + 12);
        float x = PdfFlow.MARGIN;
        for (Thumbnail t : images) {
            var image = LosslessFactory.createFromImage(flow.doc, ImageIO.read(new ByteArrayInputStream(t.png())));
            flow.stream().drawImage(image, x, top - THUMB, THUMB, THUMB);
            flow.show(t.sampleId(), PdfFlow.REGULAR, 5, x, top - THUMB - 7);
            x += THUMB + 30;
        }
    }

    static void acknowledgements(PdfFlow flow, List<FindingEntry> findings) throws IOException {
        flow.heading("Acknowledgements");
        List<String[]> rows = new ArrayList<>();
        for (FindingEntry f : findings)
            for (Acknowledgement a : f.acknowledgements())
                rows.add(new String[]{f.type() + " " + f.target() + " #" + f.concept(), a.who(), a.why(), ReportText.time(a.at())});
        if (rows.isEmpty()) flow.paragraph("No finding has been acknowledged.", PdfFlow.REGULAR, 9, 0);
        else flow.table(new String[]{"finding", "who", "why", "when"}, rows, new float[]{.25f, .15f, .42f, .18f}, 7);
    }
}
