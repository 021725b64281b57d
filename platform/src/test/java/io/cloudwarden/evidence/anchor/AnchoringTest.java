package io.cloudwarden.evidence.anchor;

import io.cloudwarden.evidence.note.NoteSigner;
import io.cloudwarden.shared.TenantContext;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The anchoring job over two tenants' real logs, a directory, a real witness over HTTP and a failing target. */
class AnchoringTest {

    @TempDir
    Path dir;

    final InMemoryAnchorStore store = new InMemoryAnchorStore();
    final TestFeed feed = new TestFeed();

    /** A target that fails every publication. */
    static final class FailingTarget implements AnchorTarget {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String id() {
            return "failing:";
        }

        @Override
        public AnchorReceipt publish(LogCheckpoint checkpoint) {
            calls.incrementAndGet();
            throw new AnchorException("the target is down");
        }

        @Override
        public Optional<String> latest(String origin) {
            return Optional.empty();
        }
    }

    @Test
    void publishesNewCheckpointsEverywhereRecordsEveryAttemptAndSkipsWhatIsAnchored() throws Exception {
        TestLog a = new TestLog().append(4);
        TestLog b = new TestLog().append(9);
        feed.put(a).put(b);
        NoteSigner witnessKey = NoteSigner.generate("witness.test/w2");
        Witness witness = Witness.inMemory(witnessKey, Map.of(a.origin, List.of(a.signer.verifier()),
                b.origin, List.of(b.signer.verifier())));
        try (WitnessServer server = WitnessServer.start(witness, new InetSocketAddress("127.0.0.1", 0), "")) {
            FailingTarget failing = new FailingTarget();
            DirectoryAnchorTarget directory = new DirectoryAnchorTarget(dir);
            WitnessAnchorTarget witnessTarget = new WitnessAnchorTarget(server.url(), CosignerKey.of(witnessKey),
                    (cp, oldSize, newSize) -> feed.consistencyProof(cp.tenant(), oldSize, newSize), store, Duration.ofSeconds(5));
            Anchoring anchoring = new Anchoring(List.of(failing, directory, witnessTarget), store, () -> Optional.of(feed),
                    Clock.systemUTC(), true);

            List<AnchorRecord> first = anchoring.anchorAll();

            assertThat(first).hasSize(6);
            assertThat(first).filteredOn(r -> r.target().equals("failing:"))
                    .allSatisfy(r -> {
                        assertThat(r.status()).isEqualTo(AnchorRecord.Status.FAILED);
                        assertThat(r.error()).isEqualTo("the target is down");
                    });
            assertThat(first).filteredOn(r -> !r.target().equals("failing:"))
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo(AnchorRecord.Status.ANCHORED));
            assertThat(first).filteredOn(r -> r.target().equals(witnessTarget.id()))
                    .allSatisfy(r -> assertThat(r.cosignature()).startsWith("\u2014 witness.test/w2 "));
            assertThat(directory.latest(a.origin)).contains(a.checkpoint().note());
            assertThat(witness.latest(b.origin)).contains(b.checkpoint().note());
            assertThat(TenantContext.callAs(a.tenant, () -> store.lastAnchored(directory.id(), a.origin)))
                    .map(AnchorRecord::treeSize).contains(4L);

            // nothing new: only the failing target is retried
            List<AnchorRecord> second = anchoring.anchorAll();
            assertThat(second).extracting(AnchorRecord::target).containsExactly("failing:", "failing:");
            assertThat(failing.calls).hasValue(4);

            // tenant a's log grows: its checkpoint goes everywhere again, with a consistency proof to the witness
            a.append(6);
            List<AnchorRecord> third = anchoring.anchorAll();
            List<String> anchored = new ArrayList<>();
            third.stream().filter(r -> r.status() == AnchorRecord.Status.ANCHORED).forEach(r -> anchored.add(r.target()));
            assertThat(anchored).containsExactly(directory.id(), witnessTarget.id());
            assertThat(witness.latest(a.origin)).contains(a.checkpointAt(10).note());
            assertThat(store.rows()).hasSize(6 + 2 + 4);
        }
    }

    @Test
    void aLogSmallerThanWhatWasAnchoredIsRecordedAsAFailureAndNotPublished() {
        TestLog log = new TestLog().append(8);
        feed.put(log);
        DirectoryAnchorTarget directory = new DirectoryAnchorTarget(dir);
        Anchoring anchoring = new Anchoring(List.of(directory), store, () -> Optional.of(feed), Clock.systemUTC(), true);
        anchoring.anchorAll();

        feed.put(log.truncatedTo(5));
        List<AnchorRecord> attempts = anchoring.anchorAll();

        assertThat(attempts).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(AnchorRecord.Status.FAILED);
            assertThat(r.error()).contains("at size 8, beyond the log's latest checkpoint of size 5");
        });
        assertThat(directory.fileFor(log.origin, 5)).doesNotExist();
    }

    @Test
    void withoutALogThereIsNothingToDo() {
        Anchoring anchoring = new Anchoring(List.of(new DirectoryAnchorTarget(dir)), store, Optional::empty, Clock.systemUTC(), true);
        assertThat(anchoring.anchorAll()).isEmpty();
        assertThat(store.rows()).isEmpty();
    }
}
