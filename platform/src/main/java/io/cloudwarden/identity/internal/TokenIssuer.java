package io.cloudwarden.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
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
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs RS256 access tokens with the newest key in {@code signing_keys}, creating one (private part
 * envelope-encrypted) on first use. Every replica reads the same keys from the database, so a token issued
 * by one node verifies on all; the public keys are published as a JWK set. Key rotation comes with the
 * identity issue: verification already accepts every unretired key.
 */
@Component
public class TokenIssuer {

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final IdentityProperties props;
    private final Clock clock;
    private final RSAKey signingKey;

    TokenIssuer(JdbcClient jdbc, SecretCipher cipher, IdentityProperties props, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.props = props;
        this.clock = Clock.systemUTC();
        this.signingKey = tx.execute(status -> loadOrCreate());
    }

    /** Issues an access token for a user of {@code tenant}. */
    public IssuedToken issue(UUID userId, String username, TenantId tenant, List<String> roles) {
        Instant now = clock.instant();
        Instant expires = now.plus(props.accessTokenTtl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(props.issuer())
                .subject(userId.toString())
                .claim("tid", tenant.toString())
                .claim("preferred_username", username)
                .claim("roles", roles)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign the access token", e);
        }
        return new IssuedToken(jwt.serialize(), props.accessTokenTtl().toSeconds());
    }

    /** The public keys that verify tokens, as a JWK set. */
    public JWKSet publicKeys() {
        List<RSAKey> keys = jdbc.sql("select kid, public_key from signing_keys where retired_at is null order by created_at")
                .query((rs, n) -> new RSAKey.Builder(publicKey(rs.getBytes(2))).keyID(rs.getString(1))
                        .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build())
                .list();
        return new JWKSet(List.copyOf(keys));
    }

    /** The current verification key. */
    public RSAPublicKey verificationKey() {
        try {
            return signingKey.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private RSAKey loadOrCreate() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('cloudwarden.signing_keys'))").query(rs -> { });
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
