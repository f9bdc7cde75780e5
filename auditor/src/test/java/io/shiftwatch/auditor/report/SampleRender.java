package io.shiftwatch.auditor.report;

import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the hand-made test model as PDF and HTML to the folder in args[0] (for looking at the layout). */
final class SampleRender {
    public static void main(String[] args) throws Exception {
        Files.write(Path.of(args[0], "sample.pdf"), PdfReport.render(ReportRenderingTest.model("accepted: beach domain")));
        try (var doc = org.apache.pdfbox.Loader.loadPDF(Path.of(args[0], "sample.pdf").toFile())) {
            var renderer = new org.apache.pdfbox.rendering.PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++)
                javax.imageio.ImageIO.write(renderer.renderImageWithDPI(i, 90), "png", Path.of(args[0], "page-" + (i + 1) + ".png").toFile());
        }
        Files.writeString(Path.of(args[0], "sample.html"), HtmlReport.render(ReportRenderingTest.model("accepted: beach domain")));
    }
}
