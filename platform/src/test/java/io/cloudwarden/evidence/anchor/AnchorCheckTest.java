package io.cloudwarden.evidence.anchor;

import io.cloudwarden.evidence.note.NoteSigner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Anchors real checkpoints into a directory, then changes the local log and checks what AnchorCheck says. */
class AnchorCheckTest {

    @TempDir
    Path dir;

    final InMemoryAnchorStore store = new InMemoryAnchorStore();
    final TestFeed feed = new TestFeed();

    AnchorStatus checkOne(TestLog log, AnchorTarget target) {
        List<AnchorStatus> statuses = new AnchorCheck(List.of(target), store, () -> Optional.of(feed)).check(log.tenant);
        assertThat(statuses).hasSize(1);
        return statuses.get(0);
    }

    /** Anchors {@code log}'s current checkpoint through Anchoring, so the store records it too. */
    DirectoryAnchorTarget anchored(TestLog log) {
        DirectoryAnchorTarget target = new DirectoryAnchorTarget(dir);
        feed.put(log);
        new Anchoring(List.of(target), store, () -> Optional.of(feed), Clock.systemUTC(), true).anchorAll();
        return target;
    }

    @Test
    void aLogThatExtendsTheAnchoredCheckpointIsOk() {
        TestLog log = new TestLog().append(10);
        DirectoryAnchorTarget target = anchored(log);
        log.append(5);

        AnchorStatus status = checkOne(log, target);

        assertThat(status.status()).isEqualTo(AnchorStatus.Status.OK);
        assertThat(status.anchoredSize()).isEqualTo(10);
        assertThat(status.localSize()).isEqualTo(15);
        assertThat(status.anchoredAt()).isNotNull();
        assertThat(status.target()).isEqualTo(target.id());
    }

    @Test
    void aLocalLogShorterThanTheAnchoredOneIsARollback() {
        TestLog log = new TestLog().append(10);
        DirectoryAnchorTarget target = anchored(log);
        feed.put(log.truncatedTo(7));

        AnchorStatus status = checkOne(log, target);

        assertThat(status.status()).isEqualTo(AnchorStatus.Status.ROLLBACK_DETECTED);
        assertThat(status.anchoredSize()).isEqualTo(10);
        assertThat(status.localSize()).isEqualTo(7);
        assertThat(status.message()).contains("size 10").contains("only 7 entries").contains("rolled back");
    }

    @Test
    void aRewrittenLogOfTheSameSizeIsAMismatch() {
        TestLog log = new TestLog().append(10);
        DirectoryAnchorTarget target = anchored(log);
        feed.put(log.rewrittenAt(4));

        AnchorStatus status = checkOne(log, target);

        assertThat(status.status()).isEqualTo(AnchorStatus.Status.MISMATCH);
        assertThat(status.localSize()).isEqualTo(10);
        assertThat(status.message()).contains("at size 10 the local root is").contains("rewritten");
    }

    @Test
    void aRewriteBelowTheAnchoredSizeIsAMismatchEvenWhenTheLogGrewSince() {
        TestLog log = new TestLog().append(10);
        DirectoryAnchorTarget target = anchored(log);
        feed.put(log.rewrittenAt(9).append(20));

        assertThat(checkOne(log, target).status()).isEqualTo(AnchorStatus.Status.MISMATCH);
    }

    @Test
    void anAnchoredNoteNotSignedByTheLogIsAMismatch() {
        TestLog log = new TestLog().append(10);
        DirectoryAnchorTarget target = new DirectoryAnchorTarget(dir);
        feed.put(log);
        target.publish(log.checkpointAt(10, NoteSigner.generate(log.origin)));

        AnchorStatus status = checkOne(log, target);

        assertThat(status.status()).isEqualTo(AnchorStatus.Status.MISMATCH);
        assertThat(status.message()).contains("not signed by the log's keys");
    }

    @Test
    void nothingAnchoredAndAnUnreadableTargetAreReportedWhileOtherTargetsAreStillChecked() {
        TestLog log = new TestLog().append(3);
        DirectoryAnchorTarget good = anchored(log);
        AnchorTarget broken = new AnchorTarget() {
            @Override
            public String id() {
                return "broken:";
            }

            @Override
            public AnchorReceipt publish(LogCheckpoint checkpoint) {
                throw new AnchorException("unreachable");
            }

            @Override
            public Optional<String> latest(String origin) {
                throw new AnchorException("unreachable");
            }
        };
        DirectoryAnchorTarget empty = new DirectoryAnchorTarget(dir.resolve("empty"));

        List<AnchorStatus> statuses = new AnchorCheck(List.of(broken, empty, good), store, () -> Optional.of(feed)).check(log.tenant);

        assertThat(statuses).extracting(AnchorStatus::status).containsExactly(AnchorStatus.Status.UNAVAILABLE,
                AnchorStatus.Status.NOT_ANCHORED, AnchorStatus.Status.OK);
        assertThat(statuses.get(0).message()).contains("unreachable");
    }
}
