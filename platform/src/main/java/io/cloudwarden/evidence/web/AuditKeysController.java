package io.cloudwarden.evidence.web;

import io.cloudwarden.shared.security.PublicEndpoint;
import io.cloudwarden.evidence.log.AuditProperties;
import io.cloudwarden.evidence.log.LedgerAdministration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The checkpoint signing keys, published without authentication so that anyone holding a checkpoint, a
 * bundle or an evidence pack can check it against the keys this installation has ever used. A log's
 * verifier key is {@code <origin>+<key id>+<base64(0x01 || public key)>} (c2sp.org/signed-note), the origin
 * being {@code <originPrefix>/<tenant id>}.
 */
@RestController
@Tag(name = "audit", description = "The tamper-evident audit log: timeline, proofs, checkpoints, keys")
class AuditKeysController {

    record PublishedKeys(String algorithm, String originPrefix, List<Key> keys) {
    }

    record Key(String publicKey, Instant createdAt, Instant retiredAt) {
    }

    private final LedgerAdministration admin;
    private final AuditProperties props;

    AuditKeysController(LedgerAdministration admin, AuditProperties props) {
        this.admin = admin;
        this.props = props;
    }

    @PublicEndpoint(why = "checkpoint verifier keys are public so third parties can verify the log offline")
    @GetMapping("/.well-known/cloudwarden-audit-keys")
    @Operation(summary = "Public Ed25519 keys that sign audit checkpoints, current and retired (no authentication)")
    PublishedKeys keys() {
        return new PublishedKeys("Ed25519", props.originPrefix(), admin.publishedKeys().stream()
                .map(k -> new Key(Base64.getEncoder().encodeToString(k.publicKey()), k.createdAt(), k.retiredAt())).toList());
    }
}
