package io.cloudwarden.identity.sso;

import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.identity.SsoLoginFailed;
import io.cloudwarden.identity.SsoLoginSucceeded;
import io.cloudwarden.identity.internal.SessionService;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.ErrorCode;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.shared.web.RequestActor;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stateless SSO login: {@link #start} stores state, nonce and PKCE verifier server-side (hashed state as the
 * key) and sends the browser to the provider; {@link #callback} checks the state (single use), exchanges the
 * code, validates the identity, provisions the user, re-applies role mappings, and sends the browser to the
 * console with a one-time code; {@link #exchange} trades that code (single use, 60 s) for tokens. No HTTP
 * session is involved, so any replica can serve any step.
 */
@Service
public class SsoLogin {

    private static final Logger log = LoggerFactory.getLogger(SsoLogin.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SsoProviderStore providers;
    private final SsoUserProvisioner users;
    private final OidcClient oidc;
    private final GitHubClient github;
    private final SessionService sessions;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final SsoProperties props;
    private final Clock clock = Clock.systemUTC();

    SsoLogin(JdbcClient jdbc, SsoProviderStore providers, SsoUserProvisioner users, OidcClient oidc, GitHubClient github,
             SessionService sessions, ApplicationEventPublisher events, TransactionTemplate tx, SsoProperties props) {
        this.jdbc = jdbc;
        this.providers = providers;
        this.users = users;
        this.oidc = oidc;
        this.github = github;
        this.sessions = sessions;
        this.events = events;
        this.tx = tx;
        this.props = props;
    }

    /** A provider as the sign-in page lists it. */
    public record PublicProvider(UUID id, String name, String kind, String preset) {
    }

    /** The enabled, allowed providers of the tenant with this id or name; empty for an unknown tenant. */
    public List<PublicProvider> publicProviders(String tenantRef) {
        if (tenantRef == null || tenantRef.isBlank()) {
            return List.of();
        }
        UUID tenant;
        try {
            tenant = UUID.fromString(tenantRef.trim());
        } catch (IllegalArgumentException e) {
            tenant = jdbc.sql("select cw_tenant_exists(?)").param(tenantRef.trim()).query(UUID.class).optional().orElse(null);
        }
        if (tenant == null) {
            return List.of();
        }
        return jdbc.sql("select id, name, kind, preset from cw_sso_public_providers(?)").param(tenant)
                .query((rs, n) -> new PublicProvider(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** The URL of the provider's authorization request for a new login that returns to {@code redirectPath}. */
    public URI start(UUID providerId, String redirectPath, String baseUrl) {
        TenantId tenant = jdbc.sql("select cw_sso_provider_tenant(?)").param(providerId).query(UUID.class).optional()
                .map(TenantId::new).orElseThrow(() -> SsoProviderStore.notFound(providerId));
        return TenantContext.callAs(tenant, () -> {
            SsoProvider provider = usableProvider(providerId);
            String state = random();
            ProviderClient.LoginRequest login = new ProviderClient.LoginRequest(callbackUri(baseUrl), state, random(),
                    random() + random());
            URI authorization = client(provider).authorizationUri(provider, login);
            jdbc.sql("""
                            insert into sso_login_states (state_hash, tenant_id, provider_id, nonce, code_verifier, redirect_path, expires_at)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(sha256(state), tenant.value(), providerId, login.nonce(), login.codeVerifier(), safePath(redirectPath),
                            Timestamp.from(clock.instant().plus(props.loginTimeout())))
                    .update();
            return authorization;
        });
    }

    /**
     * Completes a login and answers where to send the browser: the console's {@code /login/sso#code=...} on
     * success, {@code /login?ssoError=<code>} on any failure (which is audited when the tenant is known).
     */
    public URI callback(String code, String state, String error, String baseUrl) {
        String base = base(baseUrl);
        if (state == null || state.isBlank()) {
            return failure(base, IdentityErrorCode.SSO_STATE_INVALID);
        }
        byte[] stateHash = sha256(state);
        Optional<TenantId> tenant = jdbc.sql("select cw_sso_state_tenant(?)").param(stateHash).query(UUID.class).optional().map(TenantId::new);
        if (tenant.isEmpty()) {
            log.info("SSO callback with an unknown or used state");
            return failure(base, IdentityErrorCode.SSO_STATE_INVALID);
        }
        return TenantContext.callAs(tenant.get(), () -> {
            Optional<PendingLogin> pending = jdbc.sql("""
                            delete from sso_login_states where state_hash = ?
                            returning provider_id, nonce, code_verifier, redirect_path, expires_at""")
                    .param(stateHash)
                    .query((rs, n) -> new PendingLogin(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant()))
                    .optional();
            if (pending.isEmpty() || pending.get().expiresAt().isBefore(clock.instant())) {
                return failure(base, IdentityErrorCode.SSO_STATE_INVALID);
            }
            PendingLogin p = pending.get();
            String email = null;
            try {
                if (error != null || code == null || code.isBlank()) {
                    log.info("SSO provider {} answered the authorization request with error {}", p.providerId(), error);
                    throw new CloudwardenException(IdentityErrorCode.SSO_PROVIDER_ERROR, "the identity provider refused the sign-in");
                }
                SsoProvider provider = usableProvider(p.providerId());
                ProviderClient.LoginRequest login = new ProviderClient.LoginRequest(callbackUri(baseUrl), state, p.nonce(), p.codeVerifier());
                Map<String, Object> claims = client(provider).exchange(provider, providers.clientSecret(provider.id()), code, login);
                email = SsoUserProvisioner.verifiedEmail(provider, claims);
                String verified = email;
                String oneTimeCode = tx.execute(status -> complete(provider, claims, verified, p.redirectPath()));
                return URI.create(base + "/login/sso#code=" + oneTimeCode + "&redirect=" + URLEncoder.encode(p.redirectPath(), StandardCharsets.UTF_8));
            } catch (CloudwardenException e) {
                return audited(base, tenant.get(), p.providerId(), e.errorCode(), email);
            } catch (RuntimeException e) {
                log.warn("SSO login through provider {} failed unexpectedly", p.providerId(), e);
                return audited(base, tenant.get(), p.providerId(), IdentityErrorCode.SSO_PROVIDER_ERROR, email);
            }
        });
    }

    /** Trades a one-time code from {@link #callback} for tokens; the code works once, within its lifetime. */
    public SessionService.TokenPair exchange(String code, String ip, String userAgent) {
        byte[] hash = sha256(code == null ? "" : code);
        TenantId tenant = jdbc.sql("select cw_sso_code_tenant(?)").param(hash).query(UUID.class).optional().map(TenantId::new)
                .orElseThrow(SsoLogin::invalidCode);
        return TenantContext.callAs(tenant, () -> {
            Map.Entry<UUID, Instant> taken = jdbc.sql("delete from sso_exchange_codes where code_hash = ? returning user_id, expires_at")
                    .param(hash).query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()))
                    .optional().orElseThrow(SsoLogin::invalidCode);
            if (taken.getValue().isBefore(clock.instant())) {
                throw invalidCode();
            }
            record User(String username, List<String> roles, boolean enabled) {
            }
            User user = jdbc.sql("select username, roles, enabled from users where id = ?").param(taken.getKey())
                    .query((rs, n) -> new User(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()), rs.getBoolean(3)))
                    .optional().orElseThrow(SsoLogin::invalidCode);
            if (!user.enabled()) {
                throw new CloudwardenException(IdentityErrorCode.USER_DISABLED, "this user is disabled; ask an administrator");
            }
            return sessions.start(tenant, taken.getKey(), ip, userAgent);
        });
    }

    /** Removes expired logins and codes of every tenant. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void sweep() {
        jdbc.sql("select cw_sso_sweep()").query(rs -> { });
    }

    private String complete(SsoProvider provider, Map<String, Object> claims, String email, String redirectPath) {
        SsoUserProvisioner.SignedIn user = users.signIn(provider, claims, email);
        String code = random();
        jdbc.sql("""
                        insert into sso_exchange_codes (code_hash, tenant_id, user_id, provider_id, redirect_path, expires_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(sha256(code), provider.tenantId().value(), user.userId(), provider.id(), redirectPath,
                        Timestamp.from(clock.instant().plus(props.codeTtl())))
                .update();
        events.publishEvent(new SsoLoginSucceeded(provider.tenantId(), user.userId(), user.username(), provider.id(), provider.name(),
                user.roles(), user.firstLogin(), RequestActor.sourceIp(), clock.instant()));
        return code;
    }

    /** The provider, if it is enabled and the tenant's settings allow it (none listed means all are allowed). */
    private SsoProvider usableProvider(UUID id) {
        SsoProvider provider = providers.find(id).orElseThrow(() -> SsoProviderStore.notFound(id));
        List<UUID> allowed = jdbc.sql("select allowed_sso_providers from tenant_settings where tenant_id = ?")
                .param(provider.tenantId().value())
                .query((rs, n) -> List.of((UUID[]) rs.getArray(1).getArray())).optional().orElse(List.of());
        if (!provider.enabled() || (!allowed.isEmpty() && !allowed.contains(id))) {
            throw new CloudwardenException(IdentityErrorCode.SSO_PROVIDER_NOT_ALLOWED,
                    "the provider '" + provider.name() + "' is not enabled for sign-in");
        }
        return provider;
    }

    private ProviderClient client(SsoProvider provider) {
        return "GITHUB".equals(provider.kind()) ? github : oidc;
    }

    /** The redirect URI to register with every provider. */
    public URI callbackUri(String requestBaseUrl) {
        return URI.create(base(requestBaseUrl) + "/api/v1/auth/sso/callback");
    }

    private String base(String requestBaseUrl) {
        return props.publicUrl() != null ? props.publicUrl() : requestBaseUrl;
    }

    private URI audited(String base, TenantId tenant, UUID providerId, ErrorCode code, String email) {
        events.publishEvent(new SsoLoginFailed(tenant, providerId, code.code(), email, RequestActor.sourceIp(), clock.instant()));
        return failure(base, code);
    }

    private static URI failure(String base, ErrorCode code) {
        return URI.create(base + "/login?ssoError=" + code.code());
    }

    /** A local path to return to after login: never another origin ({@code //host}, {@code /\host}, schemes). */
    static String safePath(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\") || path.length() > 1000
                || path.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return path;
    }

    private static CloudwardenException invalidCode() {
        return new CloudwardenException(IdentityErrorCode.SSO_CODE_INVALID, "the sign-in code is invalid, expired or already used");
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record PendingLogin(UUID providerId, String nonce, String codeVerifier, String redirectPath, Instant expiresAt) {
    }
}
