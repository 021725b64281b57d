/**
 * C2SP signed notes (c2sp.org/signed-note) with Ed25519 keys, and tlog checkpoints (c2sp.org/tlog-checkpoint)
 * carried in them: the format the audit log publishes its tree heads in, verifiable with standard tooling.
 */
@org.springframework.modulith.NamedInterface("note")
package io.cloudwarden.evidence.note;
