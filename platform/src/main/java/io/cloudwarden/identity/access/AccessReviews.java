package io.cloudwarden.identity.access;

import io.cloudwarden.identity.AccessReviewCompleted;
import io.cloudwarden.identity.AccessReviewDecision;
import io.cloudwarden.identity.AccessReviewStarted;
import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.identity.RoleAssignmentChanged;
import io.cloudwarden.identity.access.AccessReviewViews.Item;
import io.cloudwarden.identity.access.AccessReviewViews.Review;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.CommonErrorCode;
import io.cloudwarden.shared.FieldProblem;
import io.cloudwarden.shared.TenantId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Access review campaigns over the active tenant: a snapshot of every user's roles with their last activity;
 * reviewers certify or revoke each line (never their own: separation of duties), and a revocation removes the
 * role at once. Completing a campaign keeps its report and records it as evidence ({@link AccessReviewReports}).
 */
@Service
public class AccessReviews {

    private static final String REVIEW_COLUMNS = """
            r.id, r.name, r.scope_tenant_id, r.due_at, r.reviewer_ids, r.status, r.created_by, r.created_at, r.completed_by,
            r.completed_at, (select count(*) from access_review_items i where i.review_id = r.id),
            (select count(*) from access_review_items i where i.review_id = r.id and i.decision = 'PENDING')""";
    static final String ITEM_COLUMNS = """
            id, user_id, username, role, last_activity_at, decision, comment, decided_by, decided_at""";

    private final JdbcClient jdbc;
    private final PermissionResolver resolver;
    private final ApplicationEventPublisher events;
    private final AccessReviewReports reports;
    private final Clock clock;

