package io.cloudwarden.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The console's typed API client is generated from {@code web/openapi.json} at build time; this test fails
 * the build when the server's OpenAPI document no longer matches that file, so client and server cannot
 * drift. After an intended API change, refresh the file with
 * {@code ./mvnw -pl platform test -Dtest=OpenApiContractTest -Dopenapi.write=true} and rebuild the web module
 * (whose type check then shows every place the console must follow).
 */
@PlatformTest
class OpenApiContractTest {

    static final Path COMMITTED = Path.of("..", "web", "openapi.json");
    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    @LocalServerPort
    int port;

    @Test
    void theConsolesApiClientIsGeneratedFromTheServersCurrentSpec() throws Exception {
        JsonNode live = normalized(JSON.readTree(new ApiClient(port).getText("/v3/api-docs").raw()));
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, JSON.writeValueAsString(live) + "\n");
        }
        JsonNode committed = normalized(JSON.readTree(Files.readString(COMMITTED)));
        assertThat(committed)
                .as("web/openapi.json differs from the server's /v3/api-docs; refresh it with "
                        + "./mvnw -pl platform test -Dtest=OpenApiContractTest -Dopenapi.write=true and rebuild web")
                .isEqualTo(live);
    }

    /** Without the server URL (its port changes with every run). */
    private static JsonNode normalized(JsonNode spec) {
        ObjectNode copy = (ObjectNode) spec.deepCopy();
        copy.remove("servers");
        return copy;
    }
}
