package io.cloudwarden.identity.web;

import io.cloudwarden.identity.access.AccessReviewReports;
import io.cloudwarden.identity.access.AccessReviewViews.Item;
import io.cloudwarden.identity.access.AccessReviewViews.Review;
import io.cloudwarden.identity.access.AccessReviews;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Access review campaigns: start, lines, decisions, completion and the kept report. */
@RestController
@RequestMapping("/api/v1/access/reviews")
@Tag(name = "access", description = "Just-in-time elevation and access reviews")
@RequiresPermission(Permission.ACCESS_REVIEW)
class AccessReviewsController {

    private final AccessReviews reviews;
    private final AccessReviewReports reports;

    AccessReviewsController(AccessReviews reviews, AccessReviewReports reports) {
        this.reviews = reviews;
        this.reports = reports;
    }

    @PostMapping
    @Operation(summary = "Start a campaign over the active tenant: snapshot of users x roles x last activity")
    ResponseEntity<Review> start(@RequestBody NewReview body) {
        Review review = reviews.start(body.name(), body.scopeTenantId(), body.dueAt(), body.reviewerIds());
        return ResponseEntity.created(URI.create("/api/v1/access/reviews/" + review.id())).body(review);
    }

    @GetMapping
    @Operation(summary = "Campaigns, newest first")
    List<Review> list() {
        return reviews.list(TenantContext.require());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One campaign, with its line counts and whether it is overdue")
    Review get(@PathVariable UUID id) {
        return reviews.get(id);
    }

    @GetMapping("/{id}/items")
    @Operation(summary = "The campaign's lines (user, role, last activity, decision, overdue)")
    List<Item> items(@PathVariable UUID id) {
        return reviews.items(id);
    }

    @PostMapping("/{id}/items/{itemId}/decision")
    @Operation(summary = "Certify or revoke a line (never one's own: 403 SELF_REVIEW_FORBIDDEN); REVOKED removes the role now")
    Item decide(@PathVariable UUID id, @PathVariable UUID itemId, @RequestBody DecisionBody body) {
        return reviews.decide(id, itemId, body.decision(), body.comment());
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Complete a fully decided campaign; its report is kept and recorded as evidence "
            + "(SOC 2 CC6.2/CC6.3, ISO 27001 A.5.18)")
    Review complete(@PathVariable UUID id) {
        return reviews.complete(id);
    }

    @GetMapping(path = "/{id}/report", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The completed campaign's report as JSON (Accept: text/csv for CSV)")
    ResponseEntity<String> report(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(reports.report(id, false));
    }

    @GetMapping(path = "/{id}/report", produces = "text/csv")
    @Operation(summary = "The completed campaign's report as CSV")
    ResponseEntity<String> reportCsv(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"access-review-" + id + ".csv\"").body(reports.report(id, true));
    }

    record NewReview(String name, UUID scopeTenantId, Instant dueAt, List<UUID> reviewerIds) {
    }

    record DecisionBody(String decision, String comment) {
    }
}
