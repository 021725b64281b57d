// The explorer's state as the URL keeps it, its date presets, and what is derived from an answer (table rows, CSV).
import type { ExplorerGroup, ExplorerParams, ExplorerResult } from '../../api/cost';

export const PRESETS = ['last30', 'thisMonth', 'lastMonth', 'last3', 'last6', 'last12', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];
export const GRANULARITIES = ['day', 'week', 'month'] as const;
export const METRICS = ['EffectiveCost', 'BilledCost', 'ListCost', 'ContractedCost'] as const;
export const TOPS = [5, 10, 20, 50] as const;

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));

/** A preset's range: first day inclusive, last day exclusive (what the API takes). */
export function presetRange(preset: Preset, today: Date = new Date()): { from: string; to: string } {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  const tomorrow = iso(utc(y, m, today.getUTCDate() + 1));
  switch (preset) {
    case 'thisMonth':
      return { from: iso(utc(y, m, 1)), to: tomorrow };
    case 'lastMonth':
      return { from: iso(utc(y, m - 1, 1)), to: iso(utc(y, m, 1)) };
    case 'last3':
    case 'last6':
    case 'last12': {
      // the N whole months before this one
      const n = Number(preset.slice(4));
      return { from: iso(utc(y, m - n, 1)), to: iso(utc(y, m, 1)) };
    }
    default:
      return { from: iso(utc(y, m, today.getUTCDate() - 29)), to: tomorrow };
  }
}

export interface ExplorerState extends Required<Pick<ExplorerParams, 'view' | 'granularity' | 'top'>> {
  metric?: string;
  groupBy: string[];
  filters: string[];
  preset: Preset;
  from: string;
  to: string;
  compare: boolean;
  currency?: string;
  /** id of the saved filter applied (URL `sf`); its filters are ANDed with `filters` by the server */
  savedFilter?: string;
}

/** The explorer state of a URL query (defaults: amortized, by service, monthly, last 3 months, top 10). */
export function explorerState(p: URLSearchParams, today: Date = new Date()): ExplorerState {
  const preset = (PRESETS as readonly string[]).includes(p.get('range') ?? '') ? (p.get('range') as Preset) : 'last3';
  const range = presetRange(preset, today);
  const groupBy = p.getAll('g').filter(Boolean).slice(0, 2);
  const gran = p.get('gran') ?? '';
  const top = Number(p.get('top'));
  const metric = p.get('metric') ?? '';
  return {
    view: p.get('view') === 'actual' ? 'actual' : 'amortized',
    metric: (METRICS as readonly string[]).includes(metric) ? metric : undefined,
    groupBy: groupBy.length ? groupBy : ['service'],
    filters: p.getAll('f').filter((f) => /^[^=!]+!?=/.test(f)),
    granularity: (GRANULARITIES as readonly string[]).includes(gran) ? gran : 'month',
    preset,
    from: preset === 'custom' ? (p.get('from') ?? range.from) : range.from,
    to: preset === 'custom' ? (p.get('to') ?? range.to) : range.to,
    top: Number.isInteger(top) && top >= 1 && top <= 1000 ? top : 10,
    compare: p.get('cmp') === '1',
    currency: p.get('cur') || undefined,
    savedFilter: p.get('sf') || undefined,
  };
}

/** The API query of an explorer state. */
export function explorerParams(s: ExplorerState): ExplorerParams {
  return {
    view: s.view,
    metric: s.metric,
    groupBy: s.groupBy,
    filter: s.filters.length ? s.filters : undefined,
    granularity: s.granularity,
    from: s.from,
    to: s.to,
    top: s.top,
    compare: s.compare ? 'previous' : undefined,
    currency: s.currency,
    savedFilter: s.savedFilter,
  };
}

/** A filter `dim=value` / `dim!=value` split up. */
export function parseFilter(f: string): { dimension: string; negate: boolean; value: string } {
  const i = f.indexOf('=');
  const negate = f[i - 1] === '!';
  return { dimension: f.slice(0, negate ? i - 1 : i), negate, value: f.slice(i + 1) };
}

export interface TableRow {
  key: string;
  label: string;
  other: boolean;
  total: number;
  previous?: number;
  changePercent?: number | null;
  share: number;
}

/** The table of an answer: one row per group with its share of the total and its change against the previous period. */
export function tableRows(r: ExplorerResult | undefined): TableRow[] {
  if (!r) return [];
  const total = Number(r.total ?? 0);
  return (r.groups ?? []).map((g) => {
    const t = Number(g.total ?? 0);
    const prev = g.previousTotal === undefined || g.previousTotal === null ? undefined : Number(g.previousTotal);
    return {
      key: (g.key ?? []).join('\u0000'),
      label: groupLabel(g),
      other: Boolean(g.other),
      total: t,
      previous: prev,
      changePercent: prev === undefined ? undefined : prev === 0 ? null : ((t - prev) / Math.abs(prev)) * 100,
      share: total === 0 ? 0 : (t / total) * 100,
    };
  });
}

