package io.cloudwarden;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the module boundaries (no cycles, no access to another module's internals) and writes the module
 * diagrams to docs/modules. Modules are the packages annotated with {@code @ApplicationModule}
 * ({@code spring.modulith.detection-strategy: explicitly-annotated}); the connector SPI under
 * {@code io.cloudwarden.connector} is a library the modules use, not a module.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(CloudwardenApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theExpectedModulesExist() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("shared", "identity", "accounts", "inventory", "cli");
    }

    @Test
    void writesModuleDiagramsIntoDocs() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
