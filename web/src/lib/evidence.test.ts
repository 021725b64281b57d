import { describe, expect, it } from 'vitest';
import {
  anchorColor,
  auditTabFrom,
  defaultPeriod,
  initialPackForm,
  packResponseInfo,
  shortHash,
  sortFrameworks,
  summariseVerification,
  toPackRequest,
  toReportRequest,
  validatePackForm,
} from './evidence';

describe('auditTabFrom', () => {
  it('defaults to the timeline', () => {
    expect(auditTabFrom(null)).toBe('timeline');
    expect(auditTabFrom('bogus')).toBe('timeline');
    expect(auditTabFrom('evidence')).toBe('evidence');
    expect(auditTabFrom('integrity')).toBe('integrity');
  });
});

describe('pack form', () => {
  it('defaults to the last 90 days, today included', () => {
    expect(defaultPeriod(new Date(2026, 2, 31, 15, 30))).toEqual({ from: '2025-12-31', to: '2026-03-31' });
    expect(initialPackForm(new Date(2026, 0, 10))).toEqual({ framework: '', controls: [], from: '2025-10-12', to: '2026-01-10' });
  });

  it('turns the form into the request body: local days as instants, the "to" day included', () => {
    const body = toPackRequest({ framework: ' SOC2 ', controls: ['CC6.1', ' CC6.1', '', 'CC7.2'], from: '2026-01-01', to: '2026-03-31' });
    expect(body).toEqual({
      framework: 'SOC2',
      controls: ['CC6.1', 'CC7.2'],
      from: new Date(2026, 0, 1).toISOString(),
      to: new Date(2026, 3, 1).toISOString(),
    });
  });

  it('leaves controls out when none are picked (the whole framework)', () => {
    const body = toPackRequest({ framework: 'CIS-AWS-5.0', controls: [], from: '2026-02-28', to: '2026-02-28' });
    expect(body).not.toHaveProperty('controls');
    expect(new Date(body.to!).getTime() - new Date(body.from!).getTime()).toBeGreaterThanOrEqual(23 * 3600_000);
  });

  it('names what is wrong before sending', () => {
    expect(validatePackForm({ framework: '', controls: [], from: '2026-13-01', to: '' })).toEqual({
      framework: 'frameworkRequired',
      from: 'fromInvalid',
      to: 'toInvalid',
    });
    expect(validatePackForm({ framework: 'SOC2', controls: [], from: '2026-03-02', to: '2026-03-01' })).toEqual({ to: 'periodReversed' });
    expect(validatePackForm({ framework: 'SOC2', controls: [], from: '2026-03-01', to: '2026-03-01' })).toEqual({});
    expect(() => toPackRequest({ framework: '', controls: [], from: '2026-03-01', to: '2026-03-01' })).toThrow(/frameworkRequired/);
  });

  it('lists frameworks with a catalogue first', () => {
    const sorted = sortFrameworks([
      { id: 'ISO27001', name: 'ISO 27001', available: false },
      { id: 'SOC2', name: 'SOC 2', available: true },
      { id: 'CIS-AWS-5.0', name: 'CIS AWS', available: true },
    ]);
    expect(sorted.map((f) => f.id)).toEqual(['CIS-AWS-5.0', 'SOC2', 'ISO27001']);
  });
});

describe('helpers', () => {
  it('shortens hashes and reads the pack headers', () => {
    expect(shortHash('0123456789abcdef0123')).toBe('0123456789ab…');
    expect(shortHash('abc')).toBe('abc');
    expect(shortHash(undefined)).toBe('—');
    const headers = new Headers({ 'X-Evidence-Pack-Id': 'p1', 'X-Evidence-Pack-SHA256': 'ff' });
    expect(packResponseInfo(headers)).toEqual({ id: 'p1', sha256: 'ff' });
    expect(packResponseInfo(new Headers())).toEqual({ id: null, sha256: null });
  });

  it('colours anchor states, never by colour alone (the chip has the label)', () => {
    expect(anchorColor('OK')).toBe('success');
    expect(anchorColor('ROLLBACK_DETECTED')).toBe('error');
    expect(anchorColor('MISMATCH')).toBe('error');
    expect(anchorColor('UNAVAILABLE')).toBe('warning');
    expect(anchorColor('NOT_ANCHORED')).toBe('default');
    expect(anchorColor(undefined)).toBe('default');
  });
});

describe('summariseVerification', () => {
  it('summarises a clean report', () => {
    const s = summariseVerification({
      ok: true,
      entriesChecked: 120,
      size: 120,
      checkpoints: 3,
      checkpointsVerified: 3,
      anchors: 1,
      anchorsVerified: 1,
      problems: [],
    });
    expect(s).toEqual({
      ok: true,
      firstBadIndex: null,
      entriesChecked: 120,
      size: 120,
      checkpoints: { verified: 3, total: 3 },
      anchors: { verified: 1, total: 1 },
      problems: [],
      moreProblems: 0,
    });
  });

  it('names the first bad index and counts the problems not shown', () => {
    const problems = Array.from({ length: 7 }, (_, i) => ({ kind: 'MODIFIED_ENTRY' as const, index: 40 + i, message: 'hash differs' }));
    const s = summariseVerification({ ok: false, firstBadIndex: 40, entriesChecked: 120, problems, problemsOmitted: 10 }, 5);
    expect(s.ok).toBe(false);
    expect(s.firstBadIndex).toBe(40);
    expect(s.problems).toHaveLength(5);
    expect(s.moreProblems).toBe(12);
    expect(s.checkpoints).toEqual({ verified: 0, total: 0 });
  });

  it('is not ok when problems are listed, and falls back to the lowest problem index', () => {
    const s = summariseVerification({ ok: true, problems: [{ kind: 'ROOT_MISMATCH', index: 9 }, { kind: 'BAD_SIGNATURE' }, { kind: 'MISSING_ENTRY', index: 4 }] });
    expect(s.ok).toBe(false);
    expect(s.firstBadIndex).toBe(4);
  });
});

describe('toReportRequest', () => {
  it('sends the period like a pack, and the framework only when one is chosen', () => {
    const pack = toPackRequest({ framework: 'SOC2', controls: ['CC6.1'], from: '2026-01-01', to: '2026-03-31' });
    const withFramework = toReportRequest({ framework: ' SOC2 ', controls: ['CC6.1'], from: '2026-01-01', to: '2026-03-31' });
    expect(withFramework).toEqual({ from: pack.from, to: pack.to, frameworks: ['SOC2'] });
    const everything = toReportRequest({ framework: '', controls: [], from: '2026-01-01', to: '2026-03-31' });
    expect(everything).toEqual({ from: pack.from, to: pack.to });
  });

  it('refuses a reversed or missing period', () => {
    expect(() => toReportRequest({ framework: '', controls: [], from: '2026-04-01', to: '2026-03-31' })).toThrow(/period/);
    expect(() => toReportRequest({ framework: '', controls: [], from: '', to: '2026-03-31' })).toThrow(/period/);
  });
});
