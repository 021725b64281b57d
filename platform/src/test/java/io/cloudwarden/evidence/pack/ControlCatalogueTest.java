package io.cloudwarden.evidence.pack;

import io.cloudwarden.shared.CloudwardenException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bundled control catalogue (extracted from Prowler's compliance mappings). */
class ControlCatalogueTest {

    static final ControlCatalogue CATALOGUE = ControlCatalogue.load();

    @Test
    void loadsTheBundledFrameworksWithRealControlIds() {
        assertThat(CATALOGUE.frameworks()).extracting(ControlCatalogue.Framework::id)
                .contains("SOC2", "ISO27001", "CIS-AWS-5.0", "CIS-AZURE-4.0", "CIS-GCP-3.0");
        assertThat(CATALOGUE.control("SOC2:CC6.1")).get().extracting(ControlCatalogue.Control::title).asString()
                .startsWith("The entity implements logical access security");
        assertThat(CATALOGUE.control("ISO27001:A.5.15")).get().extracting(ControlCatalogue.Control::title)
                .isEqualTo("Access Control");
        assertThat(CATALOGUE.control("CIS-AWS-5.0:1.4")).isPresent();
        assertThat(CATALOGUE.framework("ISO27001").orElseThrow().controls()).hasSize(92);
        assertThat(CATALOGUE.resolve("framework", "cis")).hasSizeGreaterThan(10)
                .allMatch(f -> f.family().equals("CIS"));
        assertThat(CATALOGUE.unavailableFamilies()).extracting(ControlCatalogue.UnavailableFamily::family)
                .containsExactly("NIST800-53", "PCI-DSS", "HIPAA", "GDPR");
    }

    @Test
    void canonicalisesCaseAndDropsDuplicates() {
        assertThat(CATALOGUE.canonical("controls", List.of("soc2:cc6.1", "SOC2:CC6.1", " iso27001:a.5.15 ")))
                .containsExactly("SOC2:CC6.1", "ISO27001:A.5.15");
    }

    @Test
    void unknownControlsAreOneProblemEachWithAStableCode() {
        assertThatThrownBy(() -> CATALOGUE.canonical("controls", List.of("SOC2:CC6.1", "SOC2:CC99.9", "FOO:1")))
                .isInstanceOfSatisfying(CloudwardenException.class, e -> {
                    assertThat(e.errorCode().code()).isEqualTo("UNKNOWN_CONTROL");
                    assertThat(e.problems()).extracting(p -> p.field()).containsExactly("controls[1]", "controls[2]");
                });
    }

    @Test
    void frameworksWithoutCatalogueAreNamedAsSuch() {
        assertThatThrownBy(() -> CATALOGUE.canonical("controls", List.of("HIPAA:164.312(b)")))
                .isInstanceOfSatisfying(CloudwardenException.class,
                        e -> assertThat(e.errorCode().code()).isEqualTo("FRAMEWORK_NOT_AVAILABLE"));
        assertThatThrownBy(() -> CATALOGUE.resolve("framework", "GDPR"))
                .isInstanceOfSatisfying(CloudwardenException.class,
                        e -> assertThat(e.errorCode().code()).isEqualTo("FRAMEWORK_NOT_AVAILABLE"));
        assertThatThrownBy(() -> CATALOGUE.resolve("framework", "COBIT"))
                .isInstanceOfSatisfying(CloudwardenException.class,
                        e -> assertThat(e.errorCode().code()).isEqualTo("UNKNOWN_FRAMEWORK"));
    }

    @Test
    void fileNamesLoseTheirPathAndControlCharacters() {
        assertThat(EvidenceItems.safeFileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(EvidenceItems.safeFileName("C:\\Users\\x\\report.pdf")).isEqualTo("report.pdf");
        assertThat(EvidenceItems.safeFileName("a\u0000b\nc.txt")).isEqualTo("abc.txt");
        assertThat(EvidenceItems.safeFileName("...")).isEqualTo("evidence.bin");
        assertThat(EvidenceItems.safeFileName(null)).isEqualTo("evidence.bin");
        char[] longName = new char[300];
        Arrays.fill(longName, 'x');
        assertThat(EvidenceItems.safeFileName(new String(longName) + ".pdf")).hasSize(255).endsWith(".pdf");
    }
}
