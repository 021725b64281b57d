package io.cloudwarden.identity.access;

import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.PublicEndpoint;
import io.cloudwarden.shared.security.RequiresPermission;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces each handler's declared access before its arguments are even read (so a forbidden call gets 403,
 * never a validation error): {@link RequiresPermission} on the method (or else its class) must be among the
 * caller's effective permissions in the active tenant; {@link PublicEndpoint} passes. A Cloudwarden handler that
 * declares neither is refused (fail closed). Framework handlers (the error page, the API documentation) are
 * governed by the security filter chain's URL rules alone.
 */
public class PermissionInterceptor implements HandlerInterceptor {

    private final PermissionResolver resolver;

    public PermissionInterceptor(PermissionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // error and async re-dispatches belong to a request whose REQUEST dispatch was checked already
        if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() != DispatcherType.REQUEST) {
            return true;
        }
        Declaration declaration = declarationOf(method);
        switch (declaration.kind()) {
            case PUBLIC, FRAMEWORK -> {
                return true;
            }
            case UNDECLARED -> throw new CloudwardenException(CommonErrorCode.FORBIDDEN,
                    "this endpoint declares no permission, so nobody may call it");
            default -> {
                Optional<Principal> principal = Principal.of(SecurityContextHolder.getContext().getAuthentication());
                Optional<TenantId> tenant = TenantContext.current();
                Set<Permission> granted = principal.isPresent() && tenant.isPresent()
                        ? resolver.permissions(principal.get(), tenant.get()) : Set.of();
                if (!granted.contains(declaration.permission())) {
                    throw new CloudwardenException(CommonErrorCode.FORBIDDEN,
                            "this needs the permission '" + declaration.permission().key() + "', which you do not have here");
                }
                return true;
            }
        }
    }

    /** What {@code method} declares: its own annotation first, then its class's. */
    public static Declaration declarationOf(HandlerMethod method) {
        RequiresPermission required = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequiresPermission.class);
        PublicEndpoint open = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PublicEndpoint.class);
        if (required == null && open == null) {
            required = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresPermission.class);
            open = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PublicEndpoint.class);
        }
        if (required != null) {
            return new Declaration(Kind.PERMISSION, required.value());
        }
        if (open != null) {
            return new Declaration(Kind.PUBLIC, null);
        }
        return isFramework(method.getBeanType()) ? new Declaration(Kind.FRAMEWORK, null) : new Declaration(Kind.UNDECLARED, null);
    }

    /** Handlers that are not Cloudwarden's: Spring Boot's error controller and springdoc's documentation. */
    static boolean isFramework(Class<?> type) {
        String name = type.getName();
        return name.startsWith("org.springframework.boot.") || name.startsWith("org.springdoc.");
    }

    /** How a handler declares its access. */
    public enum Kind { PERMISSION, PUBLIC, FRAMEWORK, UNDECLARED }

    /** A handler's declared access; {@code permission} is set for {@link Kind#PERMISSION}. */
    public record Declaration(Kind kind, Permission permission) {
    }
}
