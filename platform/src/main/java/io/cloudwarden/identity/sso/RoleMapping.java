package io.cloudwarden.identity.sso;

/**
 * Grants {@code role} when the identity provider's claim {@code claim} equals {@code value} or, for a list
 * claim such as {@code groups}, contains it. The claim {@code groups} means the provider's groups claim.
 */
public record RoleMapping(String claim, String value, String role) {
}
