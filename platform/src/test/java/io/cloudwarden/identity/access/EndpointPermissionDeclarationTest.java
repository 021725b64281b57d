package io.cloudwarden.identity.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudwarden.testsupport.PlatformTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every handler method of the running application declares {@code @RequiresPermission} or {@code @PublicEndpoint}
 * (on itself or its class); framework handlers (Spring Boot's error page, springdoc) are the only exception.
 */
@PlatformTest
class EndpointPermissionDeclarationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyHandlerDeclaresItsAccess() {
        Map<RequestMappingInfo, HandlerMethod> handlers = mapping.getHandlerMethods();
        assertThat(handlers).hasSizeGreaterThan(40);
        List<String> undeclared = undeclared(handlers);
        assertThat(undeclared).as("handler methods without @RequiresPermission or @PublicEndpoint").isEmpty();
        // the check sees the identity endpoints of this issue, with the permission the contract names
        assertThat(handlers.values().stream().filter(h -> h.getMethod().getName().equals("approve")
                && h.getBeanType().getSimpleName().equals("AccessRequestsController"))
                .map(PermissionInterceptor::declarationOf).findFirst().orElseThrow().permission())
                .hasToString("ACCESS_APPROVE");
    }

    @Test
    void theCheckFailsOnAnUndeclaredHandler() throws Exception {
        HandlerMethod bare = new HandlerMethod(new Undeclared(), Undeclared.class.getDeclaredMethod("handle"));
        assertThat(undeclared(Map.of(RequestMappingInfo.paths("/x").build(), bare))).hasSize(1);
    }

    static List<String> undeclared(Map<RequestMappingInfo, HandlerMethod> handlers) {
        return handlers.entrySet().stream()
                .filter(e -> PermissionInterceptor.declarationOf(e.getValue()).kind() == PermissionInterceptor.Kind.UNDECLARED)
                .map(e -> e.getValue().getBeanType().getName() + "#" + e.getValue().getMethod().getName() + " " + e.getKey())
                .sorted().toList();
    }

    static class Undeclared {
        void handle() {
        }
    }
}
