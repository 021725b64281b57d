/**
 * Shared kernel: tenant ids and the current-tenant context, error codes and problem responses, cursor
 * pages, secret envelope encryption and the database plumbing (embedded or external PostgreSQL, the
 * application role, row-level-security binding) that every module builds on.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.cloudwarden.shared;
