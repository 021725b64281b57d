package io.cloudwarden.evidence.log;

import io.cloudwarden.shared.TenantId;

/**
 * An acknowledged append.
 *
 * @param entry    the canonical entry bytes that were hashed
 * @param leafHash H(0x00 || entry)
 */
public record AppendReceipt(TenantId tenant, long index, byte[] entry, byte[] leafHash) {
}
