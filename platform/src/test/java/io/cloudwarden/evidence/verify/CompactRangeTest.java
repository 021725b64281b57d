package io.cloudwarden.evidence.verify;

import io.cloudwarden.evidence.merkle.MerkleHasher;
import io.cloudwarden.evidence.merkle.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CompactRange against the O(n) reference MerkleTree. */
class CompactRangeTest {

    private static List<byte[]> leaves(MerkleHasher hasher, int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(hasher.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    @ParameterizedTest
    @EnumSource(MerkleHasher.class)
    void rootsEqualTheReferenceForSizes0To300(MerkleHasher hasher) {
        List<byte[]> leaves = leaves(hasher, 300);
        MerkleTree reference = new MerkleTree(hasher, i -> leaves.get((int) i));
        CompactRange range = new CompactRange(hasher);
        assertThat(range.root()).isEqualTo(hasher.emptyRoot());
        for (int size = 1; size <= 300; size++) {
            range.append(leaves.get(size - 1));
            assertThat(range.size()).isEqualTo(size);
            assertThat(range.root()).as("size %d", size).isEqualTo(reference.rootHash(size));
            assertThat(range.hashes()).hasSize(Long.bitCount(size));
        }
    }

    @ParameterizedTest
    @EnumSource(MerkleHasher.class)
    void startingFromARandomPrefixGivesTheSameRootsAndRanges(MerkleHasher hasher) {
        List<byte[]> leaves = leaves(hasher, 600);
        MerkleTree reference = new MerkleTree(hasher, i -> leaves.get((int) i));
        CompactRange full = new CompactRange(hasher);
        List<List<byte[]>> rangeAt = new ArrayList<>();
        rangeAt.add(full.hashes());
        for (byte[] leaf : leaves) {
            full.append(leaf);
            rangeAt.add(full.hashes());
        }
        Random random = new Random(7);
        for (int trial = 0; trial < 40; trial++) {
            int first = random.nextInt(301);
            CompactRange range = CompactRange.of(hasher, first, rangeAt.get(first));
            assertThat(range.root()).isEqualTo(reference.rootHash(first));
            int end = first + random.nextInt(300);
            for (int size = first + 1; size <= end; size++) {
                range.append(leaves.get(size - 1));
                assertThat(range.root()).as("prefix %d, size %d", first, size).isEqualTo(reference.rootHash(size));
            }
            assertThat(range.hashes()).usingElementComparator(CompactRangeTest::compare).containsExactlyElementsOf(rangeAt.get(end));
        }
    }

    @Test
    void prefixHashesAreTheReferenceSubtreeRoots() {
        TestLog log = TestLog.create(MerkleHasher.SHA_256, 77);
        CompactRange range = new CompactRange(MerkleHasher.SHA_256);
        log.leaves.forEach(range::append);
        assertThat(range.hashes()).usingElementComparator(CompactRangeTest::compare).containsExactlyElementsOf(log.prefix(77));
    }

    @Test
    void aPrefixMustFitItsSize() {
        byte[] hash = new byte[32];
        assertThatThrownBy(() -> CompactRange.of(MerkleHasher.SHA_256, 3, List.of(hash))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompactRange.of(MerkleHasher.SHA_256, 1, List.of(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CompactRange.of(MerkleHasher.SHA_256, 0, List.of()).root()).isEqualTo(MerkleHasher.SHA_256.emptyRoot());
    }

    private static int compare(byte[] a, byte[] b) {
        return java.util.Arrays.compare(a, b);
    }
}
