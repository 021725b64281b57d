package io.cloudwarden.evidence.pack;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the PDF summaries of evidence packs and reports with openhtmltopdf (PDFBox underneath) from the
 * XHTML templates under {@code classpath:evidence/templates}. Every value put into a template is
 * XML-escaped here, including the ones a user typed (titles, file names); table rows are built from escaped
 * values only. Text uses the PDF base-14 fonts, so characters outside Windows-1252 print as {@code #}.
 */
public final class EvidencePdf {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z0-9]+)}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private EvidencePdf() {
    }

    /** What the summary of a pack shows. */
    public record PackSummary(String tenant, String framework, String frameworkName, Instant from, Instant to,
                              Instant generatedAt, List<ControlRow> controls, int itemCount, String origin,
                              long treeSize, String rootHash, String hashAlgorithm, String checkpointNote,
                              List<String> verifierKeys, String indexSha256, String packSignature) {
    }

    /** A control and the items that support it. */
    public record ControlRow(String controlId, String title, List<ItemRow> items) {
    }

    /** One item under a control. */
    public record ItemRow(String title, String kind, Instant collectedAt, long logIndex) {
    }

    /** What the report PDF shows; {@code activity} rows are label/value pairs. */
    public record ReportSummary(String tenant, Instant from, Instant to, Instant generatedAt, int itemCount,
                                List<FrameworkCoverage> frameworks, List<String[]> activity, String origin,
                                long treeSize, String rootHash, String hashAlgorithm, String checkpointNote,
                                String reportSha256, String reportSignature) {
    }

    /** Coverage of one framework in a report. */
    public record FrameworkCoverage(String id, String name, int controls, List<ControlRow> covered,
                                    List<String[]> uncovered, int items) {
    }

    /** The PDF of a pack's summary.pdf. */
    public static byte[] packSummary(PackSummary s) {
        StringBuilder rows = new StringBuilder();
        int withEvidence = 0;
        for (ControlRow c : s.controls()) {
            if (c.items().isEmpty()) {
                continue;
            }
            withEvidence++;
            rows.append("<h3><span class=\"control\">").append(esc(c.controlId())).append("</span> ")
                    .append(esc(c.title())).append("</h3>\n<table><tr><th style=\"width:46%\">Item</th><th>Kind</th>")
                    .append("<th>Collected at</th><th class=\"n\">Log index</th></tr>\n");
            for (ItemRow i : c.items()) {
                rows.append("<tr><td>").append(esc(i.title())).append("</td><td>").append(esc(i.kind()))
                        .append("</td><td>").append(esc(time(i.collectedAt()))).append("</td><td class=\"n\">")
                        .append(i.logIndex()).append("</td></tr>\n");
            }
            rows.append("</table>\n");
        }
        Map<String, String> values = Map.ofEntries(
                Map.entry("framework", esc(s.framework())),
                Map.entry("frameworkName", esc(s.frameworkName())),
                Map.entry("tenant", esc(s.tenant())),
                Map.entry("from", esc(time(s.from()))),
                Map.entry("to", esc(time(s.to()))),
                Map.entry("generatedAt", esc(time(s.generatedAt()))),
                Map.entry("itemCount", Integer.toString(s.itemCount())),
                Map.entry("controlsWithEvidence", Integer.toString(withEvidence)),
                Map.entry("controlCount", Integer.toString(s.controls().size())),
                Map.entry("controlRows", rows.toString()),
                Map.entry("origin", esc(s.origin())),
                Map.entry("treeSize", Long.toString(s.treeSize())),
                Map.entry("rootHash", esc(s.rootHash())),
                Map.entry("hashAlgorithm", esc(s.hashAlgorithm())),
                Map.entry("indexSha256", esc(s.indexSha256())),
                Map.entry("checkpointNote", esc(s.checkpointNote())),
                Map.entry("verifierKeys", esc(String.join("\n", s.verifierKeys()))),
                Map.entry("packSignature", esc(s.packSignature())));
        return render(fill(template("pack-summary.xhtml"), values));
    }

    /** The PDF of a report's report.pdf. */
    public static byte[] report(ReportSummary s) {
        StringBuilder overview = new StringBuilder();
        StringBuilder sections = new StringBuilder();
        for (FrameworkCoverage f : s.frameworks()) {
            overview.append("<tr><td>").append(esc(f.id())).append("<br/><span class=\"muted\">").append(esc(f.name()))
                    .append("</span></td><td class=\"n\">").append(f.controls()).append("</td><td class=\"n\">")
                    .append(f.covered().size()).append("</td><td class=\"n\">").append(f.uncovered().size())
                    .append("</td><td class=\"n\">").append(f.items()).append("</td></tr>\n");
            sections.append("<h2>").append(esc(f.id())).append("</h2>\n");
            if (!f.covered().isEmpty()) {
                sections.append("<h3>Controls with evidence</h3>\n<table><tr><th style=\"width:18%\">Control</th>")
                        .append("<th>Title</th><th class=\"n\">Items</th></tr>\n");
                for (ControlRow c : f.covered()) {
                    sections.append("<tr><td>").append(esc(c.controlId())).append("</td><td>").append(esc(c.title()))
                            .append("</td><td class=\"n\">").append(c.items().size()).append("</td></tr>\n");
                }
                sections.append("</table>\n");
            }
            if (!f.uncovered().isEmpty()) {
                sections.append("<h3>Controls without evidence in the period</h3>\n<table><tr>")
                        .append("<th style=\"width:18%\">Control</th><th>Title</th></tr>\n");
                for (String[] c : f.uncovered()) {
                    sections.append("<tr><td>").append(esc(c[0])).append("</td><td>").append(esc(c[1])).append("</td></tr>\n");
                }
                sections.append("</table>\n");
            }
        }
        StringBuilder activity = new StringBuilder("<table class=\"facts\">\n");
        for (String[] row : s.activity()) {
            activity.append("<tr><td class=\"k\">").append(esc(row[0])).append("</td><td>").append(esc(row[1]))
                    .append("</td></tr>\n");
        }
        activity.append("</table>\n");
        Map<String, String> values = Map.ofEntries(
                Map.entry("tenant", esc(s.tenant())),
                Map.entry("from", esc(time(s.from()))),
                Map.entry("to", esc(time(s.to()))),
                Map.entry("generatedAt", esc(time(s.generatedAt()))),
                Map.entry("frameworks", esc(String.join(", ", s.frameworks().stream().map(FrameworkCoverage::id).toList()))),
                Map.entry("itemCount", Integer.toString(s.itemCount())),
                Map.entry("frameworkRows", overview.toString()),
                Map.entry("frameworkSections", sections.toString()),
                Map.entry("activity", activity.toString()),
                Map.entry("origin", esc(s.origin())),
                Map.entry("treeSize", Long.toString(s.treeSize())),
                Map.entry("rootHash", esc(s.rootHash())),
                Map.entry("hashAlgorithm", esc(s.hashAlgorithm())),
                Map.entry("reportSha256", esc(s.reportSha256())),
                Map.entry("checkpointNote", esc(s.checkpointNote())),
                Map.entry("reportSignature", esc(s.reportSignature())));
        return render(fill(template("report.xhtml"), values));
    }

    /**
     * Escapes text for XHTML element content and attribute values, and drops the characters XML 1.0 cannot
     * carry at all (control characters other than tab, newline and carriage return; unpaired surrogates).
     */
    public static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
                    if (allowed) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** Replaces every {@code ${name}} with its (already escaped) value; a missing value is a programming error. */
    static String fill(String template, Map<String, String> values) {
        Map<String, String> all = new java.util.HashMap<>(values);
        all.put("style", template("style.css"));
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = all.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for template placeholder " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String template(String name) {
        String path = "evidence/templates/" + name;
        try (InputStream in = EvidencePdf.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("template " + path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.withProducer("Cloudwarden");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("rendering a PDF failed", e);
        }
    }
}
