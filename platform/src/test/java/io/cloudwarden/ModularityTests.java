package io.cloudwarden;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the module boundaries (no cycles, no access to another module's internals) and writes the module
 * diagrams to docs/modules. The connector SPI and connectors are separate Maven artifacts under
 * {@code io.cloudwarden.connector}: libraries to the platform, not application modules, so they are left out.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(CloudwardenApplication.class,
            JavaClass.Predicates.resideInAPackage("io.cloudwarden.connector.."));

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
