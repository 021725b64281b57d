package io.cloudwarden.identity.sso;

import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An SSO provider of a tenant, without its client secret. */
public record SsoProvider(UUID id, TenantId tenantId, String name, String kind, SsoPreset preset, String issuer, String clientId,
                          List<String> scopes, String groupsClaim, String defaultRole, boolean enabled,
                          List<RoleMapping> roleMappings, Instant createdAt, Instant updatedAt) {
}