    AccessReviews(JdbcClient jdbc, PermissionResolver resolver, ApplicationEventPublisher events, AccessReviewReports reports,
                  ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.resolver = resolver;
        this.events = events;
        this.reports = reports;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Starts a campaign over the active tenant with a snapshot of its users' roles. */
    @Transactional
    public Review start(String name, UUID scopeTenantId, Instant dueAt, List<UUID> reviewerIds) {
        Caller caller = Caller.current(resolver);
        Instant now = clock.instant();
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.trim().length() > 200) {
            problems.add(new FieldProblem("name", "must be 1 to 200 characters"));
        }
        if (dueAt == null || !dueAt.isAfter(now)) {
            problems.add(new FieldProblem("dueAt", "must be in the future"));
        }
        if (scopeTenantId != null && !scopeTenantId.equals(caller.tenant().value())) {
            problems.add(new FieldProblem("scopeTenantId", "must be the active tenant (switch tenants to review a child tenant)"));
        }
        if (!problems.isEmpty()) {
            throw CloudwardenException.invalid("the access review is not valid", problems);
        }
        UUID id = UUID.randomUUID();
        UUID[] reviewers = reviewerIds == null ? new UUID[0] : reviewerIds.toArray(UUID[]::new);
        jdbc.sql("""
                        insert into access_reviews (id, tenant_id, name, scope_tenant_id, due_at, reviewer_ids, status, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(id, caller.tenant().value(), name.trim(), caller.tenant().value(), Timestamp.from(dueAt), reviewers,
                        caller.actor(), Timestamp.from(now)).update();
        int items = jdbc.sql("""
                        insert into access_review_items (id, review_id, tenant_id, user_id, username, role, last_activity_at)
                        select gen_random_uuid(), ?, u.tenant_id, u.id, u.username, r.role, u.last_login_at
                        from users u cross join lateral unnest(u.roles) as r(role) where u.tenant_id = ?""")
                .params(id, caller.tenant().value()).update();
        events.publishEvent(new AccessReviewStarted(caller.tenant(), id, name.trim(), dueAt, items, caller.actor(),
                caller.sourceIp(), now));
        return get(id);
    }

    /** Campaigns of the active tenant, newest first. */
    public List<Review> list(TenantId tenant) {
        Instant now = clock.instant();
        return jdbc.sql("select " + REVIEW_COLUMNS + " from access_reviews r where r.tenant_id = ? order by r.created_at desc limit 200")
                .param(tenant.value()).query((rs, n) -> review(rs, now)).list();
    }

    /** One campaign. */
    public Review get(UUID id) {
        Instant now = clock.instant();
        return jdbc.sql("select " + REVIEW_COLUMNS + " from access_reviews r where r.id = ?").param(id)
                .query((rs, n) -> review(rs, now)).optional()
                .orElseThrow(() -> new CloudwardenException(IdentityErrorCode.ACCESS_REVIEW_NOT_FOUND, "access review " + id + " was not found"));
    }

    /** The campaign's lines by username and role. */
    public List<Item> items(UUID reviewId) {
        Review review = get(reviewId);
        boolean pastDue = review.status().equals("OPEN") && clock.instant().isAfter(review.dueAt());
        return jdbc.sql("select " + ITEM_COLUMNS + " from access_review_items where review_id = ? order by username, role")
                .param(reviewId).query((rs, n) -> item(rs, pastDue)).list();
    }

    /** Certifies or revokes one line; a revocation removes the role from the user now. */
    @Transactional
    public Item decide(UUID reviewId, UUID itemId, String decision, String comment) {
        Caller caller = Caller.current(resolver);
        Review review = get(reviewId);
        if (!review.status().equals("OPEN")) {
            throw new CloudwardenException(IdentityErrorCode.ACCESS_REVIEW_STATE, "the review is completed");
        }
        if (!review.reviewerIds().isEmpty() && caller.principal().userId().map(u -> !review.reviewerIds().contains(u)).orElse(true)) {
            throw new CloudwardenException(CommonErrorCode.FORBIDDEN, "you are not a reviewer of this campaign");
        }
        if (!"CERTIFIED".equals(decision) && !"REVOKED".equals(decision)) {
            throw CloudwardenException.invalid("invalid decision", List.of(new FieldProblem("decision", "must be CERTIFIED or REVOKED")));
        }
        if (comment != null && comment.length() > 500) {
            throw CloudwardenException.invalid("invalid comment", List.of(new FieldProblem("comment", "at most 500 characters")));
        }
        Item item = items(reviewId).stream().filter(i -> i.id().equals(itemId)).findFirst()
                .orElseThrow(() -> new CloudwardenException(CommonErrorCode.NOT_FOUND, "line " + itemId + " is not in this review"));
        if (caller.isUser(item.userId())) {
            throw new CloudwardenException(IdentityErrorCode.SELF_REVIEW_FORBIDDEN, "nobody reviews their own access");
        }
        if (!item.decision().equals("PENDING")) {
            throw new CloudwardenException(IdentityErrorCode.ACCESS_REVIEW_STATE, "this line is decided already: " + item.decision());
        }
        Instant now = clock.instant();
        jdbc.sql("update access_review_items set decision = ?, comment = ?, decided_by = ?, decided_at = ? where id = ?")
                .params(decision, comment == null || comment.isBlank() ? null : comment.trim(), caller.actor(), Timestamp.from(now),
                        itemId).update();
        if (decision.equals("REVOKED")) {
            revokeRole(caller, reviewId, item, now);
        }
        events.publishEvent(new AccessReviewDecision(caller.tenant(), reviewId, itemId, item.userId(), item.role(), decision,
                comment, caller.actor(), caller.sourceIp(), now));
        return items(reviewId).stream().filter(i -> i.id().equals(itemId)).findFirst().orElseThrow();
    }

    /** Completes a campaign whose lines are all decided; keeps the report and records it as evidence. */
    @Transactional
    public Review complete(UUID reviewId) {
        Caller caller = Caller.current(resolver);
        Review review = get(reviewId);
        if (!review.status().equals("OPEN")) {
            throw new CloudwardenException(IdentityErrorCode.ACCESS_REVIEW_STATE, "the review is completed already");
        }
        if (review.pending() > 0) {
            throw new CloudwardenException(IdentityErrorCode.ACCESS_REVIEW_STATE,
                    review.pending() + " line(s) are still undecided; certify or revoke every line first");
        }
        Instant now = clock.instant();
        jdbc.sql("update access_reviews set status = 'COMPLETED', completed_by = ?, completed_at = ? where id = ?")
                .params(caller.actor(), Timestamp.from(now), reviewId).update();
        Review completed = get(reviewId);
        List<Item> lines = items(reviewId);
        reports.keep(caller, completed, lines);
        int revoked = (int) lines.stream().filter(i -> i.decision().equals("REVOKED")).count();
        events.publishEvent(new AccessReviewCompleted(caller.tenant(), reviewId, completed.name(), lines.size() - revoked, revoked,
                caller.actor(), caller.sourceIp(), now));
        return completed;
    }

    private void revokeRole(Caller caller, UUID reviewId, Item item, Instant now) {
        List<String> before = jdbc.sql("select roles from users where tenant_id = ? and id = ? for update")
                .params(caller.tenant().value(), item.userId())
                .query((rs, n) -> List.of((String[]) rs.getArray(1).getArray())).optional().orElse(List.of());
        if (!before.contains(item.role())) {
            return;
        }
        List<String> after = before.stream().filter(r -> !r.equals(item.role())).toList();
        jdbc.sql("update users set roles = ? where tenant_id = ? and id = ?")
                .params(after.toArray(String[]::new), caller.tenant().value(), item.userId()).update();
        events.publishEvent(new RoleAssignmentChanged(caller.tenant(), item.userId(), before, after, "access-review:" + reviewId,
                caller.actor(), caller.sourceIp(), now));
        resolver.invalidateAll();
    }

    private static Review review(ResultSet rs, Instant now) throws SQLException {
        Instant due = rs.getTimestamp(4).toInstant();
        String status = rs.getString(6);
        int pending = rs.getInt(12);
        return new Review(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), due, uuids(rs.getArray(5)),
                status, rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9),
                rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(), rs.getInt(11), pending,
                status.equals("OPEN") && pending > 0 && now.isAfter(due));
    }

    static Item item(ResultSet rs, boolean pastDue) throws SQLException {
        String decision = rs.getString(6);
        return new Item(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), decision, rs.getString(7), rs.getString(8),
                rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(), pastDue && decision.equals("PENDING"));
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : List.of((UUID[]) array.getArray());
    }
}
