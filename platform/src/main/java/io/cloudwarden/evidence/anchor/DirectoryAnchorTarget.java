package io.cloudwarden.evidence.anchor;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Anchors into a directory, typically on another disk, a mounted remote file system or a WORM volume:
 * {@code <dir>/<origin, file-name safe>/<size, 20 digits>.note}. Each file is written atomically and durably
 * (temporary file, fsync, atomic rename, directory fsync) and never replaced: publishing the same note again
 * is a no-op, a different note for an existing size is refused. Writers in several processes serialise on a
 * lock file in the origin's directory.
 */
public final class DirectoryAnchorTarget implements AnchorTarget {

    private static final Pattern NOTE_FILE = Pattern.compile("(\\d{20})\\.note");
    private static final String LOCK_FILE = ".lock";

    private final Path root;
    private final Clock clock;

    public DirectoryAnchorTarget(Path root) {
        this(root, Clock.systemUTC());
    }

    DirectoryAnchorTarget(Path root, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.clock = clock;
    }

    @Override
    public String id() {
        return "directory:" + root;
    }

    /** The file that holds (or would hold) the checkpoint of {@code origin} at {@code size}. */
    public Path fileFor(String origin, long size) {
        return root.resolve(AnchorFiles.safeName(origin)).resolve(AnchorFiles.paddedSize(size) + ".note");
    }

    @Override
    public synchronized AnchorReceipt publish(LogCheckpoint checkpoint) {
        Path file = fileFor(checkpoint.origin(), checkpoint.size());
        byte[] content = checkpoint.note().getBytes(StandardCharsets.UTF_8);
        try {
            boolean created = Files.notExists(root);
            Files.createDirectories(file.getParent());
            if (created) {
                AnchorFiles.fsyncDirectory(root.getParent() == null ? root : root.getParent());
            }
            AnchorFiles.fsyncDirectory(root);
            try (FileChannel lockChannel = FileChannel.open(file.getParent().resolve(LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockChannel.lock()) {
                if (Files.exists(file)) {
                    if (!Arrays.equals(Files.readAllBytes(file), content)) {
                        throw new AnchorException(id() + " already holds a different checkpoint of " + checkpoint.origin()
                                + " at size " + checkpoint.size() + " (" + file + "): the log was rewritten");
                    }
                    return new AnchorReceipt(id(), file.toString(), Files.getLastModifiedTime(file).toInstant(), null);
                }
                AnchorFiles.writeAtomically(file, content);
            }
            return new AnchorReceipt(id(), file.toString(), Instant.now(clock), null);
        } catch (IOException e) {
            throw new AnchorException("could not write " + file + ": " + e, e);
        }
    }

    @Override
    public Optional<String> latest(String origin) {
        Path dir = root.resolve(AnchorFiles.safeName(origin));
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            Optional<Path> newest = files.filter(p -> NOTE_FILE.matcher(p.getFileName().toString()).matches())
                    .max((a, b) -> Long.compare(sizeOf(a), sizeOf(b)));
            if (newest.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(newest.get(), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new AnchorException("could not read " + dir + ": " + e, e);
        }
    }

    private static long sizeOf(Path file) {
        Matcher m = NOTE_FILE.matcher(file.getFileName().toString());
        try {
            return m.matches() ? Long.parseLong(m.group(1)) : -1;
        } catch (NumberFormatException e) {
            return -1; // 20 digits beyond 2^63: no checkpoint of ours
        }
    }

    @Override
    public String toString() {
        return id();
    }
}
