package io.cloudwarden.evidence.anchor;

import io.cloudwarden.evidence.note.NoteSigner;
import io.cloudwarden.shared.TenantContext;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The witness, its HTTP front and the witness anchor target, over real logs, keys and HTTP. */
class WitnessTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");

    final TestLog log = new TestLog();
    final NoteSigner witnessKey = NoteSigner.generate("witness.test/w1");
    final InMemoryAnchorStore store = new InMemoryAnchorStore();
    Witness witness;
    WitnessServer server;
    WitnessAnchorTarget target;

    @BeforeEach
    void start() throws Exception {
        witness = new Witness(witnessKey, Map.of(log.origin, List.of(log.signer.verifier())), null,
                Clock.fixed(NOW, ZoneOffset.UTC));
        server = WitnessServer.start(witness, new InetSocketAddress("127.0.0.1", 0), "/witness");
        target = targetFor(CosignerKey.of(witnessKey));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    WitnessAnchorTarget targetFor(CosignerKey key) {
        return new WitnessAnchorTarget(server.url(), key, (cp, oldSize, newSize) -> log.tree().consistencyProof(oldSize, newSize),
                store, Duration.ofSeconds(5));
    }

    /** Publishes as Anchoring does: with the tenant bound, recording the success in the store. */
    AnchorReceipt publish(LogCheckpoint checkpoint) {
        return TenantContext.callAs(log.tenant, () -> {
            AnchorReceipt receipt = target.publish(checkpoint);
            store.record(new AnchorRecord(log.tenant, log.origin, target.id(), checkpoint.size(), checkpoint.rootHash(),
                    checkpoint.note(), receipt.cosignature(), receipt.location(), receipt.anchoredAt(),
                    AnchorRecord.Status.ANCHORED, null));
            return receipt;
        });
    }

    HttpResponse<String> post(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "/add-checkpoint"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void cosignsAFirstCheckpointWithAVerifiableTimestampedCosignature() {
        log.append(5);
        AnchorReceipt receipt = publish(log.checkpoint());

        assertThat(receipt.target()).isEqualTo("witness:" + server.url());
        assertThat(receipt.anchoredAt()).isEqualTo(NOW);
        assertThat(receipt.cosignature()).startsWith("\u2014 witness.test/w1 ").endsWith("\n");
        CosignerKey key = CosignerKey.parse(witness.cosignerKey().encoded());
        assertThat(key.verify(log.checkpoint().text(), receipt.cosignature()).timestamp()).isEqualTo(NOW);
        assertThatThrownBy(() -> key.verify(log.truncatedTo(4).checkpoint().text(), receipt.cosignature()))
                .hasMessageContaining("does not verify");
        assertThat(witness.latest(log.origin)).contains(log.checkpoint().note());
        assertThat(TenantContext.callAs(log.tenant, () -> target.latest(log.origin)))
                .contains(log.checkpoint().note() + receipt.cosignature());
    }

    @Test
    void cosignsAConsistentExtension() {
        publish(log.append(5).checkpoint());
        AnchorReceipt receipt = publish(log.append(9).checkpoint());

        assertThat(CosignerKey.of(witnessKey).verify(log.checkpointAt(14).text(), receipt.cosignature())).isNotNull();
        assertThat(witness.latest(log.origin)).contains(log.checkpointAt(14).note());
    }

    @Test
    void refusesAnInconsistentCheckpointWith422() throws Exception {
        publish(log.append(6).checkpoint());
        TestLog fork = log.rewrittenAt(3).append(4);
        List<byte[]> forkProof = fork.tree().consistencyProof(6, 10);

        assertThatThrownBy(() -> witness.addCheckpoint(new AddCheckpointRequest(6, forkProof, fork.checkpoint().note())))
                .isInstanceOfSatisfying(WitnessException.class, e -> assertThat(e.status()).isEqualTo(422));
        HttpResponse<String> response = post(new AddCheckpointRequest(6, forkProof, fork.checkpoint().note()).encode());
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(witness.latest(log.origin)).contains(log.checkpointAt(6).note());
    }

    @Test
    void refusesACheckpointNotSignedByTheLogWith403AndAnUnknownLogWith404() throws Exception {
        log.append(4);
        LogCheckpoint forged = log.checkpointAt(4, NoteSigner.generate(log.origin));
        assertThat(post(new AddCheckpointRequest(0, List.of(), forged.note()).encode()).statusCode()).isEqualTo(403);
        assertThatThrownBy(() -> publish(forged)).isInstanceOf(AnchorException.class).hasMessageContaining("HTTP 403");

        TestLog stranger = new TestLog().append(2);
        assertThat(post(new AddCheckpointRequest(0, List.of(), stranger.checkpoint().note()).encode()).statusCode()).isEqualTo(404);
        assertThat(post("not a request").statusCode()).isEqualTo(400);
        assertThat(witness.latest(log.origin)).isEmpty();
    }

    @Test
    void answers409WithItsSizeAndTheTargetRetriesFromThatSize() throws Exception {
        log.append(5);
        witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), log.checkpoint().note()));
        log.append(3);

        HttpResponse<String> conflict = post(new AddCheckpointRequest(0, List.of(), log.checkpoint().note()).encode());
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.headers().firstValue("Content-Type")).contains("text/x.tlog.size");
        assertThat(conflict.body()).isEqualTo("5\n");

        // the store knows of no cosigned size, so the target starts from 0, gets 409 "5" and retries from 5
        AnchorReceipt receipt = publish(log.checkpoint());
        assertThat(CosignerKey.of(witnessKey).verify(log.checkpoint().text(), receipt.cosignature()).timestamp()).isEqualTo(NOW);
        assertThat(witness.latest(log.origin)).contains(log.checkpointAt(8).note());
    }

    @Test
    void refusesARollbackAndTheTargetReportsIt() throws Exception {
        publish(log.append(8).checkpoint());
        LogCheckpoint older = log.checkpointAt(5);

        assertThatThrownBy(() -> witness.addCheckpoint(new AddCheckpointRequest(8, List.of(), older.note())))
                .isInstanceOfSatisfying(WitnessException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> witness.addCheckpoint(new AddCheckpointRequest(5, List.of(), older.note())))
                .isInstanceOfSatisfying(WitnessException.class, e -> assertThat(e.knownSize()).hasValue(8));
        // after a database rollback the store is rolled back too: the witness's 409 still reveals it
        store.rows.clear();
        assertThatThrownBy(() -> publish(older)).isInstanceOf(AnchorException.class)
                .hasMessageContaining("at size 8, beyond the log's size 5: the log was rolled back");
        assertThat(witness.latest(log.origin)).contains(log.checkpointAt(8).note());
    }

    @Test
    void sameSizeWithAnotherRootIsAConflict() throws Exception {
        publish(log.append(4).checkpoint());
        LogCheckpoint rewritten = log.rewrittenAt(1).checkpoint();
        assertThatThrownBy(() -> witness.addCheckpoint(new AddCheckpointRequest(4, List.of(), rewritten.note())))
                .isInstanceOfSatisfying(WitnessException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.knownSize()).isEmpty();
                });
        assertThat(witness.addCheckpoint(new AddCheckpointRequest(4, List.of(), log.checkpoint().note()))).startsWith("\u2014 ");
    }

    @Test
    void aCosignatureByAnotherKeyThanTheConfiguredOneIsNotASuccess() {
        target = targetFor(CosignerKey.of(NoteSigner.generate("witness.test/w1")));
        assertThatThrownBy(() -> publish(log.append(3).checkpoint()))
                .isInstanceOf(AnchorException.class)
                .hasMessageContaining("without a valid cosignature by witness.test/w1");
    }

    @Test
    void aPersistentWitnessRemembersItsLatestCheckpointAcrossRestarts(@TempDir Path state) throws Exception {
        Witness first = Witness.persistent(witnessKey, Map.of(log.origin, List.of(log.signer.verifier())), state);
        first.addCheckpoint(new AddCheckpointRequest(0, List.of(), log.append(6).checkpoint().note()));

        Witness restarted = Witness.persistent(witnessKey, Map.of(log.origin, List.of(log.signer.verifier())), state);
        assertThat(restarted.latest(log.origin)).contains(log.checkpointAt(6).note());
        assertThatThrownBy(() -> restarted.addCheckpoint(new AddCheckpointRequest(0, List.of(), log.checkpointAt(3).note())))
                .isInstanceOfSatisfying(WitnessException.class, e -> assertThat(e.knownSize()).hasValue(6));
    }

    @Test
    void cosignerKeysRoundTripAndRejectNoteKeys() {
        CosignerKey key = CosignerKey.of(witnessKey);
        assertThat(CosignerKey.parse(key.encoded()).encoded()).isEqualTo(key.encoded());
        assertThat(key.encoded()).startsWith("witness.test/w1+");
        assertThatThrownBy(() -> CosignerKey.parse(witnessKey.verifier().encoded()))
                .hasMessageContaining("type 0x04");
        String[] parts = key.encoded().split("\\+", 3);
        assertThatThrownBy(() -> CosignerKey.parse(parts[0] + "+00000000+" + parts[2])).hasMessageContaining("key id");
        // base64 keys often contain '+' themselves: 40 random keys include such keys with near certainty
        for (int i = 0; i < 40; i++) {
            CosignerKey random = CosignerKey.of(NoteSigner.generate("witness.test/k" + i));
            assertThat(CosignerKey.parse(random.encoded()).encoded()).isEqualTo(random.encoded());
        }
    }

    @Test
    void requestsRoundTrip() {
        log.append(7);
        List<byte[]> proof = log.tree().consistencyProof(3, 7);
        AddCheckpointRequest parsed = AddCheckpointRequest.parse(new AddCheckpointRequest(3, proof, log.checkpoint().note()).encode());
        assertThat(parsed.oldSize()).isEqualTo(3);
        assertThat(parsed.proof()).hasSize(proof.size());
        assertThat(parsed.proof().get(0)).isEqualTo(proof.get(0));
        assertThat(parsed.note()).isEqualTo(log.checkpoint().note());
        assertThatThrownBy(() -> AddCheckpointRequest.parse("old 03\n\n" + log.checkpoint().note()))
                .hasMessageContaining("canonical");
    }
}
