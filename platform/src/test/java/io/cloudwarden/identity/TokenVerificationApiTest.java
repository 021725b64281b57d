package io.cloudwarden.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cloudwarden.identity.internal.TokenIssuer;
import io.cloudwarden.shared.SecretCipher;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Access-token verification: forged, expired and foreign tokens are refused; keys rotate without breaking tokens. */
@PlatformTest
class TokenVerificationApiTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    TokenIssuer tokens;
    @Autowired
    org.springframework.security.oauth2.jwt.JwtDecoder decoder;

    private int statusWith(String token) {
        return new ApiClient(port).withToken(token).get("/api/v1/me/sessions").status();
    }

    private JWTClaimsSet.Builder claims(IdentityFixtures.TestUser user, Instant expires, String issuer) {
        return new JWTClaimsSet.Builder().issuer(issuer).subject(user.id().toString()).claim("tid", user.tenant().toString())
                .claim("roles", List.of("ADMIN")).issueTime(Date.from(expires.minusSeconds(900))).expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString());
    }

    private String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** The current signing key, read from the database as any node would. */
    private RSAKey currentKey() throws Exception {
        String kid = tokens.currentKeyId();
        byte[] sealed = jdbc.sql("select private_key from signing_keys where kid = ?").param(kid).query((rs, n) -> rs.getBytes(1)).single();
        RSAPrivateKey priv = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(cipher.decrypt(sealed))));
        RSAKey pub = (RSAKey) tokens.publicKeys().getKeyByKeyId(kid);
        return new RSAKey.Builder(pub.toRSAPublicKey()).privateKey(priv).keyID(kid).build();
    }

    @Test
    void aTokenSignedWithTheRealKeyWorksButExpiredOrForeignIssuerOnesDoNot() throws Exception {
        var user = IdentityFixtures.newUser(identity, "jwt", List.of("ADMIN"));
        RSAKey key = currentKey();
        assertThat(statusWith(sign(key, claims(user, Instant.now().plusSeconds(300), "cloudwarden").build()))).isEqualTo(200);
        assertThat(statusWith(sign(key, claims(user, Instant.now().minusSeconds(120), "cloudwarden").build()))).isEqualTo(401);
        assertThat(statusWith(sign(key, claims(user, Instant.now().plusSeconds(300), "https://evil.example").build()))).isEqualTo(401);
    }

    @Test
    void unsignedAndWronglySignedTokensAreRefused() throws Exception {
        var user = IdentityFixtures.newUser(identity, "forged", List.of("ADMIN"));
        JWTClaimsSet claims = claims(user, Instant.now().plusSeconds(300), "cloudwarden").build();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String none = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
        assertThat(statusWith(none)).isEqualTo(401);
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(tokens.currentKeyId()).generate();
        assertThat(statusWith(sign(impostor, claims))).as("right kid, wrong key").isEqualTo(401);
        RSAKey unknown = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        assertThat(statusWith(sign(unknown, claims))).as("unknown kid").isEqualTo(401);
    }

    @Test
    void afterRotationOldTokensStillVerifyAndNewTokensCarryTheNewKid() throws Exception {
        var user = IdentityFixtures.newUser(identity, "rotation", List.of("VIEWER"));
        ApiClient before = new ApiClient(port).login(user.username(), IdentityFixtures.PASSWORD);
        String oldKid = kid(before.token());
        String newKid = tokens.rotate();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(before.get("/api/v1/me/sessions").status()).isEqualTo(200);
        ApiClient after = new ApiClient(port).login(user.username(), IdentityFixtures.PASSWORD);
        assertThat(kid(after.token())).isEqualTo(newKid);
        var jwks = new ApiClient(port).get("/.well-known/jwks.json").body().get("keys");
        List<String> kids = new java.util.ArrayList<>();
        jwks.forEach(k -> kids.add(k.get("kid").asString()));
        assertThat(kids).contains(oldKid, newKid);
        jwks.forEach(k -> assertThat(k.has("d")).as("no private parts").isFalse());
    }

    @Test
    void aKeyCreatedByAnotherNodeIsFoundByItsKid() throws Exception {
        var user = IdentityFixtures.newUser(identity, "othernode", List.of("VIEWER"));
        RSAKey other = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        byte[] sealed = cipher.encrypt(Base64.getEncoder().encodeToString(other.toRSAPrivateKey().getEncoded()));
        jdbc.sql("insert into signing_keys (kid, algorithm, public_key, private_key, retired_at) values (?, 'RS256', ?, ?, now())")
                .params(other.getKeyID(), other.toRSAPublicKey().getEncoded(), sealed).update();
        Thread.sleep(1100); // the decoder re-reads the key table at most once a second
        assertThat(statusWith(sign(other, claims(user, Instant.now().plusSeconds(300), "cloudwarden").build()))).isEqualTo(200);
    }

    @Test
    void verifyingATokenTakesWellUnderAMillisecond() {
        var user = IdentityFixtures.newUser(identity, "perf", List.of("VIEWER"));
        String token = new ApiClient(port).login(user.username(), IdentityFixtures.PASSWORD).token();
        for (int i = 0; i < 300; i++) {
            decoder.decode(token);
        }
        long[] nanos = new long[500];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            decoder.decode(token);
            nanos[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(nanos);
        assertThat(nanos[nanos.length / 2]).as("p50 nanoseconds of signature, claims and denylist checks").isLessThan(1_000_000L);
    }

    private static String kid(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getHeader().getKeyID();
    }
}
