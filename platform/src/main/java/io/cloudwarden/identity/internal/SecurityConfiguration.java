package io.cloudwarden.identity.internal;

import io.cloudwarden.shared.CommonErrorCode;
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
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every API needs a bearer token, except login, health, the JWK set and the API documentation; metrics
 * are public unless {@code cloudwarden.identity.public-metrics=false}. Sessions are stateless and errors
 * are problem+json like every other API error.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(12);
    }

    @Bean
    JwtDecoder jwtDecoder(TokenIssuer tokens) {
        return NimbusJwtDecoder.withPublicKey(tokens.verificationKey()).build();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, IdentityProperties props, JsonMapper json) throws Exception {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<String> roles = jwt.getClaimAsStringList("roles");
            return roles == null ? List.of()
                    : roles.stream().map(r -> (org.springframework.security.core.GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
        });
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> {
                    a.requestMatchers("/api/v1/auth/login", "/.well-known/jwks.json", "/.well-known/cloudwarden-audit-keys", "/actuator/health", "/actuator/health/**",
                            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll();
                    // the console's static files and its routes (the application itself asks for a token)
                    a.requestMatchers(org.springframework.http.HttpMethod.GET, "/", "/index.html", "/assets/**", "/favicon.svg",
                            "/login", "/inventory", "/inventory/**", "/accounts", "/accounts/**", "/audit", "/audit/**", "/cost", "/cost/**").permitAll();
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
                .addFilterAfter(new TenantBindingFilter(), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    private static void write(HttpServletResponse res, JsonMapper json, CommonErrorCode code, String detail) throws IOException {
        ProblemDetail pd = ProblemResponses.problem(code, detail, List.of());
        res.setStatus(code.status().value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (code == CommonErrorCode.UNAUTHENTICATED) {
            res.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(res.getOutputStream(), pd);
    }
}
