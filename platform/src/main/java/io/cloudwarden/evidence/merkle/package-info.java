/**
 * RFC 6962 / RFC 9162 Merkle tree hashing, proof construction and proof verification, usable offline (the
 * {@code verify-log} command) as well as by the log. Verified against the transparency-dev/merkle vectors.
 */
@org.springframework.modulith.NamedInterface("merkle")
package io.cloudwarden.evidence.merkle;
