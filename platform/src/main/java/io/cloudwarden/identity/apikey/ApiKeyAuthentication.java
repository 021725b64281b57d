package io.cloudwarden.identity.apikey;

import io.cloudwarden.shared.TenantId;
import java.util.List;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated with an API key: the name is {@code apikey:<id>}, the authorities are
 * {@code ROLE_<role>} of the key's roles, and the key's tenant is the request's tenant.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final UUID keyId;
    private final TenantId tenant;
    private final List<String> roles;

    public ApiKeyAuthentication(UUID keyId, TenantId tenant, List<String> roles) {
        super(roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
        this.keyId = keyId;
        this.tenant = tenant;
        this.roles = List.copyOf(roles);
        setAuthenticated(true);
    }

    public UUID keyId() {
        return keyId;
    }

    public TenantId tenant() {
        return tenant;
    }

    public List<String> roles() {
        return roles;
    }

    @Override
    public String getName() {
        return "apikey:" + keyId;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return getName();
    }
}
