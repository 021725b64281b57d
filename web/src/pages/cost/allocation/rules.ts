// Pure logic of the allocation editor: rule drafts, tag-key normalisation as the server does it, reordering,
// error paths, preview summaries and the coverage headline. Kept free of React so it is unit-tested directly.
import {
  DIMENSIONS,
  UNALLOCATED,
  type AllocationPreviewLine,
  type AllocationPreviewResult,
  type AllocationRule,
  type Assignment,
  type Condition,
  type ConditionField,
  type ConditionOp,
  type Coverage,
  type CoverageSlice,
  type Dimension,
  type SharedCostRule,
  type SharedCostTarget,
} from '../../../api/costAllocation';

export const FIELDS: ConditionField[] = [
  'TAG',
  'BILLING_ACCOUNT',
  'SUB_ACCOUNT',
  'PROVIDER',
  'SERVICE_NAME',
  'SERVICE_CATEGORY',
  'REGION',
  'RESOURCE_TYPE',
  'RESOURCE_NAME',
  'RESOURCE_ID',
  'CHARGE_CATEGORY',
];
export const OPS: ConditionOp[] = ['EQUALS', 'GLOB', 'REGEX', 'EXISTS', 'MISSING'];

/** Whether an operator compares against values (EXISTS and MISSING do not). */
export function opTakesValues(op?: ConditionOp): boolean {
  return op !== 'EXISTS' && op !== 'MISSING';
}

/** How an assignment is given in the editor. */
export type AssignMode = 'none' | 'value' | 'fromTag';

export function assignMode(a?: Assignment | null): AssignMode {
  if (a?.fromTag !== undefined && a.fromTag !== null) return 'fromTag';
  if (a?.value !== undefined && a.value !== null) return 'value';
  return 'none';
}

/**
 * A tag key as the server compares it: lower-cased, with `-`, `_` and spaces removed (synonyms configured on
 * the server, such as `squad` for `team`, apply on top of this).
 */
export function normaliseTagKey(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, '');
}

/** Spellings of a tag key that the server treats as the same key (a few examples, for the editor's hint). */
export function tagKeyVariants(key: string): string[] {
  const trimmed = key.trim();
  if (!trimmed) return [];
  const words = trimmed
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const variants = [
    trimmed,
    words.join(''),
    words.map(cap).join(''),
    words.join('').toUpperCase(),
    words.length > 1 ? words.join('-') : cap(words[0]),
    words.length > 1 ? words.join('_') : words[0].toUpperCase(),
    words.length > 1 ? words[0] + words.slice(1).map(cap).join('') : '',
  ];
  return [...new Set(variants.filter(Boolean))];
}

export function emptyCondition(): Condition {
  return { field: 'TAG', key: '', op: 'EXISTS', values: [] };
}

export function emptyRule(): AllocationRule {
  return { name: '', conditions: [emptyCondition()], assign: {} };
}

