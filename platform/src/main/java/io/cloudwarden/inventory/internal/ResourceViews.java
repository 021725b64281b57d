package io.cloudwarden.inventory.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The shapes the inventory API returns. */
public final class ResourceViews {

    private ResourceViews() {
    }

    /** One row of the resource list. */
    public record ResourceSummary(UUID id, String provider, String nativeId, String type, String name, String region,
                                  String state, UUID accountId, String accountName, Map<String, String> tags, int version,
                                  Instant lastChanged, boolean deleted, Instant deletedAt) {
    }

    /** One facet value and how many resources have it. */
    public record FacetCount(String value, String label, long count) {
    }

    /** Counts per dimension of the resources a filter selects. */
    public record ResourceFacets(long total, List<FacetCount> provider, List<FacetCount> type, List<FacetCount> region,
                                 List<FacetCount> account, List<FacetCount> state) {
    }

    /** An edge from this resource; the target fields are null when no resource with the target key is known. */
    public record OutgoingRelation(String type, String targetProvider, String targetNativeId, UUID targetId,
                                   String targetName, String targetType, boolean targetDeleted) {
    }

    /** An edge from another resource to this one. */
    public record IncomingRelation(String type, UUID sourceId, String sourceNativeId, String sourceName, String sourceType) {
    }

    /** Everything known about one resource now. */
    public record ResourceDetail(UUID id, String provider, String nativeId, String type, String name, String region,
                                 String state, UUID accountId, String accountName, Map<String, String> tags,
                                 Map<String, String> tagsRaw, JsonNode configuration, int version, Instant firstSeen,
                                 Instant lastChanged, Instant lastSeen, boolean deleted, Instant deletedAt,
                                 List<OutgoingRelation> outgoing, List<IncomingRelation> incoming) {
    }

    /** One version in a resource's history. */
    public record VersionSummary(int version, String change, Instant validFrom, Instant validTo, String name,
                                 String region, String state, UUID syncRunId) {
    }

    /** The content of one version, as diffed. */
    public record VersionContent(int version, String change, String name, String region, String state,
                                 JsonNode tags, JsonNode configuration) {
    }

    /** One changed JSON path between two versions ({@code old} absent when added, {@code new} absent when removed). */
    public record PathChange(String path, String kind, JsonNode oldValue, JsonNode newValue) {
    }

    /** The difference between two versions of a resource. */
    public record ResourceDiff(UUID resourceId, Integer fromVersion, int toVersion, List<PathChange> changes) {
    }
}
