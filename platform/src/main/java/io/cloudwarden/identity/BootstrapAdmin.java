package io.cloudwarden.identity;

import io.cloudwarden.identity.internal.IdentityProperties;
import io.cloudwarden.shared.TenantId;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On first start, creates the bootstrap tenant and its admin user. The admin password comes from
 * {@code CLOUDWARDEN_ADMIN_PASSWORD}; without it one is generated and printed to the console once, never
 * logged, and never shown again.
 */
@Component
public class BootstrapAdmin {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final IdentityManagement identity;
    private final IdentityProperties props;

    BootstrapAdmin(IdentityManagement identity, IdentityProperties props) {
        this.identity = identity;
        this.props = props;
    }

    /** Username of the bootstrap admin. */
    public String adminUsername() {
        return props.bootstrapAdmin();
    }

    /** Ensures the bootstrap tenant and admin exist; returns the tenant. */
    public TenantId ensure() {
        TenantId tenant = identity.findTenantIdByName(props.bootstrapTenant())
                .orElseGet(() -> {
                    Tenant created = identity.createTenant(props.bootstrapTenant(), "CUSTOMER", null);
                    log.info("Created tenant '{}' ({})", created.name(), created.id());
                    return created.id();
                });
        if (!identity.userExists(props.bootstrapAdmin())) {
            boolean generated = props.adminPassword() == null || props.adminPassword().isBlank();
            String password = generated ? generatePassword() : props.adminPassword();
            identity.createUser(tenant, props.bootstrapAdmin(), password, bootstrapRoles(tenant));
            if (generated) {
                System.out.println();
                System.out.println("  Bootstrap admin created. Username: " + props.bootstrapAdmin() + "  Password: " + password);
                System.out.println("  This password is shown once. Set CLOUDWARDEN_ADMIN_PASSWORD to choose it yourself.");
                System.out.println();
            } else {
                log.info("Bootstrap admin '{}' created with the password from CLOUDWARDEN_ADMIN_PASSWORD", props.bootstrapAdmin());
            }
        }
        return tenant;
    }

    /** ADMIN of the bootstrap tenant; also MSP_ADMIN when that tenant is an MSP (only MSP_ADMIN manages children). */
    List<String> bootstrapRoles(TenantId tenant) {
        boolean msp = io.cloudwarden.shared.TenantContext.callAs(tenant,
                () -> identity.findTenant(tenant).map(t -> "MSP".equals(t.kind())).orElse(false));
        return msp ? List.of(BuiltInRole.MSP_ADMIN.key(), BuiltInRole.ADMIN.key()) : List.of(BuiltInRole.ADMIN.key());
    }

    private static String generatePassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
