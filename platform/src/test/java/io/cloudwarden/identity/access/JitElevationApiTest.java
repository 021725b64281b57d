package io.cloudwarden.identity.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudwarden.identity.BootstrapAdmin;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.MutableClock;
import io.cloudwarden.testsupport.PlatformTest;
import io.cloudwarden.testsupport.RoleUsers;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** Just-in-time elevation over real HTTP, with a clock the test moves forward instead of sleeping. */
@PlatformTest
@Import(JitElevationApiTest.Clocks.class)
class JitElevationApiTest {

    @TestConfiguration
    static class Clocks {
        @Bean
        Clock clock() {
            return new MutableClock();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    @Autowired
    BootstrapAdmin bootstrap;

    @Autowired
    Clock clock;

    @Autowired
    AccessGrantExpiry expiry;

    RoleUsers users;
    RoleUsers.User engineer;
    ApiClient requester;
    ApiClient approver;

    @BeforeEach
    void setUp() {
        users = new RoleUsers(identity, bootstrap, port);
        engineer = users.create("jit-eng", List.of("ENGINEER"));
        requester = new ApiClient(port).login(engineer.username(), RoleUsers.PASSWORD);
        approver = users.login("jit-sec", List.of("ADMIN"));
    }

    @Test
    void anApprovedGrantWorksUntilItExpiresAndIsThenSweptAndAudited() {
        assertThat(requester.get("/api/v1/audit/entries").status()).isEqualTo(403);
        JsonNode req = requester.post("/api/v1/access/requests",
                Map.of("role", "AUDITOR", "durationMinutes", 15, "reason", "incident INC-42")).body();
        assertThat(req.get("status").asString()).isEqualTo("PENDING");
        String id = req.get("id").asString();
        assertThat(approver.get("/api/v1/access/requests?status=PENDING").body().toString()).contains(id);
        assertThat(requester.post("/api/v1/access/requests/" + id + "/approve", Map.of()).code()).isEqualTo("FORBIDDEN");

        JsonNode approved = approver.post("/api/v1/access/requests/" + id + "/approve", Map.of("comment", "ok")).body();
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("active").asBoolean()).isTrue();
        assertThat(requester.get("/api/v1/audit/entries").status()).isEqualTo(200);
        assertThat(requester.get("/api/v1/me").body().get("permissions").toString()).contains("audit:read");
        assertThat(requester.get("/api/v1/access/grants?state=ACTIVE&mine=true").body().toString()).contains(id);

        ((MutableClock) clock).advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(requester.get("/api/v1/audit/entries").status()).as("expired, even before the sweep").isEqualTo(403);
        assertThat(expiry.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(approver.get("/api/v1/access/grants?state=EXPIRED").body().toString()).contains(id);
        assertThat(approver.get("/api/v1/access/requests?status=EXPIRED").body().toString()).contains(id);
        String audit = approver.get("/api/v1/audit/entries?action=identity.jit&limit=50").body().toString();
        assertThat(audit).contains("identity.jit.requested", "identity.jit.approved", "identity.jit.expired");
    }

    @Test
    void nobodyDecidesTheirOwnRequest() {
        ApiClient admin = users.login("jit-self", List.of("ADMIN"));
        String id = admin.post("/api/v1/access/requests", Map.of("role", "MSP_ADMIN", "durationMinutes", 30, "reason", "x"))
                .body().get("id").asString();
        assertThat(admin.post("/api/v1/access/requests/" + id + "/approve", Map.of()).code()).isEqualTo("SELF_APPROVAL_FORBIDDEN");
        assertThat(admin.post("/api/v1/access/requests/" + id + "/deny", Map.of("comment", "no")).code()).isEqualTo("SELF_APPROVAL_FORBIDDEN");
        // an ADMIN cannot approve an elevation to MSP_ADMIN either: it would grant what they lack
        assertThat(approver.post("/api/v1/access/requests/" + id + "/approve", Map.of()).code()).isEqualTo("PRIVILEGE_ESCALATION");
        assertThat(approver.post("/api/v1/access/requests/" + id + "/deny", Map.of()).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(approver.post("/api/v1/access/requests/" + id + "/deny", Map.of("comment", "not needed")).body()
                .get("status").asString()).isEqualTo("DENIED");
        assertThat(approver.post("/api/v1/access/requests/" + id + "/approve", Map.of()).code()).isEqualTo("ACCESS_REQUEST_STATE");
    }

    @Test
    void validatesRequestsAndRevokesEarly() {
        JsonNode bad = requester.post("/api/v1/access/requests", Map.of("role", "NOPE", "durationMinutes", 5, "reason", "")).body();
        assertThat(bad.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(bad.get("errors").toString()).contains("role", "durationMinutes", "reason");
        assertThat(requester.post("/api/v1/access/requests", Map.of("role", "AUDITOR", "durationMinutes", 481, "reason", "x")).status())
                .isEqualTo(400);
        assertThat(requester.post("/api/v1/access/requests", Map.of("role", "AUDITOR", "durationMinutes", 60, "reason", "y".repeat(501))).status())
                .isEqualTo(400);
        assertThat(requester.post("/api/v1/access/requests", Map.of("role", "ENGINEER", "durationMinutes", 60, "reason", "x")).code())
                .isEqualTo("ROLE_ALREADY_HELD");
        String id = requester.post("/api/v1/access/requests", Map.of("role", "FINOPS", "durationMinutes", 60, "reason", "budget"))
                .body().get("id").asString();
        approver.post("/api/v1/access/requests/" + id + "/approve", Map.of());
        assertThat(requester.get("/api/v1/me").body().get("permissions").toString()).contains("cost:import");
        assertThat(requester.post("/api/v1/access/requests/" + id + "/revoke", Map.of()).body().get("status").asString())
                .isEqualTo("REVOKED");
        assertThat(requester.get("/api/v1/me").body().get("permissions").toString()).doesNotContain("cost:import");
        assertThat(requester.post("/api/v1/access/requests/" + id + "/revoke", Map.of()).code()).isEqualTo("ACCESS_REQUEST_STATE");
        // a requester without access:approve sees only their own requests
        assertThat(requester.get("/api/v1/access/requests").body().findValuesAsString("userId"))
                .containsOnly(engineer.id().toString());
    }
}
