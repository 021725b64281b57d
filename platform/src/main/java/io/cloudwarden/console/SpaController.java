package io.cloudwarden.console;

import io.cloudwarden.shared.security.PublicEndpoint;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the single-page application's routes: a deep link such as {@code /inventory?provider=aws} loads
 * {@code index.html} (from the web module's jar, {@code META-INF/resources}), whose router takes it from
 * there. API paths are not routes of the application.
 */
@Controller
class SpaController {

    @PublicEndpoint(why = "the console's HTML shell and routes; the application itself asks for a token")
    @GetMapping({"/", "/login", "/login/**", "/inventory", "/inventory/**", "/accounts", "/accounts/**", "/cost", "/cost/**",
            "/audit", "/audit/**", "/profile", "/profile/**", "/admin", "/admin/**", "/access", "/access/**", "/signup", "/verify-email",
            "/invite/**"})
    String index() {
        return "forward:/index.html";
    }
}
