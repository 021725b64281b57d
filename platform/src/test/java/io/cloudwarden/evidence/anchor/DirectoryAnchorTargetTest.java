package io.cloudwarden.evidence.anchor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectoryAnchorTargetTest {

    @TempDir
    Path dir;

    @Test
    void writesTheNoteUnderTheSafeOriginWithAPaddedSizeAndLeavesNoTemporaryFile() throws Exception {
        TestLog log = new TestLog().append(7);
        DirectoryAnchorTarget target = new DirectoryAnchorTarget(dir);

        AnchorReceipt receipt = target.publish(log.checkpoint());

        Path file = dir.resolve(AnchorFiles.safeName(log.origin)).resolve("00000000000000000007.note");
        assertThat(receipt.location()).isEqualTo(file.toString());
        assertThat(receipt.target()).isEqualTo("directory:" + dir.toAbsolutePath().normalize());
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(log.checkpoint().note());
        assertThat(file.getParent().getFileName().toString()).doesNotContain("/").startsWith("test.cloudwarden%2Faudit%2F");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".lock")))
                    .containsExactly("00000000000000000007.note");
        }
    }

    @Test
    void publishingTheSameNoteAgainChangesNothing() throws Exception {
        TestLog log = new TestLog().append(3);
        DirectoryAnchorTarget target = new DirectoryAnchorTarget(dir);
        target.publish(log.checkpoint());
        Path file = target.fileFor(log.origin, 3);
        FileTime written = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        Files.setLastModifiedTime(file, written);

        AnchorReceipt again = target.publish(log.checkpoint());

        assertThat(again.location()).isEqualTo(file.toString());
        assertThat(again.anchoredAt()).isEqualTo(written.toInstant());
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);
        assertThat(Files.readString(file)).isEqualTo(log.checkpoint().note());
    }

    @Test
    void refusesADifferentNoteForASizeAlreadyAnchored() throws Exception {
        TestLog log = new TestLog().append(5);
        DirectoryAnchorTarget target = new DirectoryAnchorTarget(dir);
        target.publish(log.checkpoint());

        LogCheckpoint rewritten = log.rewrittenAt(2).checkpoint();
        assertThatThrownBy(() -> target.publish(rewritten))
                .isInstanceOf(AnchorException.class)
                .hasMessageContaining("already holds a different checkpoint")
                .hasMessageContaining("size 5");
        assertThat(Files.readString(target.fileFor(log.origin, 5))).isEqualTo(log.checkpoint().note());
    }

    @Test
    void latestIsTheLargestSizeNotTheLastWritten() {
        TestLog log = new TestLog().append(12);
        DirectoryAnchorTarget target = new DirectoryAnchorTarget(dir);
        assertThat(target.latest(log.origin)).isEmpty();

        for (long size : List.of(3L, 12L, 9L)) {
            target.publish(log.checkpointAt(size));
        }

        assertThat(target.latest(log.origin)).contains(log.checkpointAt(12).note());
        assertThat(target.latest(new TestLog().origin)).isEmpty();
    }

    @Test
    void originsMapToDistinctSafeNames() {
        assertThat(AnchorFiles.safeName("a/b")).isEqualTo("a%2Fb");
        assertThat(AnchorFiles.safeName("a%2Fb")).isEqualTo("a%252Fb");
        assertThat(AnchorFiles.safeName("..")).isEqualTo("%2E.");
        assertThat(AnchorFiles.safeName("log.example_1-x")).isEqualTo("log.example_1-x");
        assertThat(AnchorFiles.safeName("é")).isEqualTo("%C3%A9");
    }
}
