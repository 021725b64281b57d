/**
 * Offline verification of the audit log's exports, as specified in {@code docs/evidence/formats.md}:
 * writing and reading bundles ({@link io.cloudwarden.evidence.verify.BundleWriter},
 * {@link io.cloudwarden.evidence.verify.BundleReader}), the streaming RFC 9162 tree
 * ({@link io.cloudwarden.evidence.verify.CompactRange}), the five bundle checks
 * ({@link io.cloudwarden.evidence.verify.LogVerifier}, over files or any
 * {@link io.cloudwarden.evidence.verify.BundleSource} such as database rows) and evidence-pack checks
 * ({@link io.cloudwarden.evidence.verify.PackVerifier}). Plain Java: no Spring beans, no database, so the
 * {@code verify-log} command runs it without starting the application.
 */
@org.springframework.modulith.NamedInterface("verify")
package io.cloudwarden.evidence.verify;
