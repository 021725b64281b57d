package io.cloudwarden.identity.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudwarden.identity.BootstrapAdmin;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import io.cloudwarden.testsupport.RoleUsers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** An access review campaign end to end over real HTTP: snapshot, SoD, revocation, overdue, report, evidence. */
@PlatformTest
class AccessReviewApiTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    @Autowired
    BootstrapAdmin bootstrap;

    @Autowired
    AccessReviewOverdueCheck overdueCheck;

    @Test
    void aCampaignIsDecidedCompletedAndKeptAsEvidence() throws Exception {
        RoleUsers users = new RoleUsers(identity, bootstrap, port);
        RoleUsers.User reviewerUser = users.create("reviewer", List.of("SECURITY"));
        ApiClient reviewer = new ApiClient(port).login(reviewerUser.username(), RoleUsers.PASSWORD);
        RoleUsers.User finops = users.create("review-finops", List.of("FINOPS", "VIEWER"));
        ApiClient finopsClient = new ApiClient(port).login(finops.username(), RoleUsers.PASSWORD);
        assertThat(finopsClient.get("/api/v1/access/reviews").status()).isEqualTo(403);

        JsonNode review = reviewer.post("/api/v1/access/reviews",
                Map.of("name", "Q4 review", "dueAt", Instant.now().plusSeconds(2).toString())).body();
        String id = review.get("id").asString();
        assertThat(review.get("status").asString()).isEqualTo("OPEN");
        JsonNode items = reviewer.get("/api/v1/access/reviews/" + id + "/items").body();
        assertThat(items.size()).isEqualTo(review.get("items").asInt()).isGreaterThanOrEqualTo(4);

        Thread.sleep(2_500); // past the due date
        assertThat(reviewer.get("/api/v1/access/reviews/" + id).body().get("overdue").asBoolean()).isTrue();
        assertThat(overdueCheck.check()).isGreaterThanOrEqualTo(1);
        assertThat(overdueCheck.check()).as("flagged once").isZero();

        for (JsonNode item : reviewer.get("/api/v1/access/reviews/" + id + "/items").body()) {
            assertThat(item.get("overdue").asBoolean()).isTrue();
            String path = "/api/v1/access/reviews/" + id + "/items/" + item.get("id").asString() + "/decision";
            if (item.get("userId").asString().equals(reviewerUser.id().toString())) {
                assertThat(reviewer.post(path, Map.of("decision", "CERTIFIED")).code()).isEqualTo("SELF_REVIEW_FORBIDDEN");
                assertThat(new RoleUsers(identity, bootstrap, port).login("review-admin", List.of("ADMIN"))
                        .post(path, Map.of("decision", "CERTIFIED")).status()).isEqualTo(200);
                continue;
            }
            boolean revoke = item.get("userId").asString().equals(finops.id().toString()) && item.get("role").asString().equals("FINOPS");
            JsonNode decided = reviewer.post(path, Map.of("decision", revoke ? "REVOKED" : "CERTIFIED", "comment", "checked")).body();
            assertThat(decided.get("decision").asString()).isEqualTo(revoke ? "REVOKED" : "CERTIFIED");
        }
        assertThat(finopsClient.get("/api/v1/me").body().get("permissions").toString()).doesNotContain("cost:import").contains("cost:read");

        assertThat(reviewer.get("/api/v1/access/reviews/" + id + "/report").code()).isEqualTo("ACCESS_REVIEW_STATE");
        JsonNode completed = reviewer.post("/api/v1/access/reviews/" + id + "/complete", Map.of()).body();
        assertThat(completed.get("status").asString()).as(completed.toString()).isEqualTo("COMPLETED");
        JsonNode report = reviewer.get("/api/v1/access/reviews/" + id + "/report").body();
        assertThat(report.get("revoked").asInt()).isEqualTo(1);
        var csv = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/access/reviews/" + id + "/report"))
                .header("Authorization", "Bearer " + reviewer.token()).header("Accept", "text/csv").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(csv.body()).startsWith("user_id,username,role").contains(finops.username() + ",FINOPS");

        ApiClient admin = new ApiClient(port).loginAsAdmin();
        String evidence = admin.get("/api/v1/evidence/items?kind=access_review").body().toString();
        assertThat(evidence).contains("Access review: Q4 review", "SOC2:CC6.2", "ISO27001:A.5.18");
        String audit = admin.get("/api/v1/audit/entries?action=identity&limit=100").body().toString();
        assertThat(audit).contains("identity.access-review.started", "identity.access-review.decided",
                "identity.access-review.completed", "identity.access-review.overdue", "access-review:" + id);
    }
}
