package io.cloudwarden.connector.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One resource as a connector sees it.
 *
 * @param provider          the owning cloud
 * @param nativeId          the provider's global id: AWS ARN, Azure resource id, GCP full resource name
 * @param type              the provider's type name, e.g. {@code AWS::EC2::Instance},
 *                          {@code Microsoft.Compute/virtualMachines}, {@code compute.googleapis.com/Instance}
 * @param name              display name (Name tag, resource name), or the last id segment
 * @param region            region or location, {@code "global"} for global resources
 * @param state             provider lifecycle state in lower case, e.g. {@code running}, {@code available}
 * @param createdAt         creation time if the provider reports one, otherwise {@code null}
 * @param tags              tags or labels exactly as the provider reports them (keys not normalised)
 * @param configurationJson the resource's configuration as the provider's API returns it, as a JSON object
 * @param relations         edges from this resource to others
 */
public record DiscoveredResource(CloudProvider provider, String nativeId, String type, String name, String region,
                                 String state, Instant createdAt, Map<String, String> tags, String configurationJson,
                                 List<ResourceRelation> relations) {

    public DiscoveredResource {
        Objects.requireNonNull(provider, "provider");
        if (nativeId == null || nativeId.isBlank()) {
            throw new IllegalArgumentException("nativeId is required");
        }
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("type is required for " + nativeId);
        }
        if (configurationJson == null || !configurationJson.stripLeading().startsWith("{")) {
            throw new IllegalArgumentException("configurationJson must be a JSON object for " + nativeId);
        }
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        relations = relations == null ? List.of() : List.copyOf(relations);
    }
}
