package io.cloudwarden.accounts;

import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import io.cloudwarden.testsupport.TestAccounts;
import io.cloudwarden.testsupport.TestDatabase;
import io.cloudwarden.testsupport.TestDatabaseInitializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Module test of accounts (with the modules it depends on, and evidence, which provides the retention settings
 * identity's tenant settings read through the shared kernel) on embedded PostgreSQL: however many nodes race for a
 * due account, exactly one leases it, and an expired lease can be taken over.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "evidence")
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@TestPropertySource(properties = "cloudwarden.accounts.scheduler-enabled=false")
class SyncLeaseModuleTest {

    @Autowired
    AccountManagement accounts;
    @Value("${cloudwarden.db.url}")
    String dbUrl;

    @Test
    void exactlyOneOfManyRacingNodesLeasesADueAccount() throws Exception {
        JdbcTemplate owner = TestDatabase.owner(dbUrl);
        TenantId tenant = TenantId.random();
        owner.update("insert into tenants (id, name, kind) values (?, 'Lease test', 'CUSTOMER')", tenant.value());
        UUID id = TenantContext.callAs(tenant, () -> accounts.register(new AccountCommand("lease", "simulator",
                Map.of("provider", "aws", "accountId", "123412341234", "accessSecret", TestAccounts.SECRET), true, null))).id();

        int nodes = 8;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<UUID>>> claims = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            String node = "node-" + n;
            claims.add(pool.submit((Callable<List<UUID>>) () -> {
                start.await();
                return claim(owner, node);
            }));
        }
        start.countDown();
        int winners = 0;
        for (Future<List<UUID>> f : claims) {
            winners += f.get().contains(id) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(winners).isEqualTo(1);
        assertThat(claim(owner, "late-node")).doesNotContain(id);

        owner.update("update cloud_accounts set lease_until = now() - interval '1 second' where id = ?", id);
        assertThat(claim(owner, "takeover-node")).containsExactly(id);
        assertThat(owner.queryForObject("select lease_owner from cloud_accounts where id = ?", String.class, id))
                .isEqualTo("takeover-node");
    }

    @Test
    void disabledAndNotYetDueAccountsAreNotLeased() {
        JdbcTemplate owner = TestDatabase.owner(dbUrl);
        TenantId tenant = TenantId.random();
        owner.update("insert into tenants (id, name, kind) values (?, 'Lease test 2', 'CUSTOMER')", tenant.value());
        UUID disabled = TenantContext.callAs(tenant, () -> accounts.register(new AccountCommand("off", "simulator",
                Map.of("provider", "gcp", "accountId", "lease-project", "accessSecret", TestAccounts.SECRET), false, null))).id();
        UUID later = TenantContext.callAs(tenant, () -> accounts.register(new AccountCommand("later", "simulator",
                Map.of("provider", "gcp", "accountId", "lease-project-2", "accessSecret", TestAccounts.SECRET), true, null))).id();
        owner.update("update cloud_accounts set next_sync_at = now() + interval '1 hour' where id = ?", later);
        assertThat(claim(owner, "node")).doesNotContain(disabled, later);
    }

    /** What SyncScheduler runs; called through the owner connection here only to race it from many threads. */
    private static List<UUID> claim(JdbcTemplate db, String node) {
        return db.queryForList("select account_id from cw_claim_due_accounts(?, 10, 600)", UUID.class, node);
    }
}
