import { describe, expect, it } from 'vitest';
import {
  cleanRule,
  cleanSharedCost,
  coverageHeadline,
  errorPathParts,
  lastMonth,
  monthParam,
  monthRange,
  moveItem,
  normaliseTagKey,
  percentSum,
  previewLines,
  ruleIndexOf,
  sameRules,
  splitValid,
  tagKeyVariants,
  unallocatedChange,
} from './rules';

describe('tag keys', () => {
  it('normalises like the server: lower case, no - _ or spaces', () => {
    expect(normaliseTagKey('Cost-Center')).toBe('costcenter');
    expect(normaliseTagKey('cost_center')).toBe('costcenter');
    expect(normaliseTagKey('COST CENTER')).toBe('costcenter');
    expect(normaliseTagKey('Team')).toBe('team');
  });

  it('offers spellings that all normalise to the same key', () => {
    const variants = tagKeyVariants('costCenter');
    expect(variants).toEqual(expect.arrayContaining(['costCenter', 'costcenter', 'CostCenter', 'COSTCENTER', 'cost-center', 'cost_center']));
    expect(new Set(variants.map(normaliseTagKey))).toEqual(new Set(['costcenter']));
    expect(tagKeyVariants('team')).toEqual(['team', 'Team', 'TEAM']);
    expect(tagKeyVariants('  ')).toEqual([]);
  });
});

describe('rule drafts', () => {
  it('moves a rule up and down, leaving out-of-range moves alone', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });

  it('sends only what a condition and an assignment mean', () => {
    const rule = cleanRule({
      name: ' Team tag ',
      conditions: [
        { field: 'TAG', key: ' Team ', op: 'EXISTS', values: ['left over'] },
        { field: 'SERVICE_NAME', key: 'ignored', op: 'EQUALS', values: [' S3 ', '', 'Blob Storage'] },
      ],
      assign: { team: { fromTag: ' team ' }, project: undefined, costCenter: { value: 'cc-1' } },
    });
    expect(rule).toEqual({
      name: 'Team tag',
      conditions: [
        { field: 'TAG', key: 'Team', op: 'EXISTS' },
        { field: 'SERVICE_NAME', op: 'EQUALS', values: ['S3', 'Blob Storage'] },
      ],
      assign: { team: { fromTag: 'team' }, costCenter: { value: 'cc-1' } },
    });
  });

  it('sees a change of order as a change', () => {
    const a = { id: '1', name: 'a', conditions: [], assign: {} };
    const b = { id: '2', name: 'b', conditions: [], assign: {} };
    expect(sameRules([a, b], [a, b])).toBe(true);
    expect(sameRules([a, b], [b, a])).toBe(false);
  });

  it('points server problems at the rule and names positions from 1', () => {
    expect(ruleIndexOf('rules[1].conditions[0].values')).toBe(1);
    expect(ruleIndexOf('rules')).toBeUndefined();
    expect(errorPathParts('rules[1].conditions[0].values')).toEqual([
      { kind: 'rules', index: 2 },
      { kind: 'conditions', index: 1 },
      { kind: 'values' },
    ]);
  });
});

describe('shared-cost pools', () => {
  it('accepts fixed percentages only when they sum to exactly 100', () => {
    const pool = { name: 'p', method: 'FIXED' as const, targets: [{ value: 'a', percent: 33.33 }, { value: 'b', percent: 33.33 }, { value: 'c', percent: 33.34 }] };
    expect(percentSum(pool.targets)).toBe(100);
    expect(splitValid(pool)).toBe(true);
    expect(splitValid({ ...pool, targets: [{ value: 'a', percent: 60 }] })).toBe(false);
    expect(splitValid({ name: 'even', method: 'EVEN', targets: [] })).toBe(true);
  });

  it('drops empty targets and percentages of non-FIXED pools', () => {
    expect(cleanSharedCost({ name: 'Support', method: 'EVEN', targets: [{ value: 'a', percent: 10 }, { value: ' ' }], conditions: [] })).toEqual({
      name: 'Support',
      conditions: [],
      dimension: 'team',
      method: 'EVEN',
      targets: [{ value: 'a' }],
    });
  });
});

describe('preview and coverage', () => {
  const result = {
    month: '2026-10',
    dimensions: {
      team: [
        { value: '(unallocated)', currency: 'USD', before: 100, after: 10, delta: -90 },
        { value: 'payments', currency: 'USD', before: 0, after: 60, delta: 60 },
        { value: 'search', currency: 'USD', before: 0, after: 30, delta: 30 },
      ],
    },
    unallocated: { team: [{ value: '(unallocated)', currency: 'USD', before: 100, after: 10, delta: -90 }] },
  };

  it('lists values by cost with the unallocated bucket last', () => {
    expect(previewLines(result, 'team').map((l) => l.value)).toEqual(['payments', 'search', '(unallocated)']);
    expect(previewLines(result, 'project')).toEqual([]);
  });

  it('reports the unallocated change per currency', () => {
    expect(unallocatedChange(result, 'team')).toEqual([{ currency: 'USD', before: 100, after: 10, delta: -90 }]);
  });

  it('headlines the currency with the most cost', () => {
    expect(
      coverageHeadline({
        overall: [
          { key: 'overall', currency: 'EUR', cost: 10, allocated: 10, percent: 100 },
          { key: 'overall', currency: 'USD', cost: 100, allocated: 90, percent: 90 },
        ],
      })?.currency,
    ).toBe('USD');
    expect(coverageHeadline({ overall: [] })).toBeNull();
  });

  it('works with months in UTC', () => {
    expect(lastMonth(new Date('2026-01-15T00:00:00Z'))).toBe('2025-12');
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthParam('2025-13', '2025-01')).toBe('2025-01');
    expect(monthParam('2025-07', '2025-01')).toBe('2025-07');
  });
});
