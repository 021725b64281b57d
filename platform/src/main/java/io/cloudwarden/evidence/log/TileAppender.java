package io.cloudwarden.evidence.log;

import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.merkle.NodeSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Extends the hash tiles of a log by a run of leaf hashes, in memory: the right-edge tile of each level is
 * loaded once (through {@code load}), extended, and handed back by {@link #changed()} for storing. When a
 * tile fills up, the root of its 256 hashes becomes the next hash of the tile one level up.
 */
final class TileAppender {

    /** A changed tile. */
    record Tile(int level, long index, byte[] hashes) {
    }

    private final MerkleHasher hasher;
    private final BiFunction<Integer, Long, byte[]> load;
    private final Map<Long, Tile> edge = new LinkedHashMap<>();

    TileAppender(MerkleHasher hasher, BiFunction<Integer, Long, byte[]> load) {
        this.hasher = hasher;
        this.load = load;
    }

    /** Adds the leaf hash of entry {@code index}; entries must come in order, continuing the stored tree. */
    void addLeaf(long index, byte[] leafHash) {
        add(0, index, leafHash);
    }

    /** The tiles this appender changed. */
    Iterable<Tile> changed() {
        return edge.values();
    }

    /** Nodes of the extended tree: changed tiles first, then stored ones. */
    NodeSource nodes() {
        return Tiles.nodes(hasher, (level, index, minWidth) -> {
            Tile tile = edge.get(key(level, index));
            return tile != null ? tile.hashes() : load.apply(level, index);
        });
    }

    private void add(int level, long index, byte[] hash) {
        long tileIndex = index >>> Tiles.HEIGHT;
        int position = (int) (index & (Tiles.WIDTH - 1));
        long key = key(level, tileIndex);
        Tile current = edge.get(key);
        byte[] tile = current != null ? current.hashes() : position == 0 ? new byte[0] : load.apply(level, tileIndex);
        if (Tiles.width(tile) != position) {
            throw new IllegalStateException("the audit log's hash tile " + level + "/" + tileIndex + " holds "
                    + Tiles.width(tile) + " hashes where " + position + " were expected");
        }
        byte[] extended = new byte[tile.length + Tiles.HASH];
        System.arraycopy(tile, 0, extended, 0, tile.length);
        System.arraycopy(hash, 0, extended, tile.length, Tiles.HASH);
        edge.put(key, new Tile(level, tileIndex, extended));
        if (position == Tiles.WIDTH - 1) {
            add(level + 1, tileIndex, Tiles.subtreeRoot(hasher, extended, 0, Tiles.WIDTH));
        }
    }

    private static long key(int level, long tileIndex) {
        return ((long) level << 56) | tileIndex;
    }
}
