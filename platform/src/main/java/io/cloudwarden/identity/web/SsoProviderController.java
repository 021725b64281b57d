package io.cloudwarden.identity.web;

import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.identity.sso.RoleMapping;
import io.cloudwarden.identity.sso.SsoLogin;
import io.cloudwarden.identity.sso.SsoProvider;
import io.cloudwarden.identity.sso.SsoProviderStore;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The tenant's SSO providers. The client secret is write-only; mappings cannot grant roles the caller lacks. */
@RestController
@Tag(name = "sso", description = "Single sign-on providers (OpenID Connect, GitHub) and their role mappings")
class SsoProviderController {

    private final SsoProviderStore store;
    private final SsoLogin sso;

    SsoProviderController(SsoProviderStore store, SsoLogin sso) {
        this.store = store;
        this.sso = sso;
    }

    @GetMapping("/api/v1/sso/providers")
    @RequiresPermission(Permission.IDENTITY_MANAGE_SSO)
    @Operation(summary = "The tenant's SSO providers (never their client secrets)")
    List<ProviderView> list() {
        return store.list().stream().map(this::view).toList();
    }

    @GetMapping("/api/v1/sso/providers/{id}")
    @RequiresPermission(Permission.IDENTITY_MANAGE_SSO)
    @Operation(summary = "One SSO provider")
    ProviderView get(@PathVariable UUID id) {
        return view(store.find(id).orElseThrow(() -> new CloudwardenException(IdentityErrorCode.SSO_PROVIDER_NOT_FOUND,
                "SSO provider " + id + " was not found")));
    }

    @PostMapping("/api/v1/sso/providers")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.IDENTITY_MANAGE_SSO)
    @Operation(summary = "Add an SSO provider (presets ENTRA, GOOGLE, OKTA, GENERIC, GITHUB)")
    ProviderView create(@RequestBody SsoProviderStore.ProviderInput input, Authentication auth) {
        return view(store.create(input, roles(auth)));
    }

    @PutMapping("/api/v1/sso/providers/{id}")
    @RequiresPermission(Permission.IDENTITY_MANAGE_SSO)
    @Operation(summary = "Change an SSO provider; without clientSecret the stored secret is kept")
    ProviderView update(@PathVariable UUID id, @RequestBody SsoProviderStore.ProviderInput input, Authentication auth) {
        return view(store.update(id, input, roles(auth)));
    }

    @DeleteMapping("/api/v1/sso/providers/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.IDENTITY_MANAGE_SSO)
    @Operation(summary = "Remove an SSO provider; its users can no longer sign in with it")
    void delete(@PathVariable UUID id) {
        store.delete(id);
    }

    private ProviderView view(SsoProvider p) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return new ProviderView(p.id(), p.name(), p.kind(), p.preset().name(), p.issuer(), p.clientId(), true, p.scopes(),
                p.groupsClaim(), p.defaultRole(), p.enabled(), p.roleMappings(), sso.callbackUri(base).toString(),
                p.createdAt(), p.updatedAt());
    }

    private static List<String> roles(Authentication auth) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).toList();
    }

    /**
     * A provider as administrators see it.
     *
     * @param clientSecretSet always true: the secret is stored and never shown
     * @param redirectUri     the redirect URI to register with the provider
     */
    record ProviderView(UUID id, String name, String kind, String preset, String issuer, String clientId, boolean clientSecretSet,
                        List<String> scopes, String groupsClaim, String defaultRole, boolean enabled, List<RoleMapping> roleMappings,
                        String redirectUri, Instant createdAt, Instant updatedAt) {
    }
}
