package io.cloudwarden.cli.bench;

import io.cloudwarden.evidence.log.AuditLedger;
import io.cloudwarden.evidence.log.LogSeeder;
import io.cloudwarden.evidence.log.StoredCheckpoint;
import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.merkle.MerkleProofs;
import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.persistence.DatabaseServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code audit-proofs}: inclusion and consistency proof latency (p50/p99) over a log of {@code --entries}
 * entries (default 10 million, seeded in bulk), for random entries and tree sizes. Every proof is verified
 * (outside the timing). The physical reference, in the same run: one primary-key lookup of a hash tile.
 */
@Component
@Profile("bench")
class AuditProofsBench implements Benchmark {

    private static final long DEFAULT_ENTRIES = 10_000_000L;
    private static final int SAMPLES = 2_000;

    private final AuditLedger ledger;
    private final LogSeeder seeder;
    private final BenchTenant tenant;
    private final DatabaseServer database;
    private final DataSource dataSource;

    AuditProofsBench(AuditLedger ledger, LogSeeder seeder, BenchTenant tenant, DatabaseServer database, DataSource dataSource) {
        this.ledger = ledger;
        this.seeder = seeder;
        this.tenant = tenant;
        this.database = database;
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "audit-proofs";
    }

    @Override
    public String description() {
        return "Inclusion and consistency proof latency p50/p99 over a log of --entries entries vs a tile lookup";
    }

    @Override
    public void run(BenchmarkOptions options, BenchmarkReport report) throws Exception {
        long entries = options.entries() == null ? DEFAULT_ENTRIES : options.entries();
        long seedStart = System.nanoTime();
        StoredCheckpoint checkpoint;
        try (Connection owner = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword())) {
            long[] lastReport = {System.nanoTime()};
            checkpoint = seeder.seed(tenant.tenant(), entries, owner, written -> {
                if (System.nanoTime() - lastReport[0] > 5_000_000_000L || written == entries) {
                    lastReport[0] = System.nanoTime();
                    report.progress(String.format(Locale.ROOT, "seeded %,d of %,d entries", written, entries));
                }
            });
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        long size = checkpoint.treeSize();
        MerkleProofs verifier = new MerkleProofs(MerkleHasher.SHA_256);
        SplittableRandom random = new SplittableRandom(options.seed());

        report.progress("warming up");
        for (int i = 0; i < SAMPLES / 4; i++) {
            ledger.inclusionProof(tenant.tenant(), random.nextLong(size), size);
            ledger.consistencyProof(tenant.tenant(), 1 + random.nextLong(size - 1), size);
        }
        percentiles(SAMPLES / 4, referenceLookup(random, size));
        double[] reference = percentiles(SAMPLES, referenceLookup(random, size));

        List<Long> inclusion = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            long index = random.nextLong(size);
            long start = System.nanoTime();
            var proof = ledger.inclusionProof(tenant.tenant(), index, size);
            inclusion.add(System.nanoTime() - start);
            verifier.verifyInclusion(index, size, proof.leafHash(), proof.proof(), checkpoint.rootHash());
        }
        List<Long> consistency = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            long first = 1 + random.nextLong(size - 1);
            long start = System.nanoTime();
            var proof = ledger.consistencyProof(tenant.tenant(), first, size);
            consistency.add(System.nanoTime() - start);
            byte[] firstRoot = ledger.rootHash(tenant.tenant(), first);
            verifier.verifyConsistency(first, size, proof, firstRoot, checkpoint.rootHash());
        }
        double[] inc = percentiles(inclusion);
        double[] con = percentiles(consistency);
        report.figure("audit-proofs", Map.of("entries", size, "seed_seconds", seedSeconds, "samples", SAMPLES,
                "inclusion_p50_ms", inc[0], "inclusion_p99_ms", inc[1],
                "consistency_p50_ms", con[0], "consistency_p99_ms", con[1],
                "reference_tile_lookup_p50_ms", reference[0], "reference_tile_lookup_p99_ms", reference[1]));
    }

    /** One primary-key lookup of a random level-0 tile through the application's pool, as the ledger reads them. */
    private LongSupplier referenceLookup(SplittableRandom random, long size) {
        return () -> TenantContext.callAs(tenant.tenant(), () -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement(
                         "select hashes from audit_tiles where tenant_id = ? and level = 0 and idx = ?")) {
                ps.setObject(1, tenant.tenant().value());
                ps.setLong(2, random.nextLong(size) >>> 8);
                long start = System.nanoTime();
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    rs.getBytes(1);
                }
                return System.nanoTime() - start;
            }
        });
    }

    private static double[] percentiles(int samples, LongSupplier measure) {
        List<Long> values = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            values.add(measure.getAsLong());
        }
        return percentiles(values);
    }

    private static double[] percentiles(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return new double[] {sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6};
    }
}
