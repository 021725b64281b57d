package io.cloudwarden.evidence.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.merkle.MerkleProofs;
import io.cloudwarden.evidence.merkle.MerkleTree;
import io.cloudwarden.evidence.merkle.StoredTreeProofs;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The tiles the ledger stores, extended batch by batch as the writer does, give the same roots and proofs
 * as the O(n) reference implementation of RFC 9162, across tile boundaries of the first three levels.
 */
class TiledTreeTest {

    @ParameterizedTest
    @EnumSource(MerkleHasher.class)
    void tilesExtendedInRandomBatchesMatchTheReferenceTree(MerkleHasher hasher) throws Exception {
        int n = 66_000;   // past 256 * 256, so level-2 tiles exist
        List<byte[]> leaves = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            leaves.add(hasher.leafHash(ByteBuffer.allocate(8).putLong(i).array()));
        }
        MerkleTree reference = new MerkleTree(hasher, i -> leaves.get((int) i));
        Map<String, byte[]> stored = new HashMap<>();
        Random random = new Random(7);
        List<Long> sizes = new ArrayList<>();
        long size = 0;
        while (size < n) {
            int batch = (int) Math.min(n - size, 1 + random.nextInt(random.nextBoolean() ? 5 : 700));
            TileAppender appender = new TileAppender(hasher, (level, index) -> stored.get(level + "/" + index));
            for (int i = 0; i < batch; i++) {
                appender.addLeaf(size + i, leaves.get((int) (size + i)));
            }
            appender.changed().forEach(t -> stored.put(t.level() + "/" + t.index(), t.hashes()));
            size += batch;
            sizes.add(size);
            byte[] root = new StoredTreeProofs(hasher, appender.nodes()).rootHash(size);
            if (sizes.size() % 25 == 0 || size == n) {
                assertThat(root).isEqualTo(reference.rootHash(size));
            }
        }
        assertThat(stored).containsKey("2/0");

        StoredTreeProofs proofs = new StoredTreeProofs(hasher, Tiles.nodes(hasher, (level, index, minWidth) -> stored.get(level + "/" + index)));
        MerkleProofs verifier = new MerkleProofs(hasher);
        long[] checkSizes = {1, 2, 255, 256, 257, 511, 512, 65_535, 65_536, 65_537, n};
        for (long s : checkSizes) {
            byte[] root = reference.rootHash(s);
            assertThat(proofs.rootHash(s)).isEqualTo(root);
            for (long index : new long[] {0, s / 3, s / 2, s - 1}) {
                List<byte[]> proof = proofs.inclusionProof(index, s);
                assertThat(proof).usingElementComparator(TiledTreeTest::compare).containsExactlyElementsOf(reference.inclusionProof(index, s));
                verifier.verifyInclusion(index, s, leaves.get((int) index), proof, root);
            }
            for (long first : new long[] {1, s / 2, s - 1, s}) {
                if (first < 1) {
                    continue;
                }
                List<byte[]> proof = proofs.consistencyProof(first, s);
                assertThat(proof).usingElementComparator(TiledTreeTest::compare)
                        .containsExactlyElementsOf(reference.consistencyProof(first, s));
                verifier.verifyConsistency(first, s, proof, reference.rootHash(first), root);
            }
        }
        assertThat(proofs.rootHash(0)).isEqualTo(hasher.emptyRoot());
    }

    @ParameterizedTest
    @EnumSource(MerkleHasher.class)
    void aTileThatDoesNotContinueTheTreeIsRefused(MerkleHasher hasher) {
        Map<String, byte[]> stored = new HashMap<>();
        stored.put("0/0", new byte[3 * Tiles.HASH]);
        TileAppender appender = new TileAppender(hasher, (level, index) -> stored.get(level + "/" + index));
        assertThatThrownBy(() -> appender.addLeaf(5, new byte[32]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds 3 hashes where 5 were expected");
        StoredTreeProofs proofs = new StoredTreeProofs(hasher, Tiles.nodes(hasher, (level, index, minWidth) -> stored.get(level + "/" + index)));
        assertThatThrownBy(() -> proofs.rootHash(9)).isInstanceOf(IllegalStateException.class);
    }

    private static int compare(byte[] a, byte[] b) {
        return java.util.Arrays.compare(a, b);
    }
}
