package io.cloudwarden.cli.bench;

import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.note.Checkpoint;
import io.cloudwarden.evidence.note.NoteSigner;
import io.cloudwarden.evidence.note.SignedNote;
import io.cloudwarden.evidence.verify.BundleWriter;
import io.cloudwarden.evidence.verify.CompactRange;
import io.cloudwarden.evidence.verify.LogVerifier;
import io.cloudwarden.evidence.verify.VerificationReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code audit-verify}: offline verification ({@link LogVerifier}) of a generated bundle of {@code --entries} canonical
 * entries of about 300 bytes, with stored leaf hashes and a signed checkpoint every 1,000 entries and at the end,
 * against the physical reference: reading the same {@code entries.jsonl} and computing only the SHA-256 leaf hashes
 * and the root with the simplest loop. Needs no application or database, so it runs without starting either; the
 * bundle lives in a temporary directory deleted afterwards.
 */
public final class AuditVerifyBench implements Benchmark {

    static final int CHECKPOINT_INTERVAL = 1_000;
    private static final String[] ACTIONS = {"inventory.resource.changed", "inventory.resource.created",
            "identity.login.succeeded", "accounts.sync.completed", "inventory.resource.deleted"};
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String[] ACTORS = {"system", "system", "system", "connector:aws", "user:6f1c2a9e"};

    /** Entries generated without {@code --entries}. */
    public static final int DEFAULT_ENTRIES = 1_000_000;

    @Override
    public String name() {
        return "audit-verify";
    }

    @Override
    public String description() {
        return "Offline verification of a bundle of --entries audit entries vs reading and hashing the same bytes";
    }

