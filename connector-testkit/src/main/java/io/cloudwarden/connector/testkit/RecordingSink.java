package io.cloudwarden.connector.testkit;

import io.cloudwarden.connector.spi.DiscoveredResource;
import io.cloudwarden.connector.spi.ResourceSink;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link ResourceSink} for tests: keeps the first {@code limit} resources in arrival order and counts all of
 * them, so a large inventory can be collected completely without holding it in memory. Not thread-safe.
 */
public final class RecordingSink implements ResourceSink {

    private final int limit;
    private final List<DiscoveredResource> recorded = new ArrayList<>();
    private long seen;

    /** Records every resource. */
    public RecordingSink() {
        this(Integer.MAX_VALUE);
    }

    /** Records the first {@code limit} resources and only counts the rest. */
    public RecordingSink(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        this.limit = limit;
    }

    @Override
    public void accept(DiscoveredResource resource) {
        if (resource == null) {
            throw new IllegalArgumentException("a connector reported a null resource");
        }
        seen++;
        if (recorded.size() < limit) {
            recorded.add(resource);
        }
    }

    /** The recorded resources, in arrival order (at most {@code limit}). */
    public List<DiscoveredResource> resources() {
        return Collections.unmodifiableList(recorded);
    }

    /** How many resources were accepted, recorded or not. */
    public long seen() {
        return seen;
    }

    /** Whether resources arrived beyond the limit and were only counted. */
    public boolean truncated() {
        return seen > recorded.size();
    }
}
