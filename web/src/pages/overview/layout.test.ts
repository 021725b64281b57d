import { describe, expect, it } from 'vitest';
import { CARD_IDS, normalizeOrder } from './layout';
import { ownerCoverage, syncHealth } from './widgets';

describe('overview layout', () => {
  it('keeps the stored order, drops unknown ids and appends new cards', () => {
    expect(normalizeOrder({ order: ['tags', 'bogus', 'resources', 'tags'] })).toEqual([
      'tags',
      'resources',
      ...CARD_IDS.filter((c) => c !== 'tags' && c !== 'resources'),
    ]);
    expect(normalizeOrder(null)).toEqual([...CARD_IDS]);
  });

  it('computes owner tag coverage and sync health', () => {
    expect(ownerCoverage(200, 50)).toBe(0.75);
    expect(ownerCoverage(0, 0)).toBeNull();
    const h = syncHealth([
      { id: '1', lastSync: { status: 'SUCCEEDED' } },
      { id: '2', lastSync: { status: 'FAILED', errorCode: 'CONNECTOR_AUTH' } },
      { id: '3', syncRunning: true, lastSync: { status: 'FAILED' } },
      { id: '4' },
    ]);
    expect(h.counts).toMatchObject({ SUCCEEDED: 1, FAILED: 1, RUNNING: 1, NEVER: 1 });
    expect(h.failing.map((a) => a.id)).toEqual(['2']);
  });
});
