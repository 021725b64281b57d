import { describe, expect, it } from 'vitest';
import type { BudgetStatus } from '../../../api/costAllocation';
import { budgetSeverity, burnDownSeries, crossedThresholds, emptyForm, formProblems, fromBudget, parsePercents, projectedPercent, toBudget } from './budgets';

describe('budget form', () => {
  it('defaults to thresholds at 50, 80 and 100 % on actual and projected spend', () => {
    const body = toBudget({ ...emptyForm(), name: 'Payments', scopeValue: 'payments', amount: '12000' });
    expect(body).toEqual({
      name: 'Payments',
      scope: { type: 'TEAM', value: 'payments' },
      period: 'MONTHLY',
      amount: 12000,
      currency: 'USD',
      thresholds: { actual: [50, 80, 100], projected: [50, 80, 100] },
    });
  });

  it('sends per-month amounts only for monthly budgets, and a filter scope as lists', () => {
    const monthly = toBudget({ ...emptyForm(), name: 'x', scopeType: 'TENANT', amount: '10', perMonth: true, monthly: { '12': '15', '1': '' } });
    expect(monthly.monthlyAmounts).toEqual({ '12': 15 });
    expect(monthly.scope).toEqual({ type: 'TENANT' });
    const quarterly = toBudget({ ...emptyForm(), name: 'x', period: 'QUARTERLY', amount: '10', perMonth: true, monthly: { '12': '15' } });
    expect(quarterly.monthlyAmounts).toBeUndefined();
    const filtered = toBudget({ ...emptyForm(), name: 'x', scopeType: 'SAVED_FILTER', scopeValue: 'ignored', amount: '1', savedFilterId: 'sf-1' });
    expect(filtered.scope).toEqual({ type: 'SAVED_FILTER', savedFilterId: 'sf-1' });
    expect(fromBudget({ ...filtered, id: 'b' }).savedFilterId).toBe('sf-1');
    expect(formProblems({ ...emptyForm(), name: 'x', scopeType: 'SAVED_FILTER', amount: '1' })).toEqual({ 'scope.savedFilterId': 'required' });
  });

  it('round-trips a budget from the API', () => {
    const b = { id: 'b1', name: 'B', scope: { type: 'TAG' as const, value: 'team=a' }, period: 'MONTHLY' as const, amount: 5,
      monthlyAmounts: { '3': 7 }, currency: 'EUR', thresholds: { actual: [90], projected: [] } };
    const form = fromBudget(b);
    expect(form.perMonth).toBe(true);
    expect(form.actual).toBe('90');
    const { id: _id, ...rest } = b;
    expect(toBudget(form)).toEqual(rest);
  });

  it('names the problems it can see before the server does', () => {
    expect(formProblems({ ...emptyForm(), scopeType: 'TAG', scopeValue: 'team', amount: '0', currency: 'us', actual: '50, x' })).toEqual({
      name: 'required',
      'scope.value': 'keyValue',
      amount: 'positive',
      currency: 'currency',
      'thresholds.actual': 'percents',
    });
    expect(parsePercents('50; 80 100')).toEqual([50, 80, 100]);
    expect(parsePercents('')).toEqual([]);
  });
});

describe('budget status', () => {
  const status = {
    amount: 300,
    actual: 40,
    projected: 300,
    thresholds: [
      { kind: 'PROJECTED', percent: 100, crossed: true },
      { kind: 'ACTUAL', percent: 80, crossed: false },
      { kind: 'ACTUAL', percent: 10, crossed: true },
    ],
    burnDown: [
      { day: '2026-11-01', actualCumulative: 10, budgetLine: 100 },
      { day: '2026-11-02', actualCumulative: 40, budgetLine: 200 },
      { day: '2026-11-03', actualCumulative: null, budgetLine: 300 },
    ],
  } as unknown as BudgetStatus; // the server sends null after the as-of day

  it('projects from the last actual day to the projected spend at the end', () => {
    expect(burnDownSeries(status)).toEqual({
      days: ['2026-11-01', '2026-11-02', '2026-11-03'],
      actual: [10, 40, null],
      budget: [100, 200, 300],
      projection: [null, 40, 300],
    });
  });

  it('has no projection line for a finished period', () => {
    const done = { ...status, burnDown: status.burnDown!.map((p) => ({ ...p, actualCumulative: 1 })) };
    expect(burnDownSeries(done).projection).toEqual([null, null, null]);
  });

  it('lists crossed thresholds, actual first', () => {
    expect(crossedThresholds(status).map((t) => `${t.kind}:${t.percent}`)).toEqual(['ACTUAL:10', 'PROJECTED:100']);
    expect(projectedPercent(status)).toBe(100);
  });
});

describe('budget severity', () => {
  const th = (kind: string, percent: number, crossed: boolean) => ({ kind, percent, crossed });
  it('colours a budget by the worst threshold crossed', () => {
    const status = (...t: ReturnType<typeof th>[]) => ({ thresholds: t }) as BudgetStatus;
    expect(budgetSeverity(status(th('ACTUAL', 50, false), th('PROJECTED', 100, false)))).toBe('success');
    expect(budgetSeverity(status(th('ACTUAL', 50, false), th('PROJECTED', 100, true)))).toBe('info');
    expect(budgetSeverity(status(th('ACTUAL', 50, true), th('ACTUAL', 100, false), th('PROJECTED', 100, true)))).toBe('warning');
    expect(budgetSeverity(status(th('ACTUAL', 50, true), th('ACTUAL', 100, true)))).toBe('error');
    expect(budgetSeverity(undefined)).toBe('success');
  });
});
