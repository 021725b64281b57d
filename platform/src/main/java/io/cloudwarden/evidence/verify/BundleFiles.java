package io.cloudwarden.evidence.verify;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The files of a bundle or evidence pack, in a directory or a zip of the same paths. A zip whose paths all sit
 * under one top-level folder (what {@code zip -r x.zip folder/} makes) is read as if that folder were the root.
 */
abstract class BundleFiles implements Closeable {

    /** Opens a directory or a zip file; anything else is unreadable. */
    static BundleFiles open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return new Directory(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new UnreadableBundleException(path + " does not exist or is neither a directory nor a file");
        }
        try {
            return new Zip(path, new ZipFile(path.toFile()));
        } catch (ZipException e) {
            throw new UnreadableBundleException(path + " is neither a directory nor a zip file", e);
        }
    }

    /** Whether the file exists. */
    abstract boolean exists(String name);

    /** Opens a file for reading; unreadable when it does not exist. */
    abstract InputStream open(String name) throws IOException;

    /** Reads a whole (small) file. */
    byte[] read(String name) throws IOException {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        }
    }

    private static final class Directory extends BundleFiles {
        private final Path root;

        Directory(Path root) {
            this.root = root;
        }

        @Override
        boolean exists(String name) {
            return Files.isRegularFile(root.resolve(name));
        }

        @Override
        InputStream open(String name) throws IOException {
            if (!exists(name)) {
                throw new UnreadableBundleException(name + " is missing from " + root);
            }
            return Files.newInputStream(root.resolve(name));
        }

        @Override
        public void close() {
        }
    }

    private static final class Zip extends BundleFiles {
        private final Path path;
        private final ZipFile zip;
        private final String base;

        Zip(Path path, ZipFile zip) {
            this.path = path;
            this.zip = zip;
            this.base = commonFolder(zip);
        }

        @Override
        boolean exists(String name) {
            ZipEntry entry = zip.getEntry(base + name);
            return entry != null && !entry.isDirectory();
        }

        @Override
        InputStream open(String name) throws IOException {
            if (!exists(name)) {
                throw new UnreadableBundleException(name + " is missing from " + path);
            }
            return zip.getInputStream(zip.getEntry(base + name));
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }

        /** {@code folder/} when every file is under that one folder, else the empty string. */
        private static String commonFolder(ZipFile zip) {
            String folder = null;
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                int slash = e.getName().indexOf('/');
                String top = slash < 0 ? "" : e.getName().substring(0, slash + 1);
                if (top.isEmpty() || (folder != null && !folder.equals(top))) {
                    return "";
                }
                folder = top;
            }
            return folder == null ? "" : folder;
        }
    }
}
