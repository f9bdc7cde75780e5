package io.shiftwatch.auditor.report;

import io.shiftwatch.auditor.report.FindingEntry.Acknowledgement;
import io.shiftwatch.auditor.report.FindingEntry.Thumbnail;
import io.shiftwatch.auditor.report.FindingEntry.WordChange;
import io.shiftwatch.auditor.report.PlotGeometry.Metric;
import io.shiftwatch.auditor.report.PlotGeometry.Xy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import static io.shiftwatch.auditor.report.HtmlReport.esc;

/** The HTML of the concept-evolution plots (inline SVG), the findings with their evidence, and the acknowledgements. */
final class HtmlFindings {
    static final int PANEL_W = 72, PANEL_H = 46, PANEL_GAP = 8, SVG_H = 64;

    private HtmlFindings() {
    }

    static void concepts(StringBuilder b, List<ConceptEvolution> concepts) {
        HtmlReport.section(b, "Per-concept evolution");
        b.append("<p>Every base concept: T-Overlap and cosine of its best match (0&ndash;1) and the magnitude of its"
                + " shift vector, over the analysed steps. Concepts with a finding are framed in the finding's colour.</p>\n");
        if (concepts.isEmpty()) b.append("<p>No concept measurements yet.</p>\n");
        b.append("<div class=\"concepts\">\n");
        for (ConceptEvolution c : concepts) {
            b.append("<div class=\"concept").append(c.flagged() ? " flag-" + c.flag() : "").append("\"><b>")
                    .append(esc(c.label())).append("</b>").append(c.flagged() ? " <b class=\"sev-" + c.flag() + "\">"
                            + c.flag() + "</b>" : "").append("<br>").append(esc(firstWords(c.baseWords(), 6)))
                    .append("<br>").append(svg(c)).append("</div>\n");
        }
        b.append("</div>\n");
    }

    static String svg(ConceptEvolution c) {
        String colour = c.flagged() ? "#c0392b" : "#2e6fb0";
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(3 * PANEL_W + 2 * PANEL_GAP + 8)
                .append("\" height=\"").append(SVG_H).append("\">");
        Metric[] metrics = Metric.values();
        for (int i = 0; i < metrics.length; i++) {
            int x0 = 4 + i * (PANEL_W + PANEL_GAP), y0 = 2;
            s.append("<rect x=\"").append(x0).append("\" y=\"").append(y0).append("\" width=\"").append(PANEL_W)
                    .append("\" height=\"").append(PANEL_H).append("\" fill=\"#fafbfd\" stroke=\"#aab\"/>");
            for (List<Xy> line : PlotGeometry.lines(metrics[i], c.points(), PANEL_W, PANEL_H)) {
                s.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" points=\"");
                for (Xy p : line) s.append(f(x0 + p.x())).append(',').append(f(y0 + p.y())).append(' ');
                s.append("\"/>");
                for (Xy p : line)
                    s.append("<circle cx=\"").append(f(x0 + p.x())).append("\" cy=\"").append(f(y0 + p.y()))
                            .append("\" r=\"1.8\" fill=\"").append(colour).append("\"/>");
            }
            s.append("<text x=\"").append(x0).append("\" y=\"").append(SVG_H - 4).append("\" font-size=\"9\">")
                    .append(esc(metrics[i].label)).append(" &le;").append(f(PlotGeometry.yMax(metrics[i], c.points())))
                    .append("</text>");
        }
        return s.append("</svg>").toString();
    }

    static void findings(StringBuilder b, List<FindingEntry> findings) {
        HtmlReport.section(b, "Findings and evidence");
        if (findings.isEmpty()) b.append("<p>No findings were recorded for this run.</p>\n");
        for (FindingEntry f : findings) {
            b.append("<div class=\"finding\"><h3 class=\"sev-").append(f.severity()).append("\">")
                    .append(esc(ReportText.findingTitle(f))).append("</h3><p>").append(esc(ReportText.findingSpan(f)))
                    .append("</p>\n");
            WordChange w = f.evidence().words();
            if (w != null) {
                HtmlReport.table(b, new String[]{"grounding words", ""}, List.of(
                        new String[]{"before (base)", ReportText.words(w.before())},
                        new String[]{"after (latest match)", ReportText.words(w.after())},
                        new String[]{"added", ReportText.words(w.added())}, new String[]{"kept", ReportText.words(w.kept())},
                        new String[]{"lost", ReportText.words(w.lost())}));
            }
            if (!f.evidence().metrics().isEmpty())
                HtmlReport.table(b, ReportText.METRIC_HEADER, f.evidence().metrics().stream().map(ReportText::metricRow).toList());
            b.append("<ul>");
            for (String fact : f.evidence().facts()) b.append("<li>").append(esc(fact)).append("</li>");
            b.append("</ul>\n");
            thumbs(b, "Top images, base concept", f.imagesBefore());
            thumbs(b, "Top images, latest concept", f.imagesAfter());
            if (f.imagesNote() != null) b.append("<p class=\"note\">").append(esc(f.imagesNote())).append("</p>\n");
            for (Acknowledgement a : f.acknowledgements())
                b.append("<p>Acknowledged by <b>").append(esc(a.who())).append("</b> at ").append(ReportText.time(a.at()))
                        .append(": ").append(esc(a.why())).append("</p>\n");
            b.append("</div>\n");
        }
    }

    private static void thumbs(StringBuilder b, String title, List<Thumbnail> images) {
        if (images.isEmpty()) return;
        b.append("<div class=\"thumbs\">").append(esc(title)).append(":<br>");
        for (Thumbnail t : images)
            b.append("<img alt=\"").append(esc(t.sampleId())).append("\" title=\"").append(esc(t.sampleId()))
                    .append(" (activation ").append(ReportText.number(t.activation())).append(")\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(t.png())).append("\">");
        b.append("</div>\n");
    }

    static void acknowledgements(StringBuilder b, List<FindingEntry> findings) {
        HtmlReport.section(b, "Acknowledgements");
        List<String[]> rows = new ArrayList<>();
        for (FindingEntry f : findings)
            for (Acknowledgement a : f.acknowledgements())
                rows.add(new String[]{f.type() + " " + f.target() + " #" + f.concept(), a.who(), a.why(), ReportText.time(a.at())});
        if (rows.isEmpty()) b.append("<p>No finding has been acknowledged.</p>\n");
        else HtmlReport.table(b, new String[]{"finding", "who", "why", "when"}, rows);
    }

    static String firstWords(List<String> words, int n) {
        return words.isEmpty() ? "(no words)" : String.join(", ", words.subList(0, Math.min(n, words.size())));
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
