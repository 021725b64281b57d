/**
 * Evidence owns the tamper-evident audit log: RFC 9162 Merkle trees over each tenant's entries, signed
 * checkpoints, inclusion and consistency proofs, and evidence packs an auditor verifies offline. So far it
 * holds the Merkle hashing and proof core ({@link io.cloudwarden.evidence.merkle}); the log itself comes
 * with the evidence issue.
 */
@org.springframework.modulith.ApplicationModule
package io.cloudwarden.evidence;
