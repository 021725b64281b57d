package io.cloudwarden.identity.internal;

import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.identity.UserLoggedIn;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.web.RequestActor;
import io.cloudwarden.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Verifies username and password and issues an access token. */
@Service
public class LoginService {

    private static final Logger log = LoggerFactory.getLogger(LoginService.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final TokenIssuer tokens;
    private final ApplicationEventPublisher events;
    private final TenantNetworkPolicy network;
    /** Compared against when the user is unknown, so a wrong username costs as long as a wrong password. */
    private final String decoyHash;

    LoginService(JdbcClient jdbc, PasswordEncoder passwords, TokenIssuer tokens, ApplicationEventPublisher events,
                 TenantNetworkPolicy network) {
        this.network = network;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.tokens = tokens;
        this.events = events;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    @Transactional
    public TokenIssuer.IssuedToken login(String username, String password) {
        String name = username == null ? "" : username.trim().toLowerCase();
        var found = jdbc.sql("select user_id, tenant_id, password_hash, enabled, roles from cw_login_lookup(?)").param(name)
                .query((rs, n) -> new Credentials(rs.getObject(1, UUID.class), new TenantId(rs.getObject(2, UUID.class)),
                        rs.getString(3), rs.getBoolean(4), List.of((String[]) rs.getArray(5).getArray())))
                .optional();
        String candidate = password == null ? "" : password;
        if (found.isEmpty()) {
            passwords.matches(candidate, decoyHash);
            throw invalid(name);
        }
        Credentials c = found.get();
        if (!passwords.matches(candidate, c.passwordHash())) {
            throw invalid(name);
        }
        if (!c.enabled()) {
            throw new CloudwardenException(IdentityErrorCode.USER_DISABLED, "this user is disabled; ask an administrator");
        }
        network.check(c.tenant(), RequestActor.sourceIp());
        jdbc.sql("select cw_record_login(?)").param(c.userId()).query(rs -> { });
        TenantContext.runAs(c.tenant(), () -> events.publishEvent(new UserLoggedIn(c.tenant(), c.userId(), name, RequestActor.sourceIp(), Instant.now())));
        return tokens.issue(c.userId(), name, c.tenant(), c.roles());
    }

    private static CloudwardenException invalid(String name) {
        log.info("Failed login for username '{}'", name);
        return new CloudwardenException(IdentityErrorCode.INVALID_CREDENTIALS, "the username or password is wrong");
    }

    private record Credentials(UUID userId, TenantId tenant, String passwordHash, boolean enabled, List<String> roles) {
    }
}
