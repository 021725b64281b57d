package io.cloudwarden.shared.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the permission an endpoint needs. On a controller class it applies to every handler method
 * that does not declare its own. Every handler method must carry this or {@link PublicEndpoint}; a test
 * enumerates all endpoints and fails on one that declares neither.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresPermission {
    Permission value();
}
