import { describe, expect, it } from 'vitest';
import type { ExplorerResult } from '../../api/cost';
import { applySavedFilter, explorerParams, explorerState, filtersToSave, parseFilter, presetRange, stackOrder, sunburst, tableCsv, tableRows } from './explorerModel';

const today = new Date(Date.UTC(2026, 10, 22));

const result = {
  currency: 'USD',
  from: '2026-08-01',
  to: '2026-11-01',
  groupBy: ['service'],
  periods: ['2026-08-01', '2026-09-01', '2026-10-01'],
  total: 200,
  previousTotal: 150,
  groups: [
    { key: ['(other)'], label: '(other)', other: true, total: 20, previousTotal: 0, values: [10, 5, 5] },
    { key: ['Compute, "big"'], label: 'Compute, "big"', other: false, total: 150, previousTotal: 100, values: [50, 50, 50] },
    { key: ['=cmd'], label: '=cmd', other: false, total: 30, previousTotal: 50, values: [10, 10, 10] },
  ],
} as unknown as ExplorerResult;

describe('explorer model', () => {
  it('turns presets into ranges with an exclusive end', () => {
    expect(presetRange('last30', today)).toEqual({ from: '2026-10-24', to: '2026-11-23' });
    expect(presetRange('thisMonth', today)).toEqual({ from: '2026-11-01', to: '2026-11-23' });
    expect(presetRange('lastMonth', today)).toEqual({ from: '2026-10-01', to: '2026-11-01' });
    expect(presetRange('last3', today)).toEqual({ from: '2026-08-01', to: '2026-11-01' });
    expect(presetRange('last12', today)).toEqual({ from: '2025-11-01', to: '2026-11-01' });
  });

  it('reads the URL with defaults and keeps custom ranges and filters', () => {
    const s = explorerState(new URLSearchParams('g=service&g=team&g=region&f=provider=aws&f=bad&range=custom&from=2026-01-01&to=2026-02-01&cmp=1&top=5'), today);
    expect(s.groupBy).toEqual(['service', 'team']);
    expect(s.filters).toEqual(['provider=aws']);
    expect([s.from, s.to, s.compare, s.top, s.view, s.granularity]).toEqual(['2026-01-01', '2026-02-01', true, 5, 'amortized', 'month']);
    expect(explorerParams(s)).toMatchObject({ compare: 'previous', groupBy: ['service', 'team'], filter: ['provider=aws'] });
    expect(explorerState(new URLSearchParams(''), today).groupBy).toEqual(['service']);
    expect(parseFilter('tag:team!=')).toEqual({ dimension: 'tag:team', negate: true, value: '' });
  });

  it('computes change and share, and writes a CSV that survives commas, quotes and formulas', () => {
    const rows = tableRows(result);
    expect(rows.map((r) => r.share)).toEqual([10, 75, 15]);
    expect(rows[0].changePercent).toBeNull();
    expect(rows[1].changePercent).toBe(50);
    const csv = tableCsv(result, true).split('\r\n');
    expect(csv[0]).toBe('group,total,previous,change_percent,share_percent,currency');
    expect(csv[2]).toBe('"Compute, ""big""",150,100,50.00,75.00,USD');
    expect(csv[3]).toBe('"=cmd",30,50,-40.00,15.00,USD');
  });

  it('stacks (other) last and builds provider → service → team', () => {
    expect(stackOrder(result.groups ?? []).map((g) => g.label)).toEqual(['Compute, "big"', '=cmd', '(other)']);
    const ps = { groups: [{ key: ['aws', 'EC2'], total: 100 }, { key: ['gcp', 'EC2'], total: 100 }, { key: ['aws', 'S3'], total: 10 }] } as unknown as ExplorerResult;
    const st = { groups: [{ key: ['EC2', 'web'], total: 150 }, { key: ['EC2', ''], total: 50 }] } as unknown as ExplorerResult;
    const tree = sunburst(ps, st);
    expect(tree.map((p) => p.name)).toEqual(['aws', 'gcp']);
    expect(tree[0].children?.[0]).toEqual({ name: 'EC2', children: [{ name: 'web', value: 75 }, { name: '(unallocated)', value: 25 }] });
    expect(tree[0].children?.[1]).toEqual({ name: 'S3', value: 10 });
  });
});

describe('saved filters in the explorer', () => {
  it('applies a saved filter by id and restores the view it was saved with', () => {
    const p = new URLSearchParams('g=service&f=region=eu-west-1&gran=day');
    applySavedFilter(p, { id: 'sf-1', groupBy: ['team', 'account'], metric: 'BilledCost', granularity: 'month' });
    expect(p.get('sf')).toBe('sf-1');
    expect(p.getAll('g')).toEqual(['team', 'account']);
    expect(p.get('metric')).toBe('BilledCost');
    expect(p.get('gran')).toBe('month');
    expect(p.getAll('f')).toEqual(['region=eu-west-1']);
    expect(explorerParams(explorerState(p)).savedFilter).toBe('sf-1');
    const bare = new URLSearchParams('g=service');
    applySavedFilter(bare, { id: 'sf-2', groupBy: null, metric: null, granularity: null });
    expect(bare.getAll('g')).toEqual(['service']);
  });

  it('saves the applied filter and the explicit ones together, once each', () => {
    expect(filtersToSave(['service=EC2', 'tag:team=a'], { filters: ['tag:team=a', 'account=1'] })).toEqual(['tag:team=a', 'account=1', 'service=EC2']);
    expect(filtersToSave(['service=EC2'])).toEqual(['service=EC2']);
  });
});
