package io.cloudwarden.identity.access;

import io.cloudwarden.identity.IdentityErrorCode;
import io.cloudwarden.identity.access.AccessReviewViews.Item;
import io.cloudwarden.identity.access.AccessReviewViews.Review;
import io.cloudwarden.shared.CloudwardenException;
import io.cloudwarden.shared.EvidenceOffered;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report of a completed access review, as JSON and CSV, kept with the campaign and offered to the evidence
 * module as an {@code access_review} item for SOC 2 CC6.2/CC6.3 and ISO 27001 A.5.18.
 */
@Component
public class AccessReviewReports {

    static final List<String> CONTROLS = List.of("SOC2:CC6.2", "SOC2:CC6.3", "ISO27001:A.5.18");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final JsonMapper json = JsonMapper.builder().build();

    AccessReviewReports(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    void keep(Caller caller, Review review, List<Item> items) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("review", review);
        report.put("certified", items.stream().filter(i -> i.decision().equals("CERTIFIED")).count());
        report.put("revoked", items.stream().filter(i -> i.decision().equals("REVOKED")).count());
        report.put("items", items);
        String reportJson = json.writeValueAsString(report);
        String csv = csv(items);
        jdbc.sql("update access_reviews set report_json = ?::jsonb, report_csv = ? where id = ?")
                .params(reportJson, csv, review.id()).update();
        events.publishEvent(new EvidenceOffered(caller.tenant(), "access_review", "Access review: " + review.name(),
                "Completed access review " + review.id() + ": " + items.size() + " user-role lines decided",
                CONTROLS, review.createdAt(), review.completedAt(), "access-review-" + review.id() + ".json", "application/json",
                reportJson.getBytes(StandardCharsets.UTF_8), caller.actor(), caller.sourceIp()));
    }

    /** The kept report: JSON, or CSV when {@code csv}; 404 for a review the tenant does not have, 409 before completion. */
    public String report(UUID reviewId, boolean csv) {
        record Kept(String report) {
        }
        Kept kept = jdbc.sql("select " + (csv ? "report_csv" : "report_json::text") + " from access_reviews where id = ?").param(reviewId)
                .query((rs, n) -> new Kept(rs.getString(1))).optional()
                .orElseThrow(() -> new CloudwardenException(IdentityErrorCode.ACCESS_REVIEW_NOT_FOUND,
                        "access review " + reviewId + " was not found"));
        if (kept.report() == null) {
            throw new CloudwardenException(IdentityErrorCode.ACCESS_REVIEW_STATE, "the review has no report yet; complete it first");
        }
        return kept.report();
    }

    static String csv(List<Item> items) {
        StringBuilder out = new StringBuilder("user_id,username,role,last_activity_at,decision,decided_by,decided_at,comment\n");
        for (Item i : items) {
            out.append(i.userId()).append(',').append(cell(i.username())).append(',').append(cell(i.role())).append(',')
                    .append(i.lastActivityAt() == null ? "" : i.lastActivityAt()).append(',').append(i.decision()).append(',')
                    .append(cell(i.decidedBy())).append(',').append(i.decidedAt() == null ? "" : i.decidedAt()).append(',')
                    .append(cell(i.comment())).append('\n');
        }
        return out.toString();
    }

    /** RFC 4180 quoting, and a leading quote against spreadsheet formula injection. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
