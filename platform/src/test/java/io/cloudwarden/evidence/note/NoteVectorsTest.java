package io.cloudwarden.evidence.note;

import io.cloudwarden.evidence.merkle.MerkleHasher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signed-note and checkpoint vectors from golang/mod, C2SP and transparency-dev/formats
 * (src/test/resources/tlog-vectors/signed_note_vectors.json). The RFC 6962 ECDSA note signature (type 0x05)
 * of static-CT logs is not implemented: Cloudwarden logs sign with Ed25519.
 */
class NoteVectorsTest {

    static JsonNode vectors;

    @BeforeAll
    static void load() throws Exception {
        vectors = JsonMapper.builder().build().readTree(
                Path.of(NoteVectorsTest.class.getResource("/tlog-vectors/signed_note_vectors.json").toURI()).toFile()).get("vectors");
    }

    static JsonNode vector(String id) {
        return StreamSupport.stream(vectors.spliterator(), false).filter(v -> v.get("id").asString().equals(id)).findFirst()
                .orElseThrow();
    }

    @Test
    void signingWithTheGolangKeyReproducesTheExpectedNoteExactly() {
        JsonNode v = vector("golang-mod-note-peter-sign");
        NoteSigner signer = NoteSigner.parse(v.get("skey").asString());
        assertThat(signer.verifier().encoded()).isEqualTo(v.get("vkey").asString());
        assertThat(SignedNote.sign(v.get("text").asString(), signer)).isEqualTo(v.get("signed_note").asString());
        assertThat(signer.encoded()).isEqualTo(v.get("skey").asString());
        assertThat(SignedNote.verify(v.get("signed_note").asString(), List.of(NoteVerifier.parse(v.get("vkey").asString()))))
                .containsExactly("PeterNeumann");
    }

    @Test
    void twoSignersVerifyAndUnknownSignersAreIgnored() {
        JsonNode v = vector("golang-mod-note-two-sigs");
        String note = v.get("signed_note").asString();
        NoteVerifier peter = NoteVerifier.parse(v.get("vkeys").get(0).asString());
        NoteVerifier enoch = NoteVerifier.parse(v.get("vkeys").get(1).asString());
        assertThat(SignedNote.verify(note, List.of(peter, enoch))).containsExactly("PeterNeumann", "EnochRoot");
        assertThat(SignedNote.verify(note, List.of(peter))).containsExactly("PeterNeumann");
        assertThat(SignedNote.parse(note).signatures()).hasSize(2);
    }

    @Test
    void malformedVerifierKeysAreRejected() {
        for (JsonNode bad : vector("golang-mod-note-bad-vkeys").get("invalid_vkeys")) {
            assertThatThrownBy(() -> NoteVerifier.parse(bad.asString())).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> NoteVerifier.parse("no-plus-signs")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theC2spExampleVerifies() {
        JsonNode v = vector("c2sp-signed-note-example");
        assertThat(SignedNote.verify(v.get("signed_note").asString(), List.of(NoteVerifier.parse(v.get("vkey").asString()))))
                .containsExactly("example.com/foo");
    }

    @Test
    void tamperedTextOrSignatureFailsAndUnknownKeysAloneFail() {
        JsonNode v = vector("c2sp-signed-note-example");
        NoteVerifier key = NoteVerifier.parse(v.get("vkey").asString());
        String note = v.get("signed_note").asString();
        assertThatThrownBy(() -> SignedNote.verify(note.replace("example message", "exemplary message"), List.of(key)))
                .hasMessageContaining("does not verify");
        NoteVerifier stranger = NoteSigner.generate("someone.else").verifier();
        assertThatThrownBy(() -> SignedNote.verify(note, List.of(stranger))).hasMessageContaining("no signature by a known key");
        assertThatThrownBy(() -> SignedNote.parse("no signatures\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkpointsParseAndFormatExactly() {
        JsonNode c2sp = vector("c2sp-checkpoint-example");
        Checkpoint cp = Checkpoint.parse(SignedNote.parse(c2sp.get("signed_note").asString()).text());
        assertThat(cp.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(cp.size()).isEqualTo(20852163L);
        assertThat(cp.rootHash()).hasSize(32);

        JsonNode golang = vector("golang-mod-tlog-tree-format");
        byte[] root = MerkleHasher.SHA_256.leafHash(golang.get("record").asString().getBytes(StandardCharsets.UTF_8));
        assertThat(new Checkpoint("go.sum database tree", golang.get("tree_size").asLong(), root).text())
                .isEqualTo(golang.get("formatted").asString());
        assertThatThrownBy(() -> Checkpoint.parse("origin\n012\nAAAA\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkpointExtensionLinesRoundTripAndNameTheHashAlgorithm() {
        Checkpoint sha3 = new Checkpoint("cloudwarden.example/t", 7, new byte[32],
                java.util.List.of(Checkpoint.HASH_ALGORITHM_EXTENSION + "SHA3-256"));
        assertThat(sha3.text()).endsWith("\nhash-algorithm SHA3-256\n");
        Checkpoint parsed = Checkpoint.parse(sha3.text());
        assertThat(parsed.extensions()).containsExactly("hash-algorithm SHA3-256");
        assertThat(parsed.hashAlgorithm()).isEqualTo("SHA3-256");
        assertThat(Checkpoint.parse(new Checkpoint("o", 1, new byte[32]).text()).hashAlgorithm()).isEqualTo("SHA-256");
        assertThatThrownBy(() -> new Checkpoint("o", 1, new byte[32], java.util.List.of("two\nlines")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGeneratedKeySignsCheckpointsThatVerifyAndRoundTrips() {
        NoteSigner signer = NoteSigner.generate("cloudwarden.example/tenant-1");
        NoteSigner reloaded = NoteSigner.parse(signer.encoded());
        assertThat(reloaded.verifier().encoded()).isEqualTo(signer.verifier().encoded());
        String note = SignedNote.sign(new Checkpoint("cloudwarden.example/tenant-1", 3, new byte[32]).text(), reloaded);
        assertThat(SignedNote.verify(note, List.of(NoteVerifier.parse(signer.verifier().encoded()))))
                .containsExactly("cloudwarden.example/tenant-1");
        assertThat(signer.toString()).doesNotContain(signer.encoded().substring(40));
    }
}
