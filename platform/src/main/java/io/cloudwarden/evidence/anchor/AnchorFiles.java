package io.cloudwarden.evidence.anchor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** File plumbing shared by the directory target and the witness's state: safe names and durable atomic writes. */
final class AnchorFiles {

    private AnchorFiles() {
    }

    /**
     * A file-name form of {@code origin} that is injective and safe on every file system: letters, digits,
     * {@code -}, {@code _} and (not first) {@code .} stay, every other UTF-8 byte becomes {@code %XX}. So
     * {@code log.example/audit/1} becomes {@code log.example%2Faudit%2F1}, and no origin maps to {@code ..}.
     */
    static String safeName(String origin) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = origin.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean plain = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                    || b == '-' || b == '_' || (b == '.' && i > 0);
            if (plain) {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** The tree size as a fixed-width decimal, so that names sort like sizes. */
    static String paddedSize(long size) {
        return String.format("%020d", size);
    }

    /**
     * Writes {@code content} to {@code target} durably and atomically: a temporary file in the same
     * directory, written and fsynced, moved into place in one step, then the directory fsynced so that the
     * new name survives a crash. Readers see the old file or the new one, never a part. Replaces an existing
     * {@code target}; callers that must not replace check (under a lock) first.
     */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(".tmp-" + UUID.randomUUID());
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + dir + " cannot rename atomically", e);
            }
            fsyncDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Makes a directory's entries durable; a no-op where the platform cannot open directories (Windows). */
    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            if (System.getProperty("os.name", "").startsWith("Windows")) {
                return;
            }
            throw e;
        }
    }
}
