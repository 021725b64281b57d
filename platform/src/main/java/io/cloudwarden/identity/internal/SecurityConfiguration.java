package io.cloudwarden.identity.internal;

import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.identity.apikey.ApiKeyAuthenticationFilter;
import io.cloudwarden.identity.apikey.ApiKeyService;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.ErrorCode;
import io.cloudwarden.shared.web.ProblemResponses;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import io.cloudwarden.identity.TenantHierarchy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every API needs a bearer token, except login, health, the JWK set and the API documentation; metrics
 * are public unless {@code cloudwarden.identity.public-metrics=false}. Sessions are stateless and errors
 * are problem+json like every other API error.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IdentityProperties.class, RateLimitProperties.class, WebHardeningProperties.class})
@EnableScheduling
class SecurityConfiguration {

    @Bean
    PasswordPolicy passwordPolicy() {
        return new PasswordPolicy();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(12);
    }

    /**
     * Verifies RS256 tokens with the key their {@code kid} names (from the database-backed key set), checks
     * issuer and lifetime, and refuses tokens of revoked sessions from the in-memory denylist.
     */
    @Bean
    JwtDecoder jwtDecoder(TokenIssuer tokens, SessionDenylist denylist, IdentityProperties props) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, tokens));
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        OAuth2TokenValidator<Jwt> notRevoked = jwt -> {
            String sid = jwt.getClaimAsString("sid");
            boolean revoked = sid != null && denylist.isRevoked(java.util.UUID.fromString(sid));
            return revoked ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the session has ended", null))
                    : OAuth2TokenValidatorResult.success();
        };
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(props.issuer()), notRevoked));
        return decoder;
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, IdentityProperties props, JsonMapper json, ApiKeyService apiKeys,
                            TenantHierarchy hierarchy, TenantNetworkPolicy network, RateLimiter limiter,
                            RateLimitProperties rateLimits, WebHardeningProperties web) throws Exception {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<String> roles = jwt.getClaimAsStringList("roles");
            return roles == null ? List.of()
                    : roles.stream().map(r -> (org.springframework.security.core.GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
        });
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> {
                    a.requestMatchers("/api/v1/auth/login", "/api/v1/auth/login/mfa", "/api/v1/auth/refresh", "/api/v1/auth/logout",
                            "/api/v1/auth/signup", "/api/v1/auth/verify-email", "/api/v1/auth/password-reset",
                            "/api/v1/auth/password-reset/confirm", "/api/v1/auth/invitations/*", "/api/v1/auth/invitations/*/accept",
                            "/api/v1/auth/sso/**", "/.well-known/jwks.json", "/.well-known/cloudwarden-audit-keys", "/actuator/health",
                            "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll();
                    // the console's static files and its routes (the application itself asks for a token)
                    a.requestMatchers(org.springframework.http.HttpMethod.GET, "/", "/index.html", "/assets/**", "/favicon.svg",
                            "/login", "/login/**", "/inventory", "/inventory/**", "/accounts", "/accounts/**", "/cost", "/cost/**",
                            "/audit", "/audit/**", "/profile", "/profile/**", "/admin", "/admin/**", "/access", "/access/**", "/signup",
                            "/verify-email", "/invite/**").permitAll();
                    if (props.publicMetrics()) {
                        a.requestMatchers("/actuator/prometheus").permitAll();
                    }
                    a.anyRequest().authenticated();
                })
                .oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((req, res, e) -> write(res, json, CommonErrorCode.UNAUTHENTICATED,
                                "a valid bearer token is required; obtain one from POST /api/v1/auth/login"))
                        .accessDeniedHandler((req, res, e) -> write(res, json, CommonErrorCode.FORBIDDEN, "you may not do this")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> write(res, json, CommonErrorCode.UNAUTHENTICATED,
                                "a valid bearer token is required; obtain one from POST /api/v1/auth/login"))
                        .accessDeniedHandler((req, res, ex) -> write(res, json, CommonErrorCode.FORBIDDEN, "you may not do this")))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(web.contentSecurityPolicy()))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny())
                        // written on HTTPS requests only (also behind a TLS-terminating proxy with forward headers)
                        .httpStrictTransportSecurity(s -> s.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
                .cors(c -> c.configurationSource(corsSource(web)))
                .addFilterBefore(new BodySizeLimitFilter(web, json), BearerTokenAuthenticationFilter.class)
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, (req, res, ex) -> write(res, json,
                        IdentityErrorCode.API_KEY_INVALID, "the API key is invalid, expired or revoked")), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new TenantBindingFilter(hierarchy, network, json), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(limiter, rateLimits, json), TenantBindingFilter.class)
                .addFilterAfter(new EnrolmentScopeFilter(json), TenantBindingFilter.class);
        return http.build();
    }

    /** CORS from {@code cloudwarden.web.cors.allowed-origins}; without origins no cross-origin call is allowed. */
    static CorsConfigurationSource corsSource(WebHardeningProperties web) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!web.cors().allowedOrigins().isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(web.cors().allowedOrigins());
            cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", TenantBindingFilter.HEADER));
            cors.setExposedHeaders(List.of("Retry-After", "Content-Disposition"));
            cors.setAllowCredentials(false);
            cors.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", cors);
        }
        return source;
    }

    private static void write(HttpServletResponse res, JsonMapper json, ErrorCode code, String detail) throws IOException {
        ProblemDetail pd = ProblemResponses.problem(code, detail, List.of());
        res.setStatus(code.status().value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (code == CommonErrorCode.UNAUTHENTICATED) {
            res.setHeader("WWW-Authenticate", "Bearer");
        } else if (code == IdentityErrorCode.API_KEY_INVALID) {
            res.setHeader("WWW-Authenticate", ApiKeyAuthenticationFilter.SCHEME);
        }
        json.writeValue(res.getOutputStream(), pd);
    }
}
