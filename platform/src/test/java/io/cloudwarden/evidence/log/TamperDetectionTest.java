package io.cloudwarden.evidence.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudwarden.evidence.anchor.AnchorCheck;
import io.cloudwarden.evidence.anchor.AnchorStatus;
import io.cloudwarden.evidence.anchor.Anchoring;
import io.cloudwarden.evidence.verify.LogVerifier;
import io.cloudwarden.evidence.verify.VerificationProblem;
import io.cloudwarden.evidence.verify.VerificationReport;
import io.cloudwarden.shared.AuditableEvent;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.testsupport.ApiClient;
import io.cloudwarden.testsupport.PlatformTest;
import io.cloudwarden.testsupport.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Tampering done directly in PostgreSQL, behind the application's back, is found by verification, which
 * names the first bad index; a database restored to an earlier state is found against an anchored checkpoint.
 * Each scenario tampers with its own tenant's log.
 */
@PlatformTest
class TamperDetectionTest {

    @LocalServerPort
    int port;

    @Value("${cloudwarden.db.url}")
    String dbUrl;

    @Autowired
    AuditLedger ledger;

    @Autowired
    AuditExport export;

    @Autowired
    Anchoring anchoring;

    @Autowired
    AnchorCheck anchorCheck;

    JdbcTemplate owner;

    @BeforeEach
    void setUp() {
        owner = TestDatabase.owner(dbUrl);
    }

    @Test
    void anUntouchedLogVerifiesOverTheApiAndAsAnExportedBundle(@TempDir Path dir) throws Exception {
        ApiClient api = new ApiClient(port).loginAsAdmin();
        api.post("/api/v1/audit/checkpoints", Map.of());
        JsonNode report = api.post("/api/v1/audit/verify", Map.of()).body();
        assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("entriesChecked").asLong()).isPositive();

        HttpResponse<Path> bundle = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/audit/bundle"))
                .header("Authorization", "Bearer " + api.token()).GET().build(), HttpResponse.BodyHandlers.ofFile(dir.resolve("b.zip")));
        assertThat(bundle.statusCode()).isEqualTo(200);
        VerificationReport offline = new LogVerifier().verify(bundle.body());
        assertThat(offline.ok()).as(offline.problems().toString()).isTrue();
        assertThat(new picocli.CommandLine(new io.cloudwarden.cli.CloudwardenCommand())
                .execute("verify-log", "--quiet", bundle.body().toString())).isZero();
    }

    @Test
    void anEntryUpdatedInTheDatabaseIsNamed(@TempDir Path dir) throws Exception {
        TenantId tenant = logWith(40, 15, 30);
        assertThat(export.verify(tenant).ok()).isTrue();

        owner.update("""
                update audit_entries set entry = convert_to(replace(convert_from(entry, 'UTF8'), '"failure"', '"success"'), 'UTF8')
                where tenant_id = ? and idx = 17""", tenant.value());
        VerificationReport report = export.verify(tenant);
        assertThat(report.ok()).isFalse();
        assertThat(report.firstBadIndex()).isEqualTo(17L);
        assertThat(report.problems()).extracting(VerificationProblem::kind).contains(VerificationProblem.Kind.MODIFIED_ENTRY);

        Path bundle = dir.resolve("tampered.zip");
        export.exportBundle(tenant, bundle);
        assertThat(new LogVerifier().verify(bundle).firstBadIndex()).isEqualTo(17L);
        assertThat(new picocli.CommandLine(new io.cloudwarden.cli.CloudwardenCommand())
                .execute("verify-log", "--quiet", bundle.toString())).isEqualTo(1);
    }

    @Test
    void anUpdateOfTheEntryAndItsStoredHashIsStillCaughtByTheSignedCheckpoints() {
        TenantId tenant = logWith(40, 15, 30);
        owner.update("""
                update audit_entries set entry = convert_to(replace(convert_from(entry, 'UTF8'), '"failure"', '"success"'), 'UTF8')
                where tenant_id = ? and idx = 17""", tenant.value());
        owner.update("""
                update audit_entries set leaf_hash = sha256('\\x00'::bytea || entry) where tenant_id = ? and idx = 17""", tenant.value());
        VerificationReport report = export.verify(tenant);
        assertThat(report.ok()).isFalse();
        assertThat(report.firstBadIndex()).as("the last index the signed checkpoints vouch for").isEqualTo(15L);
    }

    @Test
    void aDeletedEntryIsNamed() {
        TenantId tenant = logWith(40, 15, 30);
        owner.update("delete from audit_entries where tenant_id = ? and idx = 22", tenant.value());
        VerificationReport report = export.verify(tenant);
        assertThat(report.ok()).isFalse();
        assertThat(report.firstBadIndex()).isEqualTo(22L);
        assertThat(report.problems()).extracting(VerificationProblem::kind).contains(VerificationProblem.Kind.MISSING_ENTRY);
    }

    @Test
    void aDatabaseRestoredToAnEarlierStateIsCaughtByTheAnchoredCheckpoint() {
        TenantId tenant = logWith(20, 20);
        // the "backup": the tenant's rows as they are now
        for (String table : List.of("audit_entries", "audit_tiles", "audit_checkpoints", "audit_logs")) {
            owner.execute("create table backup_" + table + " as select * from " + table + " where tenant_id = '" + tenant + "'");
        }
        append(tenant, 10);
        ledger.checkpointNow(tenant);
        anchoring.anchorAll();
        assertThat(anchorCheck.check(tenant)).extracting(AnchorStatus::status).containsExactly(AnchorStatus.Status.OK);
        append(tenant, 10);
        ledger.checkpointNow(tenant);

        // restore the backup, as an attacker (or a careless operator) with database access could
        for (String table : List.of("audit_entries", "audit_tiles", "audit_checkpoints")) {
            owner.update("delete from " + table + " where tenant_id = ?", tenant.value());
            owner.execute("insert into " + table + " select * from backup_" + table);
        }
        owner.update("update audit_logs l set tree_size = b.tree_size, root_hash = b.root_hash from backup_audit_logs b "
                + "where l.tenant_id = b.tenant_id");

        List<AnchorStatus> statuses = anchorCheck.check(tenant);
        assertThat(statuses).extracting(AnchorStatus::status).containsExactly(AnchorStatus.Status.ROLLBACK_DETECTED);
        VerificationReport report = export.verify(tenant);
        assertThat(report.ok()).as("the log alone is consistent, but not with its anchor").isFalse();
        assertThat(report.problems()).extracting(VerificationProblem::kind).contains(VerificationProblem.Kind.ANCHOR_BEYOND_LOG);
    }

    /** A new tenant whose log has {@code n} entries and signed checkpoints at the given sizes and at {@code n}. */
    private TenantId logWith(int n, int... checkpointsAt) {
        TenantId tenant = new TenantId(UUID.randomUUID());
        owner.update("insert into tenants (id, name, kind) values (?, ?, 'CUSTOMER')", tenant.value(), "tamper-" + tenant);
        int done = 0;
        for (int at : checkpointsAt) {
            append(tenant, at - done);
            done = at;
            ledger.checkpointNow(tenant);
        }
        append(tenant, n - done);
        ledger.checkpointNow(tenant);
        return tenant;
    }

    private void append(TenantId tenant, int count) {
        for (int i = 0; i < count; i++) {
            ledger.append(new AuditRecord(tenant, Instant.now(), "user:tester", "test.tamper.action",
                    i % 2 == 0 ? AuditableEvent.Outcome.FAILURE : AuditableEvent.Outcome.SUCCESS, "resource:r-" + i,
                    "10.0.0.1", Map.of("n", i)));
        }
    }
}
