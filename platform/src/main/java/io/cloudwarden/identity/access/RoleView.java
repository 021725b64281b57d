package io.cloudwarden.identity.access;

import java.util.List;

/** A role as the API shows it: built-in (defined in code) or a custom role of the tenant. */
public record RoleView(String key, String name, String description, boolean builtIn, List<String> permissions) {
}
