package io.cloudwarden.identity.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudwarden.identity.BootstrapAdmin;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import io.cloudwarden.testsupport.RoleUsers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Users administration, custom roles, separation of duties and /api/v1/me's permissions, over real HTTP. */
@PlatformTest
class UsersAndRolesApiTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    @Autowired
    BootstrapAdmin bootstrap;

    RoleUsers users;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        users = new RoleUsers(identity, bootstrap, port);
        admin = users.login("admin2", List.of("ADMIN"));
    }

    @Test
    void listsFiltersAndPagesUsers() {
        RoleUsers.User a = users.create("pagetest-a", List.of("VIEWER"));
        users.create("pagetest-b", List.of("VIEWER"));
        users.create("pagetest-c", List.of("FINOPS"));
        JsonNode first = admin.get("/api/v1/users?q=pagetest&limit=2").body();
        assertThat(first.get("items").size()).isEqualTo(2);
        assertThat(first.get("items").get(0).get("username").asString()).isEqualTo(a.username());
        JsonNode second = admin.get("/api/v1/users?q=pagetest&limit=2&cursor=" + first.get("nextCursor").asString()).body();
        assertThat(second.get("items").size()).isEqualTo(1);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(admin.get("/api/v1/users?q=pagetest&role=FINOPS").body().get("items").size()).isEqualTo(1);
        assertThat(admin.get("/api/v1/users?status=ACTIVE&q=pagetest").body().get("items").size()).isEqualTo(3);
        assertThat(admin.get("/api/v1/users?status=NOPE").code()).isEqualTo("INVALID_FILTER");
        JsonNode one = admin.get("/api/v1/users/" + a.id()).body();
        assertThat(one.get("roles").toString()).isEqualTo("[\"VIEWER\"]");
        assertThat(one.toString()).doesNotContain("password");
        assertThat(admin.get("/api/v1/users/" + java.util.UUID.randomUUID()).code()).isEqualTo("USER_NOT_FOUND");
    }

    @Test
    void roleChangesAreAuditedAndTakeEffectAtOnce() {
        RoleUsers.User u = users.create("promote", List.of("VIEWER"));
        ApiClient client = new ApiClient(port).login(u.username(), RoleUsers.PASSWORD);
        assertThat(client.get("/api/v1/audit/entries").status()).isEqualTo(403);
        JsonNode changed = admin.patch("/api/v1/users/" + u.id(), Map.of("roles", List.of("VIEWER", "AUDITOR"), "displayName", "Pro Moted")).body();
        assertThat(changed.get("roles").toString()).isEqualTo("[\"VIEWER\",\"AUDITOR\"]");
        assertThat(changed.get("displayName").asString()).isEqualTo("Pro Moted");
        // the same token: permissions are resolved on the server per request, not read from the token
        assertThat(client.get("/api/v1/audit/entries").status()).isEqualTo(200);
        assertThat(client.get("/api/v1/me").body().get("permissions").toString()).contains("audit:read", "self:manage");
        assertThat(admin.patch("/api/v1/users/" + u.id(), Map.of("roles", List.of("NOPE"))).code()).isEqualTo("UNKNOWN_ROLE");
        JsonNode audit = admin.get("/api/v1/audit/entries?action=identity.user.roles-changed&target=user:" + u.id()).body();
        assertThat(audit.toString()).contains("AUDITOR");
    }

    @Test
    void nobodyChangesTheirOwnRolesOrGrantsWhatTheyLack() {
        RoleUsers.User self = users.create("selfish", List.of("ADMIN"));
        ApiClient selfClient = new ApiClient(port).login(self.username(), RoleUsers.PASSWORD);
        assertThat(selfClient.patch("/api/v1/users/" + self.id(), Map.of("roles", List.of("ADMIN", "MSP_ADMIN"))).code())
                .isEqualTo("SELF_ROLE_CHANGE_FORBIDDEN");
        RoleUsers.User target = users.create("target", List.of("VIEWER"));
        // ADMIN lacks tenant:manage-children, so it may not hand out MSP_ADMIN
        assertThat(admin.patch("/api/v1/users/" + target.id(), Map.of("roles", List.of("MSP_ADMIN"))).code())
                .isEqualTo("PRIVILEGE_ESCALATION");
        assertThat(admin.get("/api/v1/users/" + target.id()).body().get("roles").toString()).isEqualTo("[\"VIEWER\"]");
        // a custom role with identity:manage-users but without audit:manage may not grant AUDITOR's superset... nor ADMIN
        Map<String, Object> role = new HashMap<>(Map.of("name", "User Manager", "description", "manages users",
                "permissions", List.of("identity:read-users", "identity:manage-users")));
        JsonNode created = admin.post("/api/v1/roles", role).body();
        assertThat(created.get("key").asString()).isEqualTo("custom:user-manager");
        ApiClient manager = users.login("mgr", List.of("custom:user-manager"));
        assertThat(manager.patch("/api/v1/users/" + target.id(), Map.of("roles", List.of("ADMIN"))).code())
                .isEqualTo("PRIVILEGE_ESCALATION");
        assertThat(manager.patch("/api/v1/users/" + target.id(), Map.of("displayName", "T")).status()).isEqualTo(200);
    }

    @Test
    void customRolesAreValidatedAndCannotBeDeletedWhileAssigned() {
        assertThat(admin.get("/api/v1/permissions").body().size()).isGreaterThan(30);
        Map<String, Object> bad = Map.of("key", "custom:Bad Key", "name", "x", "permissions", List.of("inventory:read"));
        assertThat(admin.post("/api/v1/roles", bad).code()).isEqualTo("INVALID_ROLE");
        assertThat(admin.post("/api/v1/roles", Map.of("name", "x", "permissions", List.of("inventory:fly"))).code())
                .isEqualTo("INVALID_ROLE");
        assertThat(admin.post("/api/v1/roles", Map.of("name", "Children", "permissions", List.of("tenant:manage-children"))).code())
                .isEqualTo("PRIVILEGE_ESCALATION");
        Map<String, Object> reader = Map.of("key", "custom:inventory-reader", "name", "Inventory reader",
                "permissions", List.of("inventory:read"));
        assertThat(admin.post("/api/v1/roles", reader).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/roles", reader).code()).isEqualTo("ROLE_EXISTS");
        RoleUsers.User holder = users.create("holder", List.of("custom:inventory-reader"));
        ApiClient holderClient = new ApiClient(port).login(holder.username(), RoleUsers.PASSWORD);
        assertThat(holderClient.get("/api/v1/resources").status()).isEqualTo(200);
        assertThat(holderClient.get("/api/v1/accounts").status()).isEqualTo(403);
        assertThat(admin.put("/api/v1/roles/custom:inventory-reader", Map.of("name", "Inventory reader",
                "permissions", List.of("inventory:read", "accounts:read"))).status()).isEqualTo(200);
        assertThat(holderClient.get("/api/v1/accounts").status()).isEqualTo(200);
        assertThat(admin.delete("/api/v1/roles/custom:inventory-reader").code()).isEqualTo("ROLE_IN_USE");
        assertThat(admin.put("/api/v1/roles/VIEWER", Map.of("name", "v", "permissions", List.of("inventory:read"))).code())
                .isEqualTo("BUILT_IN_ROLE_IMMUTABLE");
        admin.patch("/api/v1/users/" + holder.id(), Map.of("roles", List.of("VIEWER")));
        assertThat(admin.delete("/api/v1/roles/custom:inventory-reader").status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/roles").body().toString()).doesNotContain("custom:inventory-reader").contains("MSP_ADMIN");
    }

    @Test
    void meListsPermissionsAndOnlyTheAreasTheyOpen() {
        JsonNode viewer = users.login("me-viewer", List.of("VIEWER")).get("/api/v1/me").body();
        assertThat(viewer.get("permissions").toString()).contains("inventory:read").doesNotContain("audit:read");
        assertThat(viewer.get("areas").toString()).contains("inventory", "access").doesNotContain("audit");
        assertThat(viewer.get("roles").toString()).isEqualTo("[\"VIEWER\"]");
        JsonNode auditor = users.login("me-auditor", List.of("AUDITOR")).get("/api/v1/me").body();
        assertThat(auditor.get("areas").toString()).contains("audit", "access", "admin");
    }
}
