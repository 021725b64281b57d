import { describe, expect, it } from 'vitest';
import { idleProgress, reduceSyncProgress } from './syncProgress';

describe('reduceSyncProgress', () => {
  it('follows a sync from request to result, counting changes of its own run only', () => {
    let s = reduceSyncProgress(idleProgress, { type: 'requested', at: 1 });
    expect(s.phase).toBe('requested');
    s = reduceSyncProgress(s, { type: 'sync-started', payload: { accountId: 'a', syncRunId: 'r1' } });
    s = reduceSyncProgress(s, { type: 'resources-changed', payload: { accountId: 'a', syncRunId: 'r1', created: 5, modified: 2, deleted: 1 } });
    s = reduceSyncProgress(s, { type: 'resources-changed', payload: { accountId: 'a', syncRunId: 'other', created: 100, modified: 0, deleted: 0 } });
    expect(s).toMatchObject({ phase: 'running', changed: 8 });
    s = reduceSyncProgress(s, { type: 'sync-finished', payload: { accountId: 'a', syncRunId: 'r1', status: 'FAILED', resources: 8, errorCode: 'CONNECTOR_TRANSIENT' } });
    expect(s).toMatchObject({ phase: 'finished', status: 'FAILED', errorCode: 'CONNECTOR_TRANSIENT' });
  });
});
