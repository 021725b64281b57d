package io.cloudwarden.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cloudwarden.shared.SecretCipher;
import io.cloudwarden.shared.TenantId;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs RS256 access tokens (with a {@code kid} header) with the newest key in {@code signing_keys}, whose
 * private part is envelope-encrypted. Keys rotate after {@code cloudwarden.identity.signing-key-rotation}:
 * the old key is retired, and stays published and accepted until every token it signed has expired. As a
 * {@link JWKSource} it hands the JWT decoder the key named by a token's {@code kid}, re-reading the table
 * when an unknown kid arrives, so every node verifies tokens signed by any node's newest key.
 */
@Component
public class TokenIssuer implements JWKSource<SecurityContext> {

    /** Added to the access-token lifetime: how long nodes may keep signing with a key another node retired. */
    private static final Duration RETIRED_GRACE = Duration.ofMinutes(2);
    private static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final IdentityProperties props;
    private final TransactionTemplate tx;
    private final Clock clock = Clock.systemUTC();
    private volatile RSAKey signingKey;
    private volatile Map<String, RSAKey> verificationKeys = Map.of();
    private volatile Instant lastReload = Instant.EPOCH;

    TokenIssuer(JdbcClient jdbc, SecretCipher cipher, IdentityProperties props, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.props = props;
        this.tx = tx;
        this.signingKey = tx.execute(status -> loadOrCreate());
        reloadVerificationKeys();
    }

    /** Issues an access token without a session (kept for callers that have none). */
    public IssuedToken issue(UUID userId, String username, TenantId tenant, List<String> roles) {
        return issue(userId, username, tenant, roles, null, Map.of());
    }

    /**
     * Issues an access token for a user of {@code tenant}; {@code sessionId} becomes the {@code sid} claim
     * that logout denylists, and {@code extra} adds claims (e.g. the enrolment-only scope).
     */
    public IssuedToken issue(UUID userId, String username, TenantId tenant, List<String> roles, UUID sessionId,
                             Map<String, Object> extra) {
        Instant now = clock.instant();
        Instant expires = now.plus(props.accessTokenTtl());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(props.issuer())
                .subject(userId.toString())
                .claim("tid", tenant.toString())
                .claim("preferred_username", username)
                .claim("roles", roles)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString());
        if (sessionId != null) {
            claims.claim("sid", sessionId.toString());
        }
        extra.forEach(claims::claim);
        RSAKey key = signingKey;
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign the access token", e);
        }
        return new IssuedToken(jwt.serialize(), props.accessTokenTtl().toSeconds());
    }

    /** The public keys that verify tokens (current and not-yet-expired retired keys), as a JWK set. */
    public JWKSet publicKeys() {
        return new JWKSet(List.copyOf(loadPublicKeys()));
    }

    /** The kid new tokens are signed with. */
    public String currentKeyId() {
        return signingKey.getKeyID();
    }

    /** Retires the current signing key and signs with a new one from now on (every node within a minute). */
    public String rotate() {
        signingKey = tx.execute(status -> {
            lock();
            jdbc.sql("update signing_keys set retired_at = now() where retired_at is null").update();
            return create();
        });
        reloadVerificationKeys();
        return signingKey.getKeyID();
    }

    /** Every minute: pick up a key another node created, and rotate when the current key is too old. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void maintain() {
        signingKey = tx.execute(status -> {
            lock();
            RSAKey newest = loadOrCreate();
            Instant created = jdbc.sql("select created_at from signing_keys where kid = ?").param(newest.getKeyID())
                    .query(Timestamp.class).single().toInstant();
            if (created.plus(props.signingKeyRotation()).isBefore(clock.instant())) {
                jdbc.sql("update signing_keys set retired_at = now() where retired_at is null").update();
                return create();
            }
            return newest;
        });
        reloadVerificationKeys();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        List<JWK> found = selector.select(new JWKSet(List.copyOf(verificationKeys.values())));
        if (found.isEmpty() && Duration.between(lastReload, clock.instant()).compareTo(MIN_RELOAD_INTERVAL) > 0) {
            reloadVerificationKeys();
            found = selector.select(new JWKSet(List.copyOf(verificationKeys.values())));
        }
        return found;
    }

    private void reloadVerificationKeys() {
        verificationKeys = loadPublicKeys().stream().collect(Collectors.toUnmodifiableMap(RSAKey::getKeyID, Function.identity()));
        lastReload = clock.instant();
    }

    private List<RSAKey> loadPublicKeys() {
        Instant cutoff = clock.instant().minus(props.accessTokenTtl()).minus(RETIRED_GRACE);
        return jdbc.sql("select kid, public_key from signing_keys where retired_at is null or retired_at > ? order by created_at")
                .param(Timestamp.from(cutoff))
                .query((rs, n) -> new RSAKey.Builder(publicKey(rs.getBytes(2))).keyID(rs.getString(1))
                        .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build())
                .list();
    }

    private void lock() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('cloudwarden.signing_keys'))").query(rs -> { });
    }

    private RSAKey loadOrCreate() {
        lock();
        return jdbc.sql("select kid, public_key, private_key from signing_keys where retired_at is null order by created_at desc limit 1")
                .query((rs, n) -> toKey(rs.getString(1), rs.getBytes(2), rs.getBytes(3)))
                .optional()
                .orElseGet(this::create);
    }

    private RSAKey create() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair pair = gen.generateKeyPair();
            String kid = UUID.randomUUID().toString();
            byte[] sealed = cipher.encrypt(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            jdbc.sql("insert into signing_keys (kid, algorithm, public_key, private_key) values (?, 'RS256', ?, ?)")
                    .params(kid, pair.getPublic().getEncoded(), sealed).update();
            return toKey(kid, pair.getPublic().getEncoded(), sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not create a signing key", e);
        }
    }

    private RSAKey toKey(String kid, byte[] publicDer, byte[] sealedPrivate) {
        try {
            byte[] privateDer = Base64.getDecoder().decode(cipher.decrypt(sealedPrivate));
            RSAPrivateKey priv = (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(privateDer));
            return new RSAKey.Builder(publicKey(publicDer)).privateKey(priv).keyID(kid).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not load signing key " + kid, e);
        }
    }

    private static RSAPublicKey publicKey(byte[] der) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("invalid stored public key", e);
        }
    }

    /** A signed token and its lifetime in seconds. */
    public record IssuedToken(String token, long expiresInSeconds) {
    }
}
