package io.cloudwarden.evidence.log;

import io.cloudwarden.evidence.note.NoteSigner;
import io.cloudwarden.evidence.note.NoteVerifier;
import io.cloudwarden.shared.SecretCipher;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The installation's checkpoint signing key: an Ed25519 key generated on first start, stored encrypted with
 * the secrets master key, and rotatable. Each log signs under its own origin as the key name (one key,
 * one verifier key text per log). Retired keys are kept so their checkpoints keep verifying. Each node
 * re-reads the active key every minute, so a rotation made on one node reaches the others within a minute.
 */
@Component
class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final String BASE_NAME = "cloudwarden-audit";

    /** A stored key: its sequence number, raw public key and lifetime. */
    record KeyInfo(int seq, byte[] publicKey, Instant createdAt, Instant retiredAt) {
    }

    /** The active key. */
    record ActiveKey(int seq, NoteSigner signer) {
    }

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final TransactionTemplate tx;
    /** How long this node trusts its cached active key before it looks for a rotation made on another node. */
    static final long RECHECK_NANOS = 60_000_000_000L;

    private volatile ActiveKey active;
    private volatile long loadedAt;

    SigningKeys(JdbcClient jdbc, SecretCipher cipher, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.tx = tx;
    }

    /** The active key, generated if there is none yet (safe when several nodes start at once). */
    ActiveKey active() {
        ActiveKey current = active;
        if (current != null && System.nanoTime() - loadedAt < RECHECK_NANOS) {
            return current;
        }
        synchronized (this) {
            if (active == null || System.nanoTime() - loadedAt >= RECHECK_NANOS) {
                loadedAt = System.nanoTime();
                active = loadActive();
                if (active == null) {
                    try {
                        active = insert(NoteSigner.generate(BASE_NAME));
                        log.info("Generated the audit checkpoint signing key #{}", active.seq());
                    } catch (DuplicateKeyException raced) {
                        active = loadActive();
                    }
                }
            }
            return active;
        }
    }

    /**
     * Retires the active key and makes a new one active (in the caller's transaction, if there is one; the
     * new key is used from the next checkpoint after that commits).
     */
    synchronized ActiveKey rotate() {
        ActiveKey rotated = tx.execute(status -> {
            jdbc.sql("update audit_signing_keys set retired_at = now() where retired_at is null").update();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    refresh();
                }
            });
            return insert(NoteSigner.generate(BASE_NAME));
        });
        log.info("Rotated the audit checkpoint signing key; #{} is now active", rotated.seq());
        return rotated;
    }

    /** Forgets the cached active key, so another node's rotation is seen. */
    void refresh() {
        active = null;
    }

    List<KeyInfo> all() {
        return jdbc.sql("select seq, public_key, created_at, retired_at from audit_signing_keys order by seq")
                .query((rs, n) -> new KeyInfo(rs.getInt(1), rs.getBytes(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** Verifier keys of every key, current and retired, named {@code origin}. */
    List<String> verifierKeys(String origin) {
        return all().stream().map(k -> NoteVerifier.of(origin, k.publicKey()).encoded()).toList();
    }

    private ActiveKey loadActive() {
        return jdbc.sql("select seq, private_key from audit_signing_keys where retired_at is null")
                .query((rs, n) -> new ActiveKey(rs.getInt(1), NoteSigner.parse(cipher.decrypt(rs.getBytes(2)))))
                .optional().orElse(null);
    }

    private ActiveKey insert(NoteSigner signer) {
        int seq = jdbc.sql("insert into audit_signing_keys (public_key, private_key) values (?, ?) returning seq")
                .params(signer.verifier().rawPublicKey(), cipher.encrypt(signer.encoded()))
                .query(Integer.class).single();
        return new ActiveKey(seq, signer);
    }
}
