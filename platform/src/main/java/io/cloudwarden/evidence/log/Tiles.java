package io.cloudwarden.evidence.log;

import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.merkle.NodeSource;
import java.util.Arrays;

/**
 * Hash tiles: tile (level L, index N) holds the hashes of the nodes at height {@code 8L} with indices
 * {@code 256N .. 256N + width - 1}. A node at height {@code 8L + s} (s &lt; 8) is recomputed from the 2^s
 * hashes under it in one tile, so a proof reads one tile per eight levels of the tree.
 */
final class Tiles {

    static final int HEIGHT = 8;
    static final int WIDTH = 1 << HEIGHT;
    static final int HASH = MerkleHasher.HASH_BYTES;

    private Tiles() {
    }

    /** Number of stored hashes in a tile. */
    static int width(byte[] tile) {
        return tile == null ? 0 : tile.length / HASH;
    }

    static byte[] hashAt(byte[] tile, int position) {
        return Arrays.copyOfRange(tile, position * HASH, (position + 1) * HASH);
    }

    /** The root of {@code count} (a power of two) consecutive hashes of a tile starting at {@code offset}. */
    static byte[] subtreeRoot(MerkleHasher hasher, byte[] tile, int offset, int count) {
        byte[][] level = new byte[count][];
        for (int i = 0; i < count; i++) {
            level[i] = hashAt(tile, offset + i);
        }
        for (int n = count; n > 1; n /= 2) {
            for (int i = 0; i < n / 2; i++) {
                level[i] = hasher.nodeHash(level[2 * i], level[2 * i + 1]);
            }
        }
        return level[0];
    }

    /** Where tiles come from. */
    @FunctionalInterface
    interface Source {
        /**
         * Tile (level, index) with at least {@code minWidth} hashes if it has them, or whatever is stored
         * ({@code null} for nothing). A longer tile is fine: the hashes of a tile never change, it only grows.
         */
        byte[] tile(int level, long index, int minWidth);
    }

    /** A node source over tiles. */
    static NodeSource nodes(MerkleHasher hasher, Source tiles) {
        return (level, index) -> {
            int tileLevel = level / HEIGHT;
            int sub = level % HEIGHT;
            long first = index << sub;
            int count = 1 << sub;
            int offset = (int) (first & (WIDTH - 1));
            byte[] tile = tiles.tile(tileLevel, first >>> HEIGHT, offset + count);
            if (width(tile) < offset + count) {
                throw new IllegalStateException("the audit log's hash tiles do not cover node " + level + "/" + index);
            }
            return sub == 0 ? hashAt(tile, offset) : subtreeRoot(hasher, tile, offset, count);
        };
    }
}
