/**
 * Compliance reports of one run ({@code ./shiftwatch report}, {@link io.shiftwatch.auditor.report.ReportCli}):
 * {@link io.shiftwatch.auditor.report.ReportLoader} reads a plain {@link io.shiftwatch.auditor.report.ReportModel}
 * from PostgreSQL in one read-only transaction; {@link io.shiftwatch.auditor.report.HtmlReport} (self-contained
 * HTML, inline SVG plots, data-URI thumbnails) and {@link io.shiftwatch.auditor.report.PdfReport} (PDFBox, vector
 * plots, page numbers, a footer with the run and {@link io.shiftwatch.auditor.report.ReportDigest}) are pure
 * functions of the model: the same rows give byte-identical files.
 */
package io.shiftwatch.auditor.report;