/** A group's display name: its label, or its key levels joined. */
export function groupLabel(g: ExplorerGroup): string {
  return g.label || (g.key ?? []).map((k) => k || '(none)').join(' / ') || '(none)';
}

const csvCell = (v: string | number | undefined | null) => {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The table as CSV (RFC 4180), with amounts unrounded and a leading quote against formula injection. */
export function tableCsv(r: ExplorerResult | undefined, compare: boolean): string {
  const header = ['group', 'total', ...(compare ? ['previous', 'change_percent'] : []), 'share_percent', 'currency'];
  const lines = [header.join(',')];
  for (const row of tableRows(r)) {
    lines.push(
      [
        csvCell(row.label),
        row.total,
        ...(compare ? [row.previous ?? '', row.changePercent === undefined || row.changePercent === null ? '' : row.changePercent.toFixed(2)] : []),
        row.share.toFixed(2),
        r?.currency ?? '',
      ].join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/** Groups ordered for stacking: by total, "(other)" last. */
export function stackOrder(groups: ExplorerGroup[]): ExplorerGroup[] {
  return [...groups].sort((a, b) => Number(Boolean(a.other)) - Number(Boolean(b.other)) || Number(b.total) - Number(a.total));
}

export interface SunburstNode {
  name: string;
  value?: number;
  children?: SunburstNode[];
}

/**
 * provider → service → team from two two-level answers (provider×service and service×team). A service's teams are
 * spread over its providers by the providers' shares of the service (exact when a service has one provider).
 */
export function sunburst(byProviderService?: ExplorerResult, byServiceTeam?: ExplorerResult): SunburstNode[] {
  if (!byProviderService) return [];
  const serviceTotals = new Map<string, number>();
  for (const g of byProviderService.groups ?? []) {
    if (g.other) continue;
    const s = g.key?.[1] ?? '';
    serviceTotals.set(s, (serviceTotals.get(s) ?? 0) + Number(g.total));
  }
  const teams = new Map<string, { name: string; value: number }[]>();
  for (const g of byServiceTeam?.groups ?? []) {
    if (g.other) continue;
    const s = g.key?.[0] ?? '';
    const list = teams.get(s) ?? [];
    list.push({ name: g.key?.[1] || '(unallocated)', value: Number(g.total) });
    teams.set(s, list);
  }
  const providers = new Map<string, SunburstNode>();
  for (const g of byProviderService.groups ?? []) {
    const provider = g.other ? '(other)' : g.key?.[0] || '(none)';
    const service = g.other ? '(other)' : g.key?.[1] || '(none)';
    const value = Number(g.total);
    if (value <= 0) continue;
    const p = providers.get(provider) ?? { name: provider, children: [] };
    providers.set(provider, p);
    const share = g.other ? 0 : value / (serviceTotals.get(g.key?.[1] ?? '') || value);
    const children = (teams.get(g.key?.[1] ?? '') ?? [])
      .map((t) => ({ name: t.name, value: t.value * share }))
      .filter((t) => t.value > 0);
    const covered = children.reduce((a, c) => a + c.value, 0);
    if (children.length && value - covered > value * 0.005) children.push({ name: '(other)', value: value - covered });
    p.children!.push(children.length ? { name: service, children } : { name: service, value });
  }
  return [...providers.values()];
}

/**
 * The URL change that applies a saved filter: `sf` names it and, where it was saved with them, the grouping, metric
 * and granularity are restored. The explicit filters stay (they are ANDed with the saved ones).
 */
export function applySavedFilter(p: URLSearchParams, f: { id?: string; groupBy?: string[] | null; metric?: string | null; granularity?: string | null }) {
  if (!f.id) return;
  p.set('sf', f.id);
  if (f.groupBy?.length) {
    p.delete('g');
    f.groupBy.slice(0, 2).forEach((g) => p.append('g', g));
  }
  if (f.metric) p.set('metric', f.metric);
  if (f.granularity) p.set('gran', f.granularity);
}

/** What "save filters" saves: the applied saved filter's filters, then the explicit ones, without repeats. */
export function filtersToSave(explicit: string[], applied?: { filters?: string[] | null }): string[] {
  return [...new Set([...(applied?.filters ?? []), ...explicit])];
}
