package io.cloudwarden.cost.chargeback;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The chargeback as a PDF (openhtmltopdf from XHTML built here). Every value is XML-escaped; text uses the PDF
 * base-14 fonts, so characters outside Windows-1252 print as {@code #}.
 */
public final class ChargebackPdf {

    private static final String STYLE = """
            body { font-family: Helvetica, sans-serif; font-size: 9pt; }
            h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 14pt; }
            table { width: 100%; border-collapse: collapse; }
            th, td { border-bottom: 0.5pt solid #bbb; padding: 2pt 4pt; text-align: left; }
            td.n, th.n { text-align: right; }
            .muted { color: #666; }""";

    private ChargebackPdf() {
    }

    public static byte[] render(ChargebackReport r, String tenantName, Instant generatedAt) {
        StringBuilder h = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"UTF-8\" /><title>Chargeback</title><style>")
                .append(STYLE).append("</style></head><body>");
        h.append("<h1>Chargeback ").append(esc(r.month().toString())).append(" by ").append(esc(r.dimension())).append("</h1>");
        h.append("<p class=\"muted\">Tenant ").append(esc(tenantName)).append(" - generated ").append(esc(generatedAt.toString()))
                .append(" - amounts are EffectiveCost unless marked billed, in the billing currency</p>");
        h.append("<table><tr><th>").append(esc(r.dimension())).append("</th><th>Currency</th><th class=\"n\">Direct</th>")
                .append("<th class=\"n\">Shared</th><th class=\"n\">Total</th><th class=\"n\">Total billed</th><th class=\"n\">% of total</th></tr>");
        for (ChargebackReport.Line l : r.lines()) {
            h.append("<tr><td>").append(esc(l.value())).append("</td><td>").append(esc(l.currency())).append("</td>")
                    .append(n(l.directEffectiveCost())).append(n(l.sharedEffectiveCost())).append(n(l.totalEffectiveCost()))
                    .append(n(l.totalBilledCost())).append(n(l.percentOfTotal())).append("</tr>");
        }
        r.totals().forEach((currency, t) -> h.append("<tr><td><b>Total</b></td><td>").append(esc(currency))
                .append("</td><td></td><td></td>").append(n(t.effectiveCost())).append(n(t.billedCost())).append("<td></td></tr>"));
        h.append("</table>");
        if (!r.pools().isEmpty()) {
            h.append("<h2>Shared costs</h2><table><tr><th>Pool</th><th>Method</th><th>Currency</th><th class=\"n\">Amount</th><th>Split</th></tr>");
            for (ChargebackReport.Pool p : r.pools()) {
                StringBuilder split = new StringBuilder();
                p.shares().forEach((k, v) -> split.append(split.isEmpty() ? "" : ", ").append(k).append(' ').append(v.toPlainString()));
                h.append("<tr><td>").append(esc(p.name())).append("</td><td>").append(esc(p.method())).append("</td><td>")
                        .append(esc(p.currency())).append("</td>").append(n(p.effectiveCost())).append("<td>").append(esc(split.toString()))
                        .append("</td></tr>");
            }
            h.append("</table>");
        }
        h.append("</body></html>");
        return pdf(h.toString());
    }

    private static String n(BigDecimal v) {
        return "<td class=\"n\">" + (v == null ? "" : v.toPlainString()) + "</td>";
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static byte[] pdf(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.withProducer("Cloudwarden");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("rendering the chargeback PDF failed", e);
        }
    }
}
