package io.cloudwarden.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudwarden.identity.internal.RoleGrants;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleMappingsTest {

    private final List<RoleMapping> mappings = List.of(
            new RoleMapping("groups", "Finance", "FINOPS"),
            new RoleMapping("groups", "Platform", "ENGINEER"),
            new RoleMapping("hd", "example.com", "VIEWER"),
            new RoleMapping("orgs", "acme", "OPERATOR"));

    @Test
    void listAndStringClaimsMatchInMappingOrder() {
        assertThat(RoleMappings.resolve(Map.of("groups", List.of("Platform", "Finance")), mappings, "groups", "VIEWER"))
                .containsExactly("FINOPS", "ENGINEER");
        assertThat(RoleMappings.resolve(Map.of("hd", "example.com"), mappings, null, "AUDITOR")).containsExactly("VIEWER");
        assertThat(RoleMappings.resolve(Map.of("orgs", List.of("acme")), mappings, null, "VIEWER")).containsExactly("OPERATOR");
    }

    @Test
    void theGroupsMappingReadsTheProvidersGroupsClaim() {
        assertThat(RoleMappings.resolve(Map.of("roles_claim", List.of("Finance")), mappings, "roles_claim", "VIEWER"))
                .containsExactly("FINOPS");
        assertThat(RoleMappings.resolve(Map.of("teams", List.of("acme/sre")), List.of(new RoleMapping("groups", "acme/sre", "ENGINEER")),
                "teams", "VIEWER")).containsExactly("ENGINEER");
    }

    @Test
    void nothingMatchingGivesTheDefaultRole() {
        assertThat(RoleMappings.resolve(Map.of("groups", List.of("Sales")), mappings, "groups", "AUDITOR")).containsExactly("AUDITOR");
        assertThat(RoleMappings.resolve(Map.of(), mappings, "groups", "VIEWER")).containsExactly("VIEWER");
        assertThat(RoleMappings.resolve(Map.of("groups", "Finance-EU"), mappings, "groups", "VIEWER")).containsExactly("VIEWER");
    }

    @Test
    void onlyHeldRolesCanBeGrantedExceptByAdmins() {
        assertThat(RoleGrants.notGrantable(List.of("VIEWER"), List.of("VIEWER", "FINOPS"))).containsExactly("FINOPS");
        assertThat(RoleGrants.notGrantable(List.of("ADMIN"), List.of("VIEWER", "custom:ops", "MSP_ADMIN"))).containsExactly("MSP_ADMIN");
        assertThat(RoleGrants.notGrantable(List.of("MSP_ADMIN"), List.of("MSP_ADMIN", "ADMIN"))).isEmpty();
        assertThat(RoleGrants.isRoleKey("custom:cost-owners")).isTrue();
        assertThat(RoleGrants.isRoleKey("ROOT")).isFalse();
        assertThat(RoleGrants.isRoleKey("custom:Bad Slug")).isFalse();
    }

    @Test
    void onlyLocalPathsAreRedirectTargets() {
        assertThat(SsoLogin.safePath("/inventory?q=x")).isEqualTo("/inventory?q=x");
        assertThat(SsoLogin.safePath("//evil.example")).isEqualTo("/");
        assertThat(SsoLogin.safePath("/\\evil.example")).isEqualTo("/");
        assertThat(SsoLogin.safePath("https://evil.example")).isEqualTo("/");
        assertThat(SsoLogin.safePath(null)).isEqualTo("/");
    }

    @Test
    void presetsTurnShortIssuersIntoUrls() {
        assertThat(SsoPreset.ENTRA.issuerFor("contoso.onmicrosoft.com")).isEqualTo("https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0");
        assertThat(SsoPreset.OKTA.issuerFor("acme.okta.com")).isEqualTo("https://acme.okta.com/oauth2/default");
        assertThat(SsoPreset.GOOGLE.issuerFor(null)).isEqualTo("https://accounts.google.com");
        assertThat(SsoPreset.GITHUB.issuerFor("")).isEqualTo("https://github.com");
        assertThat(GitHubClient.apiBase("https://github.com")).isEqualTo("https://api.github.com");
        assertThat(GitHubClient.apiBase("https://ghe.example.com")).isEqualTo("https://ghe.example.com/api/v3");
        assertThat(SsoPreset.GENERIC.issuerFor(" ")).isNull();
    }
}
