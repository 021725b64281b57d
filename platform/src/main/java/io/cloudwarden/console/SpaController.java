package io.cloudwarden.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the single-page application's routes: a deep link such as {@code /inventory?provider=aws} loads
 * {@code index.html} (from the web module's jar, {@code META-INF/resources}), whose router takes it from
 * there. API paths are not routes of the application.
 */
@Controller
class SpaController {

    @GetMapping({"/", "/login", "/inventory", "/inventory/**", "/accounts", "/accounts/**", "/audit", "/audit/**", "/cost", "/cost/**"})
    String index() {
        return "forward:/index.html";
    }
}
