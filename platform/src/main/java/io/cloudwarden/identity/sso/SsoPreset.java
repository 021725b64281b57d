package io.cloudwarden.identity.sso;

import java.util.List;

/**
 * What a provider preset fills in: its kind, how a short issuer (a directory id, a domain) becomes the issuer
 * URL, the default scopes, and the claim that carries groups.
 */
public enum SsoPreset {
    /** Microsoft Entra ID: the issuer may be given as the directory (tenant) id or domain. */
    ENTRA("OIDC", List.of("openid", "email", "profile"), "groups"),
    /** Google Workspace and Google accounts: no groups claim; {@code hd} carries the Workspace domain. */
    GOOGLE("OIDC", List.of("openid", "email", "profile"), null),
    /** Okta's default authorization server: the issuer may be given as the Okta domain. */
    OKTA("OIDC", List.of("openid", "email", "profile", "groups"), "groups"),
    /** Any OpenID Connect issuer with discovery. */
    GENERIC("OIDC", List.of("openid", "email", "profile"), null),
    /** GitHub (OAuth 2.0) or GitHub Enterprise Server; claims are login, email, orgs and teams. */
    GITHUB("GITHUB", List.of("read:user", "user:email", "read:org"), "teams");

    private final String kind;
    private final List<String> defaultScopes;
    private final String defaultGroupsClaim;

    SsoPreset(String kind, List<String> defaultScopes, String defaultGroupsClaim) {
        this.kind = kind;
        this.defaultScopes = defaultScopes;
        this.defaultGroupsClaim = defaultGroupsClaim;
    }

    public String kind() {
        return kind;
    }

    public List<String> defaultScopes() {
        return defaultScopes;
    }

    public String defaultGroupsClaim() {
        return defaultGroupsClaim;
    }

    /** The issuer URL for what the administrator typed ({@code null} when nothing usable was given). */
    public String issuerFor(String given) {
        String g = given == null ? "" : given.trim();
        return switch (this) {
            case GOOGLE -> "https://accounts.google.com";
            case ENTRA -> g.isEmpty() ? null : g.contains("://") ? g : "https://login.microsoftonline.com/" + g + "/v2.0";
            case OKTA -> g.isEmpty() ? null : g.contains("://") ? g : "https://" + g + "/oauth2/default";
            case GITHUB -> g.isEmpty() ? "https://github.com" : stripSlash(g);
            case GENERIC -> g.isEmpty() ? null : g;
        };
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
