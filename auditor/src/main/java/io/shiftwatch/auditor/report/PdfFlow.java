package io.shiftwatch.auditor.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Top-to-bottom layout on A4 pages for the PDF report: wrapped text, headings, tables whose rows never
 * split across pages, and reserved boxes the caller draws into (plots, thumbnails). Opens a new page when
 * the next block does not fit. Text is limited to what the standard Helvetica font can encode
 * (other characters are replaced, see {@link #safe}). Not thread-safe; one per rendering.
 */
final class PdfFlow implements AutoCloseable {
    static final float MARGIN = 48, BOTTOM = 56;
    static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    static final PDType1Font MONO = new PDType1Font(Standard14Fonts.FontName.COURIER);

    final PDDocument doc;
    final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private PDPageContentStream cs;
    private float y;

    PdfFlow(PDDocument doc) throws IOException {
        this.doc = doc;
        newPage();
    }

    PDPageContentStream stream() {
        return cs;
    }

    float y() {
        return y;
    }

    void newPage() throws IOException {
        if (cs != null) cs.close();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    /** Makes sure {@code height} points fit below the cursor, else starts a new page. */
    void ensure(float height) throws IOException {
        if (y - height < BOTTOM) newPage();
    }

    /** Reserves {@code height} points and returns the top y of the reserved box. */
    float reserve(float height) throws IOException {
        ensure(height);
        float top = y;
        y -= height;
        return top;
    }

    void gap(float points) {
        y -= points;
    }

    void heading(String text) throws IOException {
        // Room for the heading and the first block under it (a finding needs ~120 pt): no orphaned headings.
        ensure(150);
        gap(10);
        paragraph(text, BOLD, 14, 0);
        cs.setLineWidth(1f);
        cs.moveTo(MARGIN, y + 2);
        cs.lineTo(MARGIN + width, y + 2);
        cs.stroke();
        gap(6);
    }

    void paragraph(String text, PDType1Font font, float size, float indent) throws IOException {
        for (String line : wrap(text, font, size, width - indent)) {
            ensure(size * 1.35f);
            y -= size * 1.35f;
            show(line, font, size, MARGIN + indent, y + size * 0.3f);
        }
    }

    void show(String text, PDType1Font font, float size, float x, float baseline) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, baseline);
        cs.showText(safe(text, font));
        cs.endText();
    }

    /** A table with the given column width fractions; cells wrap, rows are kept whole on one page. */
    void table(String[] header, List<String[]> rows, float[] fractions, float size) throws IOException {
        row(header, fractions, size, BOLD, true);
        for (String[] r : rows) row(r, fractions, size, REGULAR, false);
        gap(4);
    }

    private void row(String[] cells, float[] fractions, float size, PDType1Font font, boolean shaded) throws IOException {
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < cells.length; i++) {
            wrapped.add(wrap(cells[i], font, size, fractions[i] * width - 6));
            lines = Math.max(lines, wrapped.get(i).size());
        }
        float height = lines * size * 1.25f + 4;
        float top = reserve(height);
        if (shaded) {
            cs.setNonStrokingColor(0.93f, 0.945f, 0.965f);
            cs.addRect(MARGIN, top - height, width, height);
            cs.fill();
            cs.setNonStrokingColor(0f, 0f, 0f);
        }
        cs.setStrokingColor(0.79f, 0.81f, 0.85f);
        cs.setLineWidth(0.5f);
        float x = MARGIN;
        for (int i = 0; i < cells.length; i++) {
            float w = fractions[i] * width;
            cs.addRect(x, top - height, w, height);
            for (int l = 0; l < wrapped.get(i).size(); l++)
                show(wrapped.get(i).get(l), font, size, x + 3, top - 2 - (l + 1) * size * 1.25f + size * 0.25f);
            x += w;
        }
        cs.stroke();
        cs.setStrokingColor(0f, 0f, 0f);
    }

    /** Greedy word wrap; a word longer than a line (a hash, JSON) is broken by characters. */
    static List<String> wrap(String text, PDType1Font font, float size, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : safe(text == null ? "" : text, font).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, size) <= max) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) lines.add(line.toString());
            line.setLength(0);
            for (char ch : word.toCharArray()) {
                if (!line.isEmpty() && width(line.toString() + ch, font, size) > max) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(ch);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    static float width(String s, PDType1Font font, float size) throws IOException {
        return font.getStringWidth(s) / 1000f * size;
    }

    /** {@code text} with characters the font cannot encode replaced (arrows, maths, other scripts: "?"). */
    static String safe(String text, PDType1Font font) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String ch = switch (cp) {
                case '\n', '\t', '\r' -> " ";
                case 0x2192 -> "->";
                case 0x2264 -> "<=";
                case 0x2265 -> ">=";
                case 0x2013, 0x2014 -> "-";
                default -> new String(Character.toChars(cp));
            };
            out.append(encodable(ch, font) ? ch : "?");
        }
        return out.toString();
    }

    private static boolean encodable(String s, PDType1Font font) {
        try {
            font.encode(s);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        cs.close();
    }
}
