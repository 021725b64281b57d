/**
 * The per-tenant audit log: {@link io.cloudwarden.evidence.log.AuditLedger} (group-committed durable appends,
 * proofs, checkpoints), the transactional intake of {@link io.cloudwarden.shared.AuditableEvent}s, hash
 * tiles, signing keys and the timeline. Exposed to other modules as the named interface {@code log}.
 */
@org.springframework.modulith.NamedInterface("log")
package io.cloudwarden.evidence.log;
