package io.cloudwarden.shared;

import java.util.List;

/**
 * One page of a list. {@code nextCursor} is an opaque token that continues the listing after the last
 * item, or {@code null} on the last page.
 */
public record CursorPage<T>(List<T> items, String nextCursor) {

    public CursorPage {
        items = List.copyOf(items);
    }
}
