package io.cloudwarden.evidence.merkle;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real transparency-dev/merkle probes (98 inclusion, 98 consistency, each with the expected verdict) and
 * the RFC 6962 reference hashes for trees of 0 to 8 leaves (src/test/resources/tlog-vectors).
 */
class MerkleVectorsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final MerkleProofs proofs = new MerkleProofs(MerkleHasher.SHA_256);

    @TestFactory
    Stream<DynamicTest> inclusionProbes() throws Exception {
        List<Path> files = vectors("inclusion");
        assertThat(files).hasSize(98);
        return files.stream().map(f -> DynamicTest.dynamicTest(name(f), () -> {
            JsonNode v = JSON.readTree(f.toFile());
            boolean wantErr = v.get("wantErr").asBoolean();
            if (!fitsInLong(v, "leafIdx", "treeSize")) {
                assertThat(wantErr).as("an index or size of 2^63 or more can only be invalid").isTrue();
                return;
            }
            var verification = assertThatCode(() -> proofs.verifyInclusion(v.get("leafIdx").asLong(), v.get("treeSize").asLong(),
                    bytes(v.get("leafHash")), list(v.get("proof")), bytes(v.get("root"))));
            if (wantErr) {
                verification.isInstanceOf(InvalidProofException.class);
            } else {
                verification.doesNotThrowAnyException();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> consistencyProbes() throws Exception {
        List<Path> files = vectors("consistency");
        assertThat(files).hasSize(98);
        return files.stream().map(f -> DynamicTest.dynamicTest(name(f), () -> {
            JsonNode v = JSON.readTree(f.toFile());
            boolean wantErr = v.get("wantErr").asBoolean();
            if (!fitsInLong(v, "size1", "size2")) {
                assertThat(wantErr).as("a size of 2^63 or more can only be invalid").isTrue();
                return;
            }
            var verification = assertThatCode(() -> proofs.verifyConsistency(v.get("size1").asLong(), v.get("size2").asLong(),
                    list(v.get("proof")), bytes(v.get("root1")), bytes(v.get("root2"))));
            if (wantErr) {
                verification.isInstanceOf(InvalidProofException.class);
            } else {
                verification.doesNotThrowAnyException();
            }
        }));
    }

    @Test
    void rfc6962ReferenceRootsAndNodeHashes() throws Exception {
        JsonNode ref = JSON.readTree(resource("rfc6962_reference_vectors.json").toFile());
        List<byte[]> leaves = new ArrayList<>();
        ref.get("leaf_inputs_hex").forEach(h -> leaves.add(MerkleHasher.SHA_256.leafHash(HexFormat.of().parseHex(h.asString()))));
        MerkleTree tree = new MerkleTree(MerkleHasher.SHA_256, i -> leaves.get((int) i));
        JsonNode roots = ref.get("root_hashes_by_tree_size_hex");
        for (int size = 0; size <= 8; size++) {
            assertThat(HexFormat.of().formatHex(tree.rootHash(size))).as("root of size %d", size)
                    .isEqualTo(roots.get(size).asString());
        }
        JsonNode level0 = ref.get("node_hashes_by_level_hex").get(0);
        for (int i = 0; i < 8; i++) {
            assertThat(HexFormat.of().formatHex(leaves.get(i))).isEqualTo(level0.get(i).asString());
        }
    }

    @Test
    void generatedProofsVerifyAndTamperedOnesDoNot() {
        for (MerkleHasher hasher : MerkleHasher.values()) {
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < 33; i++) {
                leaves.add(hasher.leafHash(("entry " + i).getBytes()));
            }
            MerkleTree tree = new MerkleTree(hasher, i -> leaves.get((int) i));
            MerkleProofs verifier = new MerkleProofs(hasher);
            for (long size = 1; size <= leaves.size(); size++) {
                byte[] root = tree.rootHash(size);
                for (long index = 0; index < size; index++) {
                    List<byte[]> path = tree.inclusionProof(index, size);
                    long i = index;
                    long n = size;
                    assertThatCode(() -> verifier.verifyInclusion(i, n, leaves.get((int) i), path, root)).doesNotThrowAnyException();
                    if (!path.isEmpty()) {
                        List<byte[]> tampered = new ArrayList<>(path);
                        byte[] first = tampered.get(0).clone();
                        first[0] ^= 1;
                        tampered.set(0, first);
                        assertThatThrownBy(() -> verifier.verifyInclusion(i, n, leaves.get((int) i), tampered, root))
                                .isInstanceOf(InvalidProofException.class);
                    }
                }
                for (long size1 = 1; size1 <= size; size1++) {
                    List<byte[]> proof = tree.consistencyProof(size1, size);
                    byte[] root1 = tree.rootHash(size1);
                    long m = size1;
                    long n = size;
                    assertThatCode(() -> verifier.verifyConsistency(m, n, proof, root1, root)).doesNotThrowAnyException();
                    byte[] wrongRoot = root.clone();
                    wrongRoot[31] ^= 1;
                    assertThatThrownBy(() -> verifier.verifyConsistency(m, n, proof, root1, wrongRoot))
                            .isInstanceOf(InvalidProofException.class);
                }
            }
        }
    }

    @Test
    void rfc6962HasherVectors() throws Exception {
        JsonNode ref = JSON.readTree(resource("rfc6962_reference_vectors.json").toFile());
        HexFormat hex = HexFormat.of();
        int checked = 0;
        for (JsonNode v : ref.get("hasher_vectors")) {
            byte[] got = switch (v.get("op").asString()) {
                case "EmptyRoot" -> MerkleHasher.SHA_256.emptyRoot();
                case "HashLeaf" -> MerkleHasher.SHA_256.leafHash(hex.parseHex(v.get("input_hex").asString()));
                case "HashChildren" -> MerkleHasher.SHA_256.nodeHash(hex.parseHex(v.get("left_hex").asString()),
                        hex.parseHex(v.get("right_hex").asString()));
                default -> throw new IllegalStateException("unknown op " + v.get("op"));
            };
            assertThat(hex.formatHex(got)).as(v.get("desc").asString()).isEqualTo(v.get("want_hex").asString());
            checked++;
        }
        assertThat(checked).isEqualTo(4);
    }

    @Test
    void sha3TreesDifferFromSha256Trees() {
        byte[] entry = "same entry".getBytes();
        assertThat(MerkleHasher.SHA3_256.leafHash(entry)).isNotEqualTo(MerkleHasher.SHA_256.leafHash(entry));
        assertThat(MerkleHasher.SHA3_256.emptyRoot()).hasSize(MerkleHasher.HASH_BYTES);
    }

    private static boolean fitsInLong(JsonNode v, String... fields) {
        for (String f : fields) {
            if (v.get(f).bigIntegerValue().bitLength() > 63) {
                return false;
            }
        }
        return true;
    }

    private static List<byte[]> list(JsonNode proof) {
        List<byte[]> out = new ArrayList<>();
        if (proof != null && !proof.isNull()) {
            proof.forEach(p -> out.add(bytes(p)));
        }
        return out;
    }

    private static byte[] bytes(JsonNode node) {
        return node == null || node.isNull() ? new byte[0] : Base64.getDecoder().decode(node.asString());
    }

    private static List<Path> vectors(String kind) throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.walk(resource(kind))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(MerkleVectorsTest.class.getResource("/tlog-vectors/" + name).toURI());
    }

    private static String name(Path f) {
        return f.getParent().getFileName() + "/" + f.getFileName();
    }
}
