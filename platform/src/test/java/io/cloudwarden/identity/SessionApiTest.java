package io.cloudwarden.identity;

import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Sessions over real HTTP: refresh rotation, reuse detection, logout, session list, lockout, deactivation. */
@PlatformTest
class SessionApiTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityManagement identity;
    @Autowired
    JdbcClient jdbc;

    private ApiClient.Response login(String username, String password) {
        return new ApiClient(port).post("/api/v1/auth/login", Map.of("username", username, "password", password));
    }

    @Test
    void loginAnswersARefreshTokenThatRotatesOnEveryUse() {
        var user = IdentityFixtures.newUser(identity, "rotate", List.of("VIEWER"));
        ApiClient.Response first = login(user.username(), IdentityFixtures.PASSWORD);
        assertThat(first.status()).isEqualTo(200);
        String refresh1 = first.body().get("refreshToken").asString();
        assertThat(refresh1).hasSizeGreaterThanOrEqualTo(43);
        ApiClient api = new ApiClient(port);
        ApiClient.Response second = api.post("/api/v1/auth/refresh", Map.of("refreshToken", refresh1));
        assertThat(second.status()).isEqualTo(200);
        String refresh2 = second.body().get("refreshToken").asString();
        assertThat(refresh2).isNotEqualTo(refresh1);
        assertThat(second.body().get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(api.withToken(second.body().get("accessToken").asString()).get("/api/v1/me/sessions").status()).isEqualTo(200);
        assertThat(new ApiClient(port).post("/api/v1/auth/refresh", Map.of("refreshToken", refresh2)).status()).isEqualTo(200);
    }

    @Test
    void reusingASpentRefreshTokenRevokesTheWholeFamily() {
        var user = IdentityFixtures.newUser(identity, "reuse", List.of("VIEWER"));
        ApiClient.Response first = login(user.username(), IdentityFixtures.PASSWORD);
        String spent = first.body().get("refreshToken").asString();
        ApiClient api = new ApiClient(port);
        ApiClient.Response rotated = api.post("/api/v1/auth/refresh", Map.of("refreshToken", spent));
        String live = rotated.body().get("refreshToken").asString();
        String access = rotated.body().get("accessToken").asString();

        ApiClient.Response reuse = api.post("/api/v1/auth/refresh", Map.of("refreshToken", spent));
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.code()).isEqualTo("REFRESH_TOKEN_REUSED");
        // the family is gone: the newest refresh token and the session's access token no longer work
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", live)).code()).isEqualTo("REFRESH_TOKEN_INVALID");
        assertThat(new ApiClient(port).withToken(access).get("/api/v1/me/sessions").status()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(IdentityFixtures.auditCount(jdbc, user.tenant(), "identity.session.family-revoked")).isEqualTo(1));
    }

    @Test
    void twoSimultaneousRefreshesOfOneTokenHaveOneWinner() throws Exception {
        var user = IdentityFixtures.newUser(identity, "race", List.of("VIEWER"));
        String refresh = login(user.username(), IdentityFixtures.PASSWORD).body().get("refreshToken").asString();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = java.util.stream.IntStream.range(0, 2).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return new ApiClient(port).post("/api/v1/auth/refresh", Map.of("refreshToken", refresh)).status();
        })).toList();
        start.countDown();
        List<Integer> statuses = calls.stream().map(CompletableFuture::join).sorted().toList();
        assertThat(statuses).containsExactly(200, 401);
    }

    @Test
    void logoutEndsTheSessionAndItsAccessTokensAreRefused() {
        var user = IdentityFixtures.newUser(identity, "logout", List.of("VIEWER"));
        ApiClient.Response login = login(user.username(), IdentityFixtures.PASSWORD);
        ApiClient api = new ApiClient(port).withToken(login.body().get("accessToken").asString());
        assertThat(api.get("/api/v1/me/sessions").status()).isEqualTo(200);
        assertThat(new ApiClient(port).post("/api/v1/auth/logout", Map.of("refreshToken", login.body().get("refreshToken").asString())).status())
                .isEqualTo(204);
        ApiClient.Response after = api.get("/api/v1/me/sessions");
        assertThat(after.status()).isEqualTo(401);
        assertThat(new ApiClient(port).post("/api/v1/auth/refresh", Map.of("refreshToken", login.body().get("refreshToken").asString())).status())
                .isEqualTo(401);
    }

    @Test
    void aRevocationRecordedByAnotherNodeIsHonouredWithinTheRefreshBound() throws Exception {
        var user = IdentityFixtures.newUser(identity, "othernode", List.of("VIEWER"));
        ApiClient api = new ApiClient(port).login(user.username(), IdentityFixtures.PASSWORD);
        String sid = com.nimbusds.jwt.SignedJWT.parse(api.token()).getJWTClaimsSet().getStringClaim("sid");
        assertThat(sid).isNotBlank();
        assertThat(api.get("/api/v1/me/sessions").status()).isEqualTo(200);
        // another node logged the session out: only the shared table knows
        jdbc.sql("insert into revoked_sessions (session_id, expires_at) values (?::uuid, now() + interval '20 minutes')").param(sid).update();
        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(api.get("/api/v1/me/sessions").status()).isEqualTo(401));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void sessionsAreListedWithTheCurrentOneFlaggedAndCanBeRevoked() {
        var user = IdentityFixtures.newUser(identity, "sessions", List.of("VIEWER"));
        ApiClient.Response other = login(user.username(), IdentityFixtures.PASSWORD);
        ApiClient me = new ApiClient(port).login(user.username(), IdentityFixtures.PASSWORD);
        ApiClient.Response list = me.get("/api/v1/me/sessions");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().size()).isEqualTo(2);
        String otherId = null;
        int current = 0;
        for (var s : list.body()) {
            if (s.get("current").asBoolean()) {
                current++;
            } else {
                otherId = s.get("id").asString();
            }
            assertThat(s.get("ip").asString()).isEqualTo("127.0.0.1");
        }
        assertThat(current).isEqualTo(1);
        assertThat(me.delete("/api/v1/me/sessions/" + otherId).status()).isEqualTo(204);
        assertThat(me.get("/api/v1/me/sessions").body().size()).isEqualTo(1);
        assertThat(new ApiClient(port).withToken(other.body().get("accessToken").asString()).get("/api/v1/me/sessions").status()).isEqualTo(401);
        assertThat(me.delete("/api/v1/me/sessions/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void fiveFailuresLockForAMinuteThenLocksDouble() {
        var user = IdentityFixtures.newUser(identity, "lockout", List.of("VIEWER"));
        for (int i = 0; i < 4; i++) {
            assertThat(login(user.username(), "wrong-password-" + i).code()).isEqualTo("INVALID_CREDENTIALS");
        }
        ApiClient.Response fifth = login(user.username(), "wrong-password-5");
        assertThat(fifth.status()).isEqualTo(423);
        assertThat(fifth.code()).isEqualTo("ACCOUNT_LOCKED");
        Instant until = Instant.parse(fifth.body().get("lockedUntil").asString());
        assertThat(Duration.between(Instant.now(), until)).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(61));
        ApiClient.Response right = login(user.username(), IdentityFixtures.PASSWORD);
        assertThat(right.status()).isEqualTo(423);
        assertThat(right.body().get("detail").asString()).contains("locked until");

        // the minute passes; five more failures lock for two minutes
        IdentityFixtures.sql(jdbc, user.tenant(), "update users set locked_until = now() - interval '1 second' where id = ?", user.id());
        for (int i = 0; i < 4; i++) {
            assertThat(login(user.username(), "wrong-again-" + i).status()).isEqualTo(401);
        }
        Instant second = Instant.parse(login(user.username(), "wrong-again-5").body().get("lockedUntil").asString());
        assertThat(Duration.between(Instant.now(), second)).isBetween(Duration.ofSeconds(110), Duration.ofSeconds(121));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(IdentityFixtures.auditCount(jdbc, user.tenant(), "identity.account.locked")).isEqualTo(2);
            assertThat(IdentityFixtures.auditCount(jdbc, user.tenant(), "identity.login.failed")).isGreaterThanOrEqualTo(11);
        });
        // an administrator unlocks; then the right password works
        ApiClient admin = new ApiClient(port).loginAsAdmin();
        // the admin's tenant differs, so unlocking is done as the user's tenant admin
        var tenantAdmin = tenantAdmin(user);
        assertThat(tenantAdmin.post("/api/v1/users/" + user.id() + "/unlock", Map.of()).status()).isEqualTo(204);
        assertThat(login(user.username(), IdentityFixtures.PASSWORD).status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/users/" + user.id() + "/unlock", Map.of()).status()).as("other tenant's user").isEqualTo(404);
    }

    @Test
    void unknownUsersGetTheSameAnswerAsWrongPasswords() {
        var user = IdentityFixtures.newUser(identity, "enum", List.of("VIEWER"));
        ApiClient.Response wrong = login(user.username(), "not-the-password");
        ApiClient.Response unknown = login("nobody-" + user.username(), "not-the-password");
        assertThat(unknown.status()).isEqualTo(wrong.status());
        assertThat(unknown.body().get("detail")).isEqualTo(wrong.body().get("detail"));
        assertThat(new ApiClient(port).post("/api/v1/auth/password-reset", Map.of("email", "nobody@example.test")).status()).isEqualTo(202);
    }

    @Test
    void deactivatedUsersCannotLogInOrRefreshAndTheirSessionsEnd() {
        var user = IdentityFixtures.newUser(identity, "deact", List.of("VIEWER"));
        ApiClient.Response login = login(user.username(), IdentityFixtures.PASSWORD);
        ApiClient admin = tenantAdmin(user);
        assertThat(admin.post("/api/v1/users/" + user.id() + "/deactivate", Map.of()).status()).isEqualTo(204);
        assertThat(login(user.username(), IdentityFixtures.PASSWORD).code()).isEqualTo("USER_DISABLED");
        assertThat(new ApiClient(port).post("/api/v1/auth/refresh", Map.of("refreshToken", login.body().get("refreshToken").asString())).status())
                .isEqualTo(401);
        assertThat(new ApiClient(port).withToken(login.body().get("accessToken").asString()).get("/api/v1/me/sessions").status()).isEqualTo(401);
        assertThat(admin.post("/api/v1/users/" + user.id() + "/reactivate", Map.of()).status()).isEqualTo(204);
        assertThat(login(user.username(), IdentityFixtures.PASSWORD).status()).isEqualTo(200);
    }

    private ApiClient tenantAdmin(IdentityFixtures.TestUser user) {
        String name = "admin-" + user.username();
        identity.createUser(user.tenant(), name, IdentityFixtures.PASSWORD, List.of("ADMIN"));
        return new ApiClient(port).login(name, IdentityFixtures.PASSWORD);
    }
}
