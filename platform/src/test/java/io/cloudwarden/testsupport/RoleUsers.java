package io.cloudwarden.testsupport;

import io.cloudwarden.identity.BootstrapAdmin;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.shared.TenantId;
import java.util.List;
import java.util.UUID;

/** Creates users with given roles in the bootstrap tenant of a {@link PlatformTest} and logs them in. */
public final class RoleUsers {

    /** The password of every user this creates. */
    public static final String PASSWORD = "role-user-password-123";

    private final IdentityManagement identity;
    private final TenantId tenant;
    private final int port;

    public RoleUsers(IdentityManagement identity, BootstrapAdmin bootstrap, int port) {
        this.identity = identity;
        this.tenant = bootstrap.ensure();
        this.port = port;
    }

    /** The bootstrap tenant. */
    public TenantId tenant() {
        return tenant;
    }

    /** A new user (unique name starting with {@code prefix}) holding {@code roles}. */
    public User create(String prefix, List<String> roles) {
        String username = prefix.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = identity.createUser(tenant, username, PASSWORD, roles);
        return new User(id, username);
    }

    /** A new user holding {@code roles}, logged in. */
    public ApiClient login(String prefix, List<String> roles) {
        return new ApiClient(port).login(create(prefix, roles).username(), PASSWORD);
    }

    /** A created user. */
    public record User(UUID id, String username) {
    }
}
