package io.cloudwarden.cost.allocation;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Allocation settings ({@code cloudwarden.cost.allocation.*}).
 *
 * @param tagSynonyms canonical tag key → other names that mean the same (normalised before comparing), e.g.
 *                    {@code costcenter: [costcentre, cc]}; the defaults cover the four allocation dimensions
 */
@ConfigurationProperties("cloudwarden.cost.allocation")
public record AllocationProperties(Map<String, List<String>> tagSynonyms) {

    public AllocationProperties {
        if (tagSynonyms == null) {
            tagSynonyms = Map.of("team", List.of("squad", "owner-team"), "environment", List.of("env", "stage"),
                    "costcenter", List.of("costcentre", "cc"), "project", List.of("proj"));
        }
    }

    TagKeys tagKeys() {
        return new TagKeys(tagSynonyms);
    }
}
