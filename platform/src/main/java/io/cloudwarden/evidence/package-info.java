/**
 * Evidence owns the tamper-evident audit log: one RFC 9162 Merkle tree per tenant over canonical JSON
 * entries ({@link io.cloudwarden.evidence.log}), signed C2SP checkpoints ({@link io.cloudwarden.evidence.note}),
 * inclusion and consistency proofs ({@link io.cloudwarden.evidence.merkle}), offline verification, anchoring
 * outside the database, and evidence packs an auditor verifies offline. It depends on nothing
 * domain-specific: it takes every {@link io.cloudwarden.shared.AuditableEvent} any module publishes.
 * The formats are in docs/evidence/formats.md.
 */
@org.springframework.modulith.ApplicationModule
package io.cloudwarden.evidence;
