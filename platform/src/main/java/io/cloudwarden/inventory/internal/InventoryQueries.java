package io.cloudwarden.inventory.internal;

import io.cloudwarden.inventory.InventoryErrorCode;
import io.cloudwarden.inventory.internal.ResourceViews.PathChange;
import io.cloudwarden.inventory.internal.ResourceViews.ResourceDetail;
import io.cloudwarden.inventory.internal.ResourceViews.ResourceDiff;
import io.cloudwarden.inventory.internal.ResourceViews.ResourceFacets;
import io.cloudwarden.inventory.internal.ResourceViews.ResourceSummary;
import io.cloudwarden.inventory.internal.ResourceViews.VersionContent;
import io.cloudwarden.inventory.internal.ResourceViews.VersionSummary;
import io.cloudwarden.inventory.persistence.ResourceDetailStore;
import io.cloudwarden.inventory.persistence.ResourceSearchStore;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.CursorPage;
import io.cloudwarden.shared.Cursors;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.TenantContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The read side of the inventory: list, facets, detail, history and diff, always for the bound tenant. */
@Service
@Transactional(readOnly = true)
public class InventoryQueries {

    private static final String HISTORY_SORT = "-version";

    private final ResourceSearchStore search;
    private final ResourceDetailStore details;

    InventoryQueries(ResourceSearchStore search, ResourceDetailStore details) {
        this.search = search;
        this.details = details;
    }

    public CursorPage<ResourceSummary> list(ResourceFilter filter, ResourceFilter.Page page) {
        List<ResourceSummary> rows = search.search(tenant(), filter, page);
        if (rows.size() <= page.limit()) {
            return new CursorPage<>(rows, null);
        }
        List<ResourceSummary> items = rows.subList(0, page.limit());
        ResourceSummary last = items.get(items.size() - 1);
        List<String> keys = page.sort().keys().stream().map(k -> switch (k) {
            case "name" -> last.name() == null ? "" : last.name();
            case "type" -> last.type();
            case "region" -> last.region() == null ? "" : last.region();
            case "lastChanged" -> last.lastChanged().toString();
            default -> last.id().toString();
        }).toList();
        return new CursorPage<>(items, Cursors.encode(page.sort().wireName(), keys));
    }

    public ResourceFacets facets(ResourceFilter filter) {
        return search.facets(tenant(), filter);
    }

    public ResourceDetail detail(UUID id) {
        return details.detail(tenant(), id).orElseThrow(() -> notFound(id));
    }

    public CursorPage<VersionSummary> history(UUID id, int limit, String cursor) {
        int current = details.currentVersion(tenant(), id).orElseThrow(() -> notFound(id));
        int before = current + 1;
        if (cursor != null && !cursor.isBlank()) {
            try {
                before = Integer.parseInt(Cursors.decode(cursor.trim(), HISTORY_SORT, 1).get(0));
            } catch (NumberFormatException e) {
                throw new CloudwardenException(CommonErrorCode.INVALID_CURSOR, "the cursor is not valid");
            }
        }
        List<VersionSummary> rows = details.history(tenant(), id, before, limit + 1);
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null);
        }
        List<VersionSummary> items = rows.subList(0, limit);
        return new CursorPage<>(items, Cursors.encode(HISTORY_SORT, List.of(Integer.toString(items.get(limit - 1).version()))));
    }

    /** Differences from version {@code from} (default: the one before {@code to}) to {@code to} (default: current). */
    public ResourceDiff diff(UUID id, Integer from, Integer to) {
        int current = details.currentVersion(tenant(), id).orElseThrow(() -> notFound(id));
        int toVersion = to == null ? current : to;
        Integer fromVersion = from != null ? from : toVersion > 1 ? toVersion - 1 : null;
        List<FieldProblem> problems = new ArrayList<>();
        if (toVersion < 1 || toVersion > current) {
            problems.add(new FieldProblem("to", "must be a version from 1 to " + current));
        }
        if (fromVersion != null && (fromVersion < 1 || fromVersion > current)) {
            problems.add(new FieldProblem("from", "must be a version from 1 to " + current));
        }
        if (!problems.isEmpty()) {
            throw new CloudwardenException(CommonErrorCode.INVALID_FILTER, "the versions to compare do not exist", problems);
        }
        VersionContent after = version(id, toVersion);
        VersionContent before = fromVersion == null ? null : version(id, fromVersion);
        return new ResourceDiff(id, fromVersion, toVersion, changes(before, after));
    }

    private static List<PathChange> changes(VersionContent before, VersionContent after) {
        List<PathChange> out = new ArrayList<>();
        out.addAll(JsonDiff.diff("/name", text(before == null ? null : before.name()), text(after.name())));
        out.addAll(JsonDiff.diff("/region", text(before == null ? null : before.region()), text(after.region())));
        out.addAll(JsonDiff.diff("/state", text(before == null ? null : before.state()), text(after.state())));
        out.addAll(JsonDiff.diff("/tags", before == null ? null : before.tags(), after.tags()));
        out.addAll(JsonDiff.diff("/configuration", before == null ? null : before.configuration(), after.configuration()));
        return out;
    }

    private static JsonNode text(String value) {
        return value == null ? null : JsonNodeFactory.instance.stringNode(value);
    }

    private VersionContent version(UUID id, int version) {
        return details.version(tenant(), id, version).orElseThrow(() -> new CloudwardenException(
                InventoryErrorCode.VERSION_NOT_FOUND, "version " + version + " of resource " + id + " was not found"));
    }

    private static UUID tenant() {
        return TenantContext.require().value();
    }

    private static CloudwardenException notFound(UUID id) {
        return new CloudwardenException(InventoryErrorCode.RESOURCE_NOT_FOUND, "resource " + id + " was not found");
    }
}