/** Moves the item at `from` to `to` (a new array; out-of-range moves change nothing). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** Values typed as one comma-separated line. */
export function splitValues(text: string): string[] {
  return text
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

function cleanCondition(c: Condition): Condition {
  const out: Condition = { field: c.field, op: c.op };
  if (c.field === 'TAG') out.key = (c.key ?? '').trim();
  if (opTakesValues(c.op)) out.values = (c.values ?? []).map((v) => v.trim()).filter(Boolean);
  return out;
}

function cleanAssignment(a?: Assignment | null): Assignment | undefined {
  const mode = assignMode(a);
  if (mode === 'fromTag') return { fromTag: (a?.fromTag ?? '').trim() };
  if (mode === 'value') return { value: (a?.value ?? '').trim() };
  return undefined;
}

/** The rule as the server takes it: keys only where they mean something, values trimmed, unset dimensions left out. */
export function cleanRule(rule: AllocationRule): AllocationRule {
  const assign: Record<string, Assignment> = {};
  for (const d of DIMENSIONS) {
    const a = cleanAssignment(rule.assign?.[d]);
    if (a) assign[d] = a;
  }
  return {
    ...(rule.id ? { id: rule.id } : {}),
    name: (rule.name ?? '').trim(),
    conditions: (rule.conditions ?? []).map(cleanCondition),
    assign,
  };
}

export function cleanSharedCost(pool: SharedCostRule): SharedCostRule {
  return {
    ...(pool.id ? { id: pool.id } : {}),
    name: (pool.name ?? '').trim(),
    conditions: (pool.conditions ?? []).map(cleanCondition),
    dimension: pool.dimension || 'team',
    method: pool.method ?? 'EVEN',
    targets: (pool.targets ?? [])
      .filter((t) => (t.value ?? '').trim())
      .map((t) => (pool.method === 'FIXED' ? { value: (t.value ?? '').trim(), percent: Number(t.percent ?? 0) } : { value: (t.value ?? '').trim() })),
  };
}

/** The sum of a FIXED pool's percentages, to two decimals (floating-point noise removed). */
export function percentSum(targets: readonly SharedCostTarget[] | undefined): number {
  const sum = (targets ?? []).reduce((s, t) => s + (Number.isFinite(Number(t.percent)) ? Number(t.percent) : 0), 0);
  return Math.round(sum * 100) / 100;
}

/** Whether a pool can be saved as far as the split goes: FIXED needs percentages summing to exactly 100. */
export function splitValid(pool: SharedCostRule): boolean {
  if (pool.method !== 'FIXED') return true;
  const targets = (pool.targets ?? []).filter((t) => (t.value ?? '').trim());
  return targets.length > 0 && percentSum(targets) === 100;
}

/** `rules[1].conditions[0].values` -> ["rule", 2, "condition", 1, "values"]: 1-based positions for people. */
export function errorPathParts(path: string): { index?: number; kind: string }[] {
  const parts: { index?: number; kind: string }[] = [];
  for (const segment of path.split('.')) {
    const m = /^(\w+)\[(\d+)\]$/.exec(segment);
    if (m) parts.push({ kind: m[1], index: Number(m[2]) + 1 });
    else if (segment) parts.push({ kind: segment });
  }
  return parts;
}

/** The rule (0-based) a server error path points at, if any. */
export function ruleIndexOf(path: string): number | undefined {
  const m = /^rules\[(\d+)\]/.exec(path);
  return m ? Number(m[1]) : undefined;
}

export interface UnallocatedChange {
  currency: string;
  before: number;
  after: number;
  delta: number;
}

/** The preview's change of the unallocated bucket of one dimension, per currency (0 when a currency has none). */
export function unallocatedChange(result: AllocationPreviewResult | undefined, dimension: Dimension): UnallocatedChange[] {
  const lines = result?.dimensions?.[dimension] ?? [];
  const currencies = [...new Set(lines.map((l) => l.currency ?? ''))].sort();
  return currencies.map((currency) => {
    const u = (result?.unallocated?.[dimension] ?? []).find((l) => l.currency === currency);
    return { currency, before: Number(u?.before ?? 0), after: Number(u?.after ?? 0), delta: Number(u?.delta ?? 0) };
  });
}

/** The preview lines of a dimension, the unallocated bucket last, the others by cost after, largest first. */
export function previewLines(result: AllocationPreviewResult | undefined, dimension: Dimension): AllocationPreviewLine[] {
  const lines = [...(result?.dimensions?.[dimension] ?? [])];
  return lines.sort((a, b) => {
    const ua = a.value === UNALLOCATED ? 1 : 0;
    const ub = b.value === UNALLOCATED ? 1 : 0;
    if (ua !== ub) return ua - ub;
    return Math.max(Number(b.after ?? 0), Number(b.before ?? 0)) - Math.max(Number(a.after ?? 0), Number(a.before ?? 0));
  });
}

/** The headline coverage: the overall slice of the currency with the most cost (null without cost). */
export function coverageHeadline(coverage: Coverage | undefined): CoverageSlice | null {
  const overall = [...(coverage?.overall ?? [])].sort((a, b) => Number(b.cost ?? 0) - Number(a.cost ?? 0));
  return overall[0] ?? null;
}

/** `YYYY-MM` of the month before `now`, in UTC (the server's default month). */
export function lastMonth(now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

/** The first and last day (`YYYY-MM-DD`) of a `YYYY-MM` month. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** A `YYYY-MM` from the URL, or the fallback when it is missing or malformed. */
export function monthParam(value: string | null, fallback: string): string {
  return value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : fallback;
}

/** A rule's editable copy that can be compared with the saved list (ids and order matter). */
export function sameRules(a: readonly AllocationRule[], b: readonly AllocationRule[]): boolean {
  return JSON.stringify(a.map(cleanRule)) === JSON.stringify(b.map(cleanRule));
}
