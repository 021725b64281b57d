package io.cloudwarden.identity.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The API shapes of access reviews. */
public final class AccessReviewViews {

    private AccessReviewViews() {
    }

    /**
     * A campaign.
     *
     * @param status  OPEN or COMPLETED
     * @param overdue whether it is open, past {@code dueAt}, with undecided lines
     */
    public record Review(UUID id, String name, UUID scopeTenantId, Instant dueAt, List<UUID> reviewerIds, String status,
                         String createdBy, Instant createdAt, String completedBy, Instant completedAt, int items,
                         int pending, boolean overdue) {
    }

    /**
     * One line: a user's role.
     *
     * @param decision PENDING, CERTIFIED or REVOKED
     * @param overdue  whether it is still PENDING after the campaign's due date
     */
    public record Item(UUID id, UUID userId, String username, String role, Instant lastActivityAt, String decision,
                       String comment, String decidedBy, Instant decidedAt, boolean overdue) {
    }
}
