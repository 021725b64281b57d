package io.cloudwarden.identity.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.PublicEndpoint;
import io.cloudwarden.shared.security.RequiresPermission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;

/** The interceptor's decisions, without a server: fail closed, method over class, permission present or not. */
class PermissionInterceptorTest {

    final PermissionResolver resolver = mock(PermissionResolver.class);
    final PermissionInterceptor interceptor = new PermissionInterceptor(resolver);

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        TenantContext.clear();
    }

    @Test
    void refusesAHandlerThatDeclaresNothing() throws Exception {
        HandlerMethod bare = new HandlerMethod(new Bare(), Bare.class.getDeclaredMethod("undeclared"));
        assertThatThrownBy(() -> interceptor.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), bare))
                .isInstanceOf(CloudwardenException.class)
                .satisfies(e -> assertThat(((CloudwardenException) e).errorCode()).isEqualTo(CommonErrorCode.FORBIDDEN));
    }

    @Test
    void letsPublicEndpointsThroughWithoutACaller() throws Exception {
        assertThat(call("open")).isTrue();
    }

    @Test
    void checksTheMethodPermissionBeforeTheClassOne() throws Exception {
        signIn(Set.of(Permission.AUDIT_READ));
        assertThat(call("inherits")).isTrue();
        assertThatThrownBy(() -> call("own")).hasMessageContaining("audit:manage");
        signIn(Set.of(Permission.AUDIT_MANAGE));
        assertThat(call("own")).isTrue();
        assertThatThrownBy(() -> call("inherits")).hasMessageContaining("audit:read");
    }

    @Test
    void checksOnlyTheRequestDispatchNotItsAsyncOrErrorRedispatches() throws Exception {
        HandlerMethod h = new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod("own"));
        MockHttpServletRequest async = new MockHttpServletRequest();
        async.setDispatcherType(jakarta.servlet.DispatcherType.ASYNC);
        assertThat(interceptor.preHandle(async, new MockHttpServletResponse(), h)).isTrue();
        assertThatThrownBy(() -> interceptor.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), h))
                .isInstanceOf(CloudwardenException.class);
    }

    @Test
    void anonymousCallersHaveNoPermission() {
        assertThatThrownBy(() -> call("inherits")).isInstanceOf(CloudwardenException.class);
    }

    private void signIn(Set<Permission> permissions) {
        TestingAuthenticationToken auth = new TestingAuthenticationToken("apikey:" + java.util.UUID.randomUUID(), "x", List.of());
        auth.setAuthenticated(true);
        SecurityContextHolder.getContext().setAuthentication(auth);
        TenantContext.bind(TenantId.random());
        when(resolver.permissions(any(), any())).thenReturn(permissions);
    }

    private boolean call(String method) throws Exception {
        HandlerMethod h = new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod(method));
        return interceptor.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), h);
    }

    @RequiresPermission(Permission.AUDIT_READ)
    static class Handlers {
        void inherits() {
        }

        @RequiresPermission(Permission.AUDIT_MANAGE)
        void own() {
        }

        @PublicEndpoint(why = "test")
        void open() {
        }
    }

    static class Bare {
        void undeclared() {
        }
    }
}
