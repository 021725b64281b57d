package io.cloudwarden.identity.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudwarden.identity.BootstrapAdmin;
import io.cloudwarden.identity.BuiltInRole;
import io.cloudwarden.identity.IdentityManagement;
import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import io.cloudwarden.testsupport.RoleUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Broken function-level authorization: for every endpoint that declares a permission and every built-in role
 * lacking it, a syntactically valid request by a user holding only that role gets 403 FORBIDDEN, before any
 * validation (the body is an empty JSON object, path variables are well-formed ids of nothing).
 */
@PlatformTest
class BrokenFunctionLevelAuthTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    IdentityManagement identity;

    @Autowired
    BootstrapAdmin bootstrap;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyRoleLackingAnEndpointsPermissionIsRefused() throws Exception {
        RoleUsers users = new RoleUsers(identity, bootstrap, port);
        Map<BuiltInRole, String> tokens = new EnumMap<>(BuiltInRole.class);
        for (BuiltInRole role : BuiltInRole.values()) {
            tokens.put(role, users.login("bfla-" + role.name(), List.of(role.key())).token());
        }
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            PermissionInterceptor.Declaration d = PermissionInterceptor.declarationOf(e.getValue());
            if (d.kind() != PermissionInterceptor.Kind.PERMISSION) {
                continue;
            }
            for (BuiltInRole role : BuiltInRole.values()) {
                if (role.permissions().contains(d.permission())) {
                    continue;
                }
                for (Call call : calls(e.getKey(), e.getValue())) {
                    HttpResponse<String> r = send(call, tokens.get(role));
                    checked++;
                    if (r.statusCode() != 403 || !r.body().contains("\"FORBIDDEN\"")) {
                        failures.add(role + " " + call.method() + " " + call.path() + " needs " + d.permission().key()
                                + " -> " + r.statusCode() + " " + r.body());
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void aRoleHoldingThePermissionIsLetThrough() throws Exception {
        // guards the test above against passing because everything is refused
        ApiClient auditor = new RoleUsers(identity, bootstrap, port).login("bfla-ok", List.of(BuiltInRole.AUDITOR.key()));
        assertThat(auditor.get("/api/v1/audit/entries").status()).isEqualTo(200);
        assertThat(auditor.get("/api/v1/accounts").status()).isEqualTo(200);
        assertThat(auditor.get("/api/v1/users").status()).isEqualTo(200);
        assertThat(BuiltInRole.AUDITOR.permissions()).doesNotContain(Permission.ACCOUNTS_MANAGE);
        assertThat(auditor.post("/api/v1/accounts", Map.of()).code()).isEqualTo("FORBIDDEN");
    }

    private HttpResponse<String> send(Call call, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + call.path()))
                .header("Authorization", "Bearer " + token).header("Accept", "*/*");
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString(call.contentType().contains("multipart") ? "" : "{}");
        if (!call.method().equals("GET") && !call.method().equals("DELETE")) {
            b.header("Content-Type", call.contentType());
        }
        b.method(call.method(), call.method().equals("GET") || call.method().equals("DELETE") ? HttpRequest.BodyPublishers.noBody() : body);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Call> calls(RequestMappingInfo info, HandlerMethod handler) {
        List<Call> calls = new ArrayList<>();
        var methods = info.getMethodsCondition().getMethods();
        var consumes = info.getConsumesCondition().getConsumableMediaTypes();
        String contentType = consumes.isEmpty() ? MediaType.APPLICATION_JSON_VALUE : consumes.iterator().next().toString();
        if (contentType.startsWith("multipart")) {
            contentType = "multipart/form-data; boundary=x";
        }
        for (String pattern : info.getPatternValues()) {
            String path = pattern;
            for (MethodParameter p : handler.getMethodParameters()) {
                PathVariable v = p.getParameterAnnotation(PathVariable.class);
                if (v != null) {
                    String name = !v.name().isEmpty() ? v.name() : !v.value().isEmpty() ? v.value() : p.getParameterName();
                    path = path.replace("{" + name + "}", sample(p.getParameterType()));
                }
            }
            for (RequestMethod m : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
                calls.add(new Call(m.name(), path, contentType));
            }
        }
        return calls;
    }

    private static String sample(Class<?> type) {
        if (type == UUID.class) {
            return UUID.randomUUID().toString();
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "1";
        }
        return "custom:sample";
    }

    record Call(String method, String path, String contentType) {
    }
}
