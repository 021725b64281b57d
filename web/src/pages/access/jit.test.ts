import { describe, expect, it } from 'vitest';
import { durationLabel, formatRemaining, isOwnRequest, validDuration } from './jit';
import { reviewProgress } from './ReviewPage';

describe('JIT helpers', () => {
  it('keeps durations between 15 minutes and 8 hours', () => {
    expect(validDuration(15)).toBe(true);
    expect(validDuration(480)).toBe(true);
    expect(validDuration(14)).toBe(false);
    expect(validDuration(481)).toBe(false);
  });

  it('marks one\'s own request (separation of duties)', () => {
    const r = { id: '1', userId: 'u1', username: 'alice', role: 'ADMIN', durationMinutes: 60, reason: 'x', status: 'PENDING' as const, active: false, createdAt: '2026-11-22T10:00:00Z' };
    expect(isOwnRequest(r, 'u1')).toBe(true);
    expect(isOwnRequest(r, 'u2')).toBe(false);
    expect(isOwnRequest(r, undefined)).toBe(false);
  });

  it('counts down', () => {
    const now = Date.parse('2026-11-22T20:00:00Z');
    expect(formatRemaining('2026-11-22T21:05:09Z', now)).toBe('1:05:09');
    expect(formatRemaining('2026-11-22T20:04:59Z', now)).toBe('4:59');
    expect(formatRemaining('2026-11-22T19:00:00Z', now)).toBe('0:00');
    expect(durationLabel(90)).toBe('1 h 30 min');
    expect(durationLabel(15)).toBe('15 min');
  });

  it('lets a campaign complete only when every item is decided', () => {
    const item = (decision: 'PENDING' | 'CERTIFIED' | 'REVOKED', overdue = false) => ({ id: decision, userId: 'u', username: 'u', role: 'R', decision, overdue });
    expect(reviewProgress([item('CERTIFIED'), item('PENDING', true)])).toEqual({ decided: 1, total: 2, overdue: 1, complete: false });
    expect(reviewProgress([item('CERTIFIED'), item('REVOKED', true)]).complete).toBe(true);
  });
});
