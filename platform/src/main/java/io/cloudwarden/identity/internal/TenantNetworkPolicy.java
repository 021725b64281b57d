package io.cloudwarden.identity.internal;

import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.identity.TenantSettingsLookup;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.TenantId;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A tenant's IP allow-list: with a non-empty list, only addresses inside one of its ranges may act in the
 * tenant (API requests and login). The address is the request's remote address, which Spring resolves from
 * X-Forwarded-For only when {@code server.forward-headers-strategy} says the proxy in front is trusted.
 */
@Component
public class TenantNetworkPolicy {

    private final TenantSettingsLookup settings;

    TenantNetworkPolicy(TenantSettingsLookup settings) {
        this.settings = settings;
    }

    /** Whether {@code address} may act in {@code tenant}. */
    public boolean allows(TenantId tenant, String address) {
        List<String> ranges = settings.settings(tenant).ipAllowList();
        return ranges.isEmpty() || ranges.stream().anyMatch(r -> IpRange.parse(r).map(range -> range.contains(address)).orElse(false));
    }

    /** Fails with 403 IP_NOT_ALLOWED unless {@code address} may act in {@code tenant}. */
    public void check(TenantId tenant, String address) {
        if (!allows(tenant, address)) {
            throw new CloudwardenException(IdentityErrorCode.IP_NOT_ALLOWED,
                    "this tenant accepts requests only from its allowed networks; your address is not in them");
        }
    }
}
