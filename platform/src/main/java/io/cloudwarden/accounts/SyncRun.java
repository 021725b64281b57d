package io.cloudwarden.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * One sync of one account: its trigger, outcome, counts and, on failure, a stable error code.
 *
 * @param trigger   SCHEDULED, MANUAL or RETRY
 * @param status    RUNNING, SUCCEEDED or FAILED
 * @param errorCode a connector error ({@code CONNECTOR_THROTTLED} ...) or an {@link AccountsErrorCode}
 */
public record SyncRun(UUID id, UUID accountId, long sequence, String trigger, int attempt, String status,
                      Instant startedAt, Instant finishedAt, Long durationMs, Long resources, Long created,
                      Long modified, Long deleted, Long unchanged, String errorCode, String errorMessage) {
}