    @Override
    public void run(BenchmarkOptions options, BenchmarkReport report) throws Exception {
        if (options.entries() != null && options.entries() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("audit-verify generates at most " + Integer.MAX_VALUE + " entries");
        }
        int entries = options.entries() == null ? DEFAULT_ENTRIES : options.entries().intValue();
        Path dir = Files.createTempDirectory("cloudwarden-audit-verify");
        try {
            Path bundle = dir.resolve("bundle");
            long start = System.nanoTime();
            Generated generated = generate(bundle, entries, options.seed());
            int checkpoints = generated.checkpoints();
            long bytes = Files.size(bundle.resolve("entries.jsonl"));
            report.progress(String.format(Locale.ROOT, "generated %,d entries (%,d MB) and %,d checkpoints in %.1f s",
                    entries, bytes >> 20, checkpoints, seconds(start)));
            List<Double> verify = new ArrayList<>();
            List<Double> reference = new ArrayList<>();
            for (int i = 1; i <= options.iterations(); i++) {
                long t = System.nanoTime();
                VerificationReport result = new LogVerifier().verify(bundle);
                verify.add(seconds(t));
                if (!result.ok() || result.entriesChecked() != entries) {
                    throw new IllegalStateException("the generated bundle did not verify: " + result.problems());
                }
                t = System.nanoTime();
                byte[] root = referenceRoot(bundle.resolve("entries.jsonl"));
                reference.add(seconds(t));
                if (!Arrays.equals(root, generated.root())) {
                    throw new IllegalStateException("the reference loop computed another root than the log's");
                }
                report.progress(String.format(Locale.ROOT, "run %d/%d: verify %.2f s, reference %.2f s",
                        i, options.iterations(), verify.get(i - 1), reference.get(i - 1)));
            }
            double verifySeconds = median(verify);
            double referenceSeconds = median(reference);
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("entries", entries);
            figure.put("bytes", bytes);
            figure.put("checkpoints", checkpoints);
            figure.put("runs", options.iterations());
            figure.put("verify_s_median", verifySeconds);
            figure.put("verify_entries_per_s", Math.round(entries / verifySeconds));
            figure.put("reference_hash_only_s_median", referenceSeconds);
            figure.put("reference_entries_per_s", Math.round(entries / referenceSeconds));
            figure.put("verify_over_reference_ratio", verifySeconds / referenceSeconds);
            report.figure("audit-verify", figure);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** What was generated: the number of checkpoints and the root of the whole log. */
    private record Generated(int checkpoints, byte[] root) {
    }

    /** Writes the bundle. */
    private static Generated generate(Path bundle, int entries, long seed) throws IOException {
        Random random = new Random(seed);
        String tenant = new UUID(random.nextLong(), random.nextLong()).toString();
        String origin = "cloudwarden.bench/audit/" + tenant;
        NoteSigner signer = NoteSigner.generate(origin);
        MerkleHasher hasher = MerkleHasher.SHA_256;
        CompactRange tree = new CompactRange(hasher);
        List<String> checkpoints = new ArrayList<>();
        long epochMillis = 1_795_000_000_000L;
        try (BundleWriter writer = BundleWriter.open(bundle, BundleWriter.Format.DIRECTORY, origin, hasher, tenant, 0, List.of())) {
            StringBuilder entry = new StringBuilder(400);
            for (int i = 0; i < entries; i++) {
                epochMillis += random.nextInt(2_000);
                entry.setLength(0);
                entry.append("{\"action\":\"").append(ACTIONS[random.nextInt(ACTIONS.length)])
                        .append("\",\"actor\":\"").append(ACTORS[random.nextInt(ACTORS.length)])
                        .append("\",\"details\":{\"change\":\"tags\",\"region\":\"eu-west-1\"},\"index\":").append(i)
                        .append(",\"outcome\":\"success\",\"target\":\"resource:i-")
                        .append(String.format(Locale.ROOT, "%017x", random.nextLong() & 0xfffffffffffffL))
                        .append("\",\"tenant\":\"").append(tenant)
                        .append("\",\"timestamp\":\"").append(TIMESTAMP.format(Instant.ofEpochMilli(epochMillis))).append("\"}");
                byte[] bytes = entry.toString().getBytes(StandardCharsets.UTF_8);
                byte[] leaf = hasher.leafHash(bytes);
                writer.entry(bytes, leaf);
                tree.append(leaf);
                if ((i + 1) % CHECKPOINT_INTERVAL == 0 || i + 1 == entries) {
                    checkpoints.add(SignedNote.sign(new Checkpoint(origin, tree.size(), tree.root()).text(), signer));
                }
            }
            writer.checkpoints(checkpoints);
            writer.keys(List.of(signer.verifier().encoded()));
        }
        return new Generated(checkpoints.size(), tree.root());
    }

    /**
     * The physical reference: SHA-256 leaf hashes of the lines of {@code entries} and their RFC 9162 root, with a
     * plain stack of subtree hashes; no parsing, no signatures, no checks.
     */
    static byte[] referenceRoot(Path entries) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[][] stack = new byte[64][];
        int depth = 0;
        long size = 0;
        byte[] buf = new byte[1 << 20];
        boolean inLine = false;
        try (InputStream in = Files.newInputStream(entries)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] != '\n') {
                        continue;
                    }
                    if (!inLine) {
                        sha.update((byte) 0);
                    }
                    sha.update(buf, from, i - from);
                    inLine = false;
                    from = i + 1;
                    byte[] node = sha.digest();
                    for (long s = size; (s & 1) == 1; s >>>= 1) {
                        sha.update((byte) 1);
                        sha.update(stack[--depth]);
                        sha.update(node);
                        node = sha.digest();
                    }
                    stack[depth++] = node;
                    size++;
                }
                if (from < n) {
                    if (!inLine) {
                        sha.update((byte) 0);
                        inLine = true;
                    }
                    sha.update(buf, from, n - from);
                }
            }
        }
        if (depth == 0) {
            return sha.digest();
        }
        byte[] root = stack[depth - 1];
        for (int i = depth - 2; i >= 0; i--) {
            sha.update((byte) 1);
            sha.update(stack[i]);
            sha.update(root);
            root = sha.digest();
        }
        return root;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
