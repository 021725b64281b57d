package io.cloudwarden.accounts.web;

import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.RequiresPermission;
import io.cloudwarden.accounts.internal.ConnectorRegistry;
import io.cloudwarden.connector.spi.Capability;
import io.cloudwarden.connector.spi.CloudProvider;
import io.cloudwarden.connector.spi.ConfigProperty;
import io.cloudwarden.connector.spi.ConnectorFactory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The connector types this installation offers, with the configuration each takes. */
@RestController
@Tag(name = "connectors", description = "Connector types and their configuration metadata")
class ConnectorsController {

    private final ConnectorRegistry registry;

    ConnectorsController(ConnectorRegistry registry) {
        this.registry = registry;
    }

    @RequiresPermission(Permission.ACCOUNTS_READ)
    @GetMapping("/api/v1/connectors")
    @Operation(summary = "Connector types with their configuration metadata (drives the onboarding form)")
    List<ConnectorType> list() {
        return registry.all().stream().map(ConnectorsController::view).toList();
    }

    private static ConnectorType view(ConnectorFactory f) {
        return new ConnectorType(f.name(), f.displayName(), f.description(),
                f.providers().stream().map(CloudProvider::wireName).sorted().toList(),
                f.capabilities().stream().map(Capability::name).sorted().toList(), f.configProperties());
    }

    record ConnectorType(String name, String displayName, String description, List<String> providers,
                         List<String> capabilities, List<ConfigProperty> configProperties) {
    }
}
