package io.cloudwarden.evidence.pack;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF templates: user text is escaped (never markup), and the key facts are in the extracted text. */
class EvidencePdfTest {

    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-07-01T00:00:00Z");
    static final Instant AT = Instant.parse("2026-07-02T08:00:00Z");

    @Test
    void escapesMarkupAndDropsCharactersXmlCannotCarry() {
        assertThat(EvidencePdf.esc("<a href=\"x\">&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
        assertThat(EvidencePdf.esc("bell\u0007 and nul\u0000 gone\ttab kept")).isEqualTo("bell and nul gone\ttab kept");
        assertThat(EvidencePdf.esc("${controlRows}")).isEqualTo("${controlRows}");
        assertThat(EvidencePdf.esc(null)).isEmpty();
    }

    @Test
    void userTextThatLooksLikeMarkupOrPlaceholdersIsPrintedLiterally() throws Exception {
        String hostile = "</td></tr></table><h1>Injected</h1> ${indexSha256} & co";
        byte[] pdf = EvidencePdf.packSummary(new EvidencePdf.PackSummary("Acme <Corp>", "SOC2", "SOC 2", FROM, TO, AT,
                List.of(new EvidencePdf.ControlRow("SOC2:CC6.1", "Logical access",
                        List.of(new EvidencePdf.ItemRow(hostile, "document", FROM, 7)))),
                1, "origin/x", 8, "cm9vdA==", "SHA-256", "origin/x\n8\ncm9vdA==\n\n\u2014 origin/x c2ln\n",
                List.of("origin/x+01020304+AQ=="), "ab".repeat(32), "cloudwarden evidence pack\n" + "ab".repeat(32)
                        + "\n\n\u2014 origin/x c2lnbmF0dXJl\n"));
        String text = PackChecks.pdfText(pdf);
        assertThat(text).contains("Acme <Corp>");
        assertThat(PackChecks.squash(text)).contains(PackChecks.squash(hostile))
                .contains("PackSHA-256(index.json)" + "ab".repeat(32));
        assertThat(text).contains("SOC2:CC6.1", "Logical access", "document", "2026-01-01 00:00:00 UTC");
        assertThat(PackChecks.squash(text)).contains("ab".repeat(32), "\u2014origin/xc2lnbmF0dXJl");
        assertThat(text).contains("./cloudwarden verify-log pack.zip");
    }

    @Test
    void reportPdfShowsCoverageGapsActivityAndSignature() throws Exception {
        byte[] pdf = EvidencePdf.report(new EvidencePdf.ReportSummary("Acme (t-1)", FROM, TO, AT, 2,
                List.of(new EvidencePdf.FrameworkCoverage("SOC2", "SOC 2", 28,
                        List.of(new EvidencePdf.ControlRow("SOC2:CC6.1", "Logical access",
                                List.of(new EvidencePdf.ItemRow("Review", "access_review", FROM, 3)))),
                        List.<String[]>of(new String[] {"SOC2:CC7.2", "System monitoring"}), 1)),
                List.<String[]>of(new String[] {"Audit: evidence.item.recorded (success)", "2"}),
                "origin/x", 12, "cm9vdA==", "SHA-256", "origin/x\n12\ncm9vdA==\n\n\u2014 origin/x c2ln\n",
                "cd".repeat(32), "cloudwarden evidence report\n" + "cd".repeat(32) + "\n\n\u2014 origin/x c2lnbmF0dXJl\n"));
        String text = PackChecks.pdfText(pdf);
        assertThat(text).contains("Compliance evidence report", "Acme (t-1)", "Controls without evidence in the period",
                "SOC2:CC7.2", "System monitoring", "Log size (entries)");
        assertThat(PackChecks.squash(text)).contains("evidence.item.recorded(success)", "\u2014origin/xc2lnbmF0dXJl",
                "ReportSHA-256(report.json)" + "cd".repeat(32));
    }
}
