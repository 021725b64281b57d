package io.cloudwarden.inventory.internal;

import io.cloudwarden.connector.spi.CloudProvider;
import io.cloudwarden.inventory.persistence.TagNormalization;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.Cursors;
import io.cloudwarden.shared.FieldProblem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The raw query parameters of the resource list and facets, as strings, validated all at once so a 400 names
 * every bad parameter instead of the first.
 */
public record ResourceQueryParameters(List<String> provider, List<String> account, List<String> region, List<String> type,
                                      List<String> state, List<String> tag, List<String> tagMissing, String q,
                                      String includeDeleted, String asOf) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** Validates the filter parameters. */
    public ResourceFilter toFilter() {
        List<FieldProblem> problems = new ArrayList<>();
        ResourceFilter filter = toFilter(problems);
        failIfAny(problems);
        return filter;
    }

    /** Validates the filter and the page parameters together. */
    public Listing toListing(String sort, String limit, String cursor) {
        List<FieldProblem> problems = new ArrayList<>();
        ResourceFilter filter = toFilter(problems);
        ResourceSort order = ResourceSort.NAME;
        if (sort != null && !sort.isBlank()) {
            order = ResourceSort.parse(sort.trim()).orElse(null);
            if (order == null) {
                problems.add(new FieldProblem("sort", "'" + sort + "' is not a sort order; use one of "
                        + String.join(", ", ResourceSort.wireNames())));
            }
        }
        int size = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_LIMIT) {
                problems.add(new FieldProblem("limit", "must be a whole number from 1 to " + MAX_LIMIT));
            }
        }
        failIfAny(problems);
        List<String> keys = cursor == null || cursor.isBlank() ? List.of()
                : Cursors.decode(cursor.trim(), order.wireName(), order.keys().size());
        return new Listing(filter, new ResourceFilter.Page(order, size, keys));
    }

    private ResourceFilter toFilter(List<FieldProblem> problems) {
        Set<CloudProvider> providers = new LinkedHashSet<>();
        for (String p : values(provider)) {
            try {
                providers.add(CloudProvider.parse(p));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("provider", e.getMessage()));
            }
        }
        Set<UUID> accounts = new LinkedHashSet<>();
        for (String a : values(account)) {
            try {
                accounts.add(UUID.fromString(a));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("account", "'" + a + "' is not an account id (a UUID)"));
            }
        }
        Map<String, String> tagEquals = new LinkedHashMap<>();
        Set<String> tagPresent = new LinkedHashSet<>();
        for (String t : values(tag)) {
            int colon = t.indexOf(':');
            String key = TagNormalization.normaliseKey(colon < 0 ? t : t.substring(0, colon));
            if (key.isEmpty()) {
                problems.add(new FieldProblem("tag", "'" + t + "' must be key:value or key, with a non-empty key"));
            } else if (colon < 0) {
                tagPresent.add(key);
            } else if (tagEquals.containsKey(key) && !tagEquals.get(key).equals(t.substring(colon + 1))) {
                problems.add(new FieldProblem("tag", "key '" + key + "' is given two different values; no resource can match"));
            } else {
                tagEquals.put(key, t.substring(colon + 1));
            }
        }
        Set<String> missing = new LinkedHashSet<>();
        for (String t : values(tagMissing)) {
            String key = TagNormalization.normaliseKey(t);
            if (key.isEmpty() || t.contains(":")) {
                problems.add(new FieldProblem("tagMissing", "'" + t + "' must be a tag key"));
            } else {
                missing.add(key);
            }
        }
        String text = q == null || q.isBlank() ? null : q.trim();
        if (text != null && text.length() > 200) {
            problems.add(new FieldProblem("q", "must be at most 200 characters"));
        }
        boolean deleted = false;
        if (includeDeleted != null && !includeDeleted.isBlank()) {
            if (!includeDeleted.equalsIgnoreCase("true") && !includeDeleted.equalsIgnoreCase("false")) {
                problems.add(new FieldProblem("includeDeleted", "must be true or false"));
            }
            deleted = includeDeleted.equalsIgnoreCase("true");
        }
        Instant at = null;
        if (asOf != null && !asOf.isBlank()) {
            try {
                at = OffsetDateTime.parse(asOf.trim()).toInstant();
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("asOf", "'" + asOf + "' is not an ISO-8601 instant such as 2026-01-31T12:00:00Z"));
            }
        }
        return new ResourceFilter(providers, accounts, strings(region), strings(type), strings(state), tagEquals, tagPresent,
                missing, text, deleted, at);
    }

    private static List<String> values(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        return raw.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
    }

    private static Set<String> strings(List<String> raw) {
        return new LinkedHashSet<>(values(raw));
    }

    private static void failIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new CloudwardenException(CommonErrorCode.INVALID_FILTER, "the resource query has invalid parameters: "
                    + String.join(", ", problems.stream().map(FieldProblem::field).distinct().toList()), problems);
        }
    }

    /** A validated list request. */
    public record Listing(ResourceFilter filter, ResourceFilter.Page page) {
    }
}
