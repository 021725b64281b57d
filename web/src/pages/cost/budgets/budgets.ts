// Pure logic of the budget pages: the form <-> the API's Budget, percentages, threshold chips and the
// burn-down series (cumulative actual, the budget line, and the run-rate projection to the period's end).
import type { Budget, BudgetPeriod, BudgetScopeType, BudgetStatus, BudgetThreshold } from '../../../api/costAllocation';

export const SCOPE_TYPES: BudgetScopeType[] = ['TENANT', 'TEAM', 'BILLING_ACCOUNT', 'SERVICE', 'TAG', 'SAVED_FILTER'];
export const PERIODS: BudgetPeriod[] = ['MONTHLY', 'QUARTERLY', 'ANNUAL'];
export const DEFAULT_PERCENTS = '50, 80, 100';

export interface BudgetForm {
  name: string;
  scopeType: BudgetScopeType;
  scopeValue: string;
  /** SAVED_FILTER scope: the saved explorer filter's id */
  savedFilterId: string;
  period: BudgetPeriod;
  amount: string;
  currency: string;
  perMonth: boolean;
  /** month 1..12 -> amount text */
  monthly: Record<string, string>;
  actual: string;
  projected: string;
}

export function emptyForm(): BudgetForm {
  return {
    name: '',
    scopeType: 'TEAM',
    scopeValue: '',
    savedFilterId: '',
    period: 'MONTHLY',
    amount: '',
    currency: 'USD',
    perMonth: false,
    monthly: {},
    actual: DEFAULT_PERCENTS,
    projected: DEFAULT_PERCENTS,
  };
}

/** "50, 80, 100" -> [50, 80, 100]; null when a part is not a number (an empty text is an empty list). */
export function parsePercents(text: string): number[] | null {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  const out: number[] = [];
  for (const p of parts) {
    const n = Number(p.replace(',', '.'));
    if (!Number.isFinite(n)) return null;
    out.push(n);
  }
  return out;
}

function parseAmount(text: string): number | undefined {
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() && Number.isFinite(n) ? n : undefined;
}

/** Problems the form can find before asking the server (which checks everything again), keyed like the server's fields. */
export function formProblems(f: BudgetForm): Record<string, string> {
  const p: Record<string, string> = {};
  if (!f.name.trim()) p.name = 'required';
  if (f.scopeType !== 'TENANT' && f.scopeType !== 'SAVED_FILTER' && !f.scopeValue.trim()) p['scope.value'] = 'required';
  if (f.scopeType === 'TAG' && f.scopeValue.trim() && f.scopeValue.indexOf('=') < 1) p['scope.value'] = 'keyValue';
  if (f.scopeType === 'SAVED_FILTER' && !f.savedFilterId) p['scope.savedFilterId'] = 'required';
  const amount = parseAmount(f.amount);
  if (amount === undefined || amount <= 0) p.amount = 'positive';
  if (!/^[A-Z]{3}$/.test(f.currency)) p.currency = 'currency';
  if (parsePercents(f.actual) === null) p['thresholds.actual'] = 'percents';
  if (parsePercents(f.projected) === null) p['thresholds.projected'] = 'percents';
  return p;
}

/** The form as the API's budget. */
export function toBudget(f: BudgetForm): Budget {
  const scope: Budget['scope'] = { type: f.scopeType };
  if (f.scopeType === 'SAVED_FILTER') {
    scope.savedFilterId = f.savedFilterId;
  } else if (f.scopeType !== 'TENANT') {
    scope.value = f.scopeValue.trim();
  }
  const monthlyAmounts: Record<string, number> = {};
  if (f.period === 'MONTHLY' && f.perMonth) {
    for (const [m, v] of Object.entries(f.monthly)) {
      const n = parseAmount(v);
      if (n !== undefined) monthlyAmounts[m] = n;
    }
  }
  return {
    name: f.name.trim(),
    scope,
    period: f.period,
    amount: parseAmount(f.amount),
    ...(Object.keys(monthlyAmounts).length ? { monthlyAmounts } : {}),
    currency: f.currency.trim().toUpperCase(),
    thresholds: { actual: parsePercents(f.actual) ?? [], projected: parsePercents(f.projected) ?? [] },
  };
}

/** A budget from the API as the form edits it. */
export function fromBudget(b: Budget): BudgetForm {
  const monthly = Object.fromEntries(Object.entries(b.monthlyAmounts ?? {}).map(([k, v]) => [k, String(v)]));
  return {
    name: b.name ?? '',
    scopeType: b.scope?.type ?? 'TENANT',
    scopeValue: b.scope?.value ?? '',
    savedFilterId: b.scope?.savedFilterId ?? '',
    period: b.period ?? 'MONTHLY',
    amount: b.amount === undefined || b.amount === null ? '' : String(b.amount),
    currency: b.currency ?? 'USD',
    perMonth: Object.keys(monthly).length > 0,
    monthly,
    actual: (b.thresholds?.actual ?? []).join(', '),
    projected: (b.thresholds?.projected ?? []).join(', '),
  };
}

/** Projected spend as a percentage of the amount (null without an amount). */
export function projectedPercent(s: BudgetStatus | undefined): number | null {
  const amount = Number(s?.amount ?? 0);
  if (!s || !amount) return null;
  return Math.round((Number(s.projected ?? 0) / amount) * 10000) / 100;
}

export type BudgetSeverity = 'error' | 'warning' | 'info' | 'success';

/**
 * The colour of a budget by the worst threshold crossed in its period: an actual threshold of 100 % or more is an
 * error, any other actual one a warning, a projected one only information; none crossed is success.
 */
export function budgetSeverity(s: BudgetStatus | undefined): BudgetSeverity {
  const crossed = crossedThresholds(s);
  const actual = crossed.filter((c) => c.kind !== 'PROJECTED');
  if (actual.some((c) => Number(c.percent) >= 100)) return 'error';
  if (actual.length) return 'warning';
  return crossed.length ? 'info' : 'success';
}

/** The crossed thresholds, actual first, each kind by percentage. */
export function crossedThresholds(s: BudgetStatus | undefined): BudgetThreshold[] {
  return [...(s?.thresholds ?? [])]
    .filter((t) => t.crossed)
    .sort((a, b) => (a.kind === b.kind ? Number(a.percent) - Number(b.percent) : a.kind === 'ACTUAL' || a.kind === 'actual' ? -1 : 1));
}

export interface BurnDownSeries {
  days: string[];
  actual: (number | null)[];
  budget: number[];
  projection: (number | null)[];
}

/**
 * The chart's series: cumulative actual (null after the as-of day), the linear budget line, and the projection
 * from the last actual day straight to the projected spend at the period's end (null before that day).
 */
export function burnDownSeries(s: BudgetStatus | undefined): BurnDownSeries {
  const points = s?.burnDown ?? [];
  const days = points.map((p) => p.day ?? '');
  const actual = points.map((p) => (p.actualCumulative === undefined || p.actualCumulative === null ? null : Number(p.actualCumulative)));
  const budget = points.map((p) => Number(p.budgetLine ?? 0));
  let last = -1;
  actual.forEach((v, i) => {
    if (v !== null) last = i;
  });
  const end = points.length - 1;
  const projected = Number(s?.projected ?? 0);
  const projection = points.map((_, i) => {
    if (last < 0 || last === end || i < last) return null;
    const from = actual[last] ?? 0;
    return Math.round((from + ((projected - from) * (i - last)) / (end - last)) * 100) / 100;
  });
  return { days, actual, budget, projection };
}

/** Today as `YYYY-MM-DD` in UTC (the server's default as-of day). */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
