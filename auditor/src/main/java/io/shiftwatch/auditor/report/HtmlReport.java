package io.shiftwatch.auditor.report;

import io.shiftwatch.auditor.report.ReportModel.AnalysisSetup;
import io.shiftwatch.auditor.report.ReportModel.ProbeSetInfo;
import io.shiftwatch.auditor.report.ReportModel.RunIdentity;
import io.shiftwatch.auditor.report.ReportModel.SteeringEntry;

import java.util.List;
import java.util.Map;

/**
 * Renders a {@link ReportModel} as one self-contained HTML page: inline CSS, plots as inline SVG,
 * thumbnails as {@code data:} PNG URIs — nothing is fetched when it is opened. Pure and deterministic:
 * the same model gives the same text.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font:14px/1.45 -apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#1d2433;margin:2em auto;max-width:1100px;padding:0 1em}
            h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:2px solid #1d2433;padding-bottom:.2em;margin-top:2em}
            table{border-collapse:collapse;margin:.5em 0;width:100%}td,th{border:1px solid #c9ced8;padding:3px 6px;text-align:left;vertical-align:top}
            th{background:#eef1f6}code,.hash{font-family:Menlo,Consolas,monospace;font-size:.85em;word-break:break-all}
            .verdict{font-size:1.1em;background:#f4f6fa;padding:.6em;border-left:4px solid #1d2433}
            .concepts{display:flex;flex-wrap:wrap;gap:8px}.concept{border:1px solid #c9ced8;padding:4px;width:250px;font-size:.8em}
            .concept.flag-CRITICAL{border:2px solid #c0392b;background:#fdf0ee}.concept.flag-WARNING{border:2px solid #d68910;background:#fef7e9}
            .concept.flag-INFO{border:2px solid #2e86c1}
            .finding{border:1px solid #c9ced8;margin:1em 0;padding:.6em}.finding h3{margin:.1em 0}
            .sev-CRITICAL{color:#c0392b}.sev-WARNING{color:#b9770e}.sev-INFO{color:#2e86c1}
            .added{color:#1e8449}.lost{color:#c0392b}.thumbs img{margin:2px;border:1px solid #999;image-rendering:pixelated}
            .note{background:#fef7e9;padding:.3em}.ok{color:#1e8449;font-weight:bold}.broken{color:#c0392b;font-weight:bold}
            footer{margin-top:3em;font-size:.8em;color:#555;border-top:1px solid #c9ced8;padding-top:.5em}
            """;

    private HtmlReport() {
    }

    public static String render(ReportModel m) {
        String digest = ReportDigest.of(m);
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(ReportText.title(m)))
                .append("</title><style>").append(CSS).append("</style></head><body>\n");
        b.append("<h1>").append(esc(ReportText.title(m))).append("</h1>\n<p class=\"verdict\">")
                .append(esc(ReportText.verdict(m))).append("</p>\n<p>Data as of ").append(ReportText.time(m.dataTime()))
                .append("; report SHA-256 <span class=\"hash\">").append(digest).append("</span></p>\n");
        identity(b, m.run());
        probeSets(b, m.probeSets());
        setups(b, m.setups());
        section(b, "Checkpoint timeline");
        table(b, ReportText.TIMELINE_HEADER, m.checkpoints().stream().map(ReportText::timelineRow).toList());
        HtmlFindings.concepts(b, m.concepts());
        HtmlFindings.findings(b, m.findings());
        HtmlFindings.acknowledgements(b, m.findings());
        section(b, "Audit-chain verification");
        b.append("<p class=\"").append(m.audit().intact() ? "ok" : "broken").append("\">")
                .append(esc(ReportText.audit(m.audit()))).append("</p>\n");
        steering(b, m.steering());
        b.append("<footer>").append(esc(ReportText.footer(m, digest))).append("</footer>\n</body></html>\n");
        return b.toString();
    }

    private static void identity(StringBuilder b, RunIdentity r) {
        section(b, "Run and model identity");
        List<String[]> rows = ReportText.identityRows(r);
        table(b, new String[]{"field", "value"}, rows);
    }

    private static void probeSets(StringBuilder b, List<ProbeSetInfo> sets) {
        section(b, "Probe set");
        table(b, new String[]{"id", "content hash", "samples", "image size", "location"}, sets.stream().map(p -> new String[]{
                p.id() == null ? "(not registered)" : p.id(), p.contentHash(),
                p.sampleCount() == null ? ReportText.DASH : p.sampleCount().toString(),
                p.imageSize() == null ? ReportText.DASH : p.imageSize() + " px", ReportText.or(p.uri())}).toList());
    }

    private static void setups(StringBuilder b, List<AnalysisSetup> setups) {
        section(b, "Analysis configuration and software version");
        for (AnalysisSetup s : setups) {
            b.append("<p>Config <span class=\"hash\">").append(esc(s.configHash())).append("</span>, software ")
                    .append(esc(s.softwareVersion())).append(", ").append(s.analyses()).append(" analyses, steps ")
                    .append(s.firstStep()).append("&ndash;").append(s.lastStep()).append("</p>\n");
            table(b, new String[]{"setting", "value"}, s.settings().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> new String[]{e.getKey(), e.getValue()}).toList());
        }
        if (setups.isEmpty()) b.append("<p>No checkpoint of this run has been analysed yet.</p>\n");
    }

    private static void steering(StringBuilder b, List<SteeringEntry> steering) {
        if (steering.isEmpty()) return;
        section(b, "Remediation: steering vectors");
        table(b, new String[]{"name", "kind", "layer", "alpha", "dim", "created", "measured effect"},
                steering.stream().map(s -> new String[]{s.name(), s.kind(), Integer.toString(s.layer()),
                        ReportText.number(s.alpha()), Integer.toString(s.dim()), ReportText.time(s.createdAt()),
                        ReportText.steeringEffect(s.evaluationJson())}).toList());
    }

    static void section(StringBuilder b, String title) {
        b.append("<h2>").append(esc(title)).append("</h2>\n");
    }

    static void table(StringBuilder b, String[] header, List<String[]> rows) {
        b.append("<table><tr>");
        for (String h : header) b.append("<th>").append(esc(h)).append("</th>");
        b.append("</tr>\n");
        for (String[] row : rows) {
            b.append("<tr>");
            for (String cell : row) b.append("<td>").append(esc(cell)).append("</td>");
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
