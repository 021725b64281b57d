package io.cloudwarden.evidence.log;

import io.cloudwarden.shared.AuditableEvent;
import java.time.Instant;

/** An entry as stored: its canonical bytes, leaf hash and the indexed members. */
public record StoredEntry(long index, Instant occurredAt, String actor, String action,
                          AuditableEvent.Outcome outcome, String target, byte[] entry, byte[] leafHash) {
}
