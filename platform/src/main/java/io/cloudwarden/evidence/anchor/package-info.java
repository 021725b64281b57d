/**
 * Anchoring: publishes the latest signed checkpoint of every tenant's audit log outside the database (a
 * directory, an S3 bucket under Object Lock, a C2SP tlog witness), so that a rollback or rewrite of the
 * whole database is detectable later ({@link io.cloudwarden.evidence.anchor.AnchorCheck}). Also holds a
 * reusable witness ({@link io.cloudwarden.evidence.anchor.Witness},
 * {@link io.cloudwarden.evidence.anchor.WitnessServer}). The log supplies its checkpoints through
 * {@link io.cloudwarden.evidence.anchor.CheckpointFeed}. See docs/adr/0013-audit-anchoring.md.
 */
@org.springframework.modulith.NamedInterface("anchor")
package io.cloudwarden.evidence.anchor;
