// Calls, query keys and type aliases of the cost module's allocation, chargeback and budget endpoints (issue 6,
// part 2 of the Cost area). Types are the generated ones (src/api/schema.d.ts); nothing here describes a body by hand.
import { useQuery } from '@tanstack/react-query';
import type { components } from './schema';
import { api, unwrap } from './client';
import { downloadAuthenticated } from '../lib/download';

type S = components['schemas'];
export type AllocationRule = S['AllocationRule'];
export type Condition = S['Condition'];
export type ConditionField = NonNullable<Condition['field']>;
export type ConditionOp = NonNullable<Condition['op']>;
export type Assignments = S['Assignments'];
export type Assignment = S['Assignment'];
export type Reallocation = S['Reallocation'];
export type RulesSaved = S['RulesSaved'];
export type AllocationPreviewResult = S['AllocationPreviewResult'];
export type AllocationPreviewLine = S['AllocationPreviewLine'];
export type SharedCostRule = S['SharedCostRule'];
export type SharedCostMethod = NonNullable<SharedCostRule['method']>;
export type SharedCostTarget = S['Target'];
export type Coverage = S['Coverage'];
export type CoverageSlice = S['Slice'];
export type ChargebackReport = S['ChargebackReport'];
export type ChargebackLine = S['ChargebackLine'];
export type ChargebackPool = S['Pool'];
export type Budget = S['Budget'];
export type BudgetScope = S['Scope'];
export type BudgetScopeType = NonNullable<BudgetScope['type']>;
export type BudgetPeriod = NonNullable<Budget['period']>;
export type BudgetStatus = S['BudgetStatus'];
export type BudgetThreshold = S['Threshold'];
export type BurnDownPoint = S['BurnDownPoint'];

/** The four allocation dimensions, in the order the server lists them. */
export const DIMENSIONS = ['team', 'project', 'environment', 'costCenter'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The bucket of cost no rule allocated (the server's name for it). */
export const UNALLOCATED = '(unallocated)';

export const costKeys = {
  rules: ['cost', 'allocation', 'rules'] as const,
  sharedCosts: ['cost', 'allocation', 'shared-costs'] as const,
  coverage: (from: string, to: string, dimension: string) => ['cost', 'allocation', 'coverage', from, to, dimension] as const,
  reallocations: ['cost', 'allocation', 'reallocations'] as const,
  reallocation: (id: string) => ['cost', 'allocation', 'reallocations', id] as const,
  chargeback: (month: string, dimension: string) => ['cost', 'chargeback', month, dimension] as const,
  budgets: ['cost', 'budgets'] as const,
  budget: (id: string) => ['cost', 'budgets', id] as const,
  budgetStatus: (id: string, asOf?: string) => ['cost', 'budgets', id, 'status', asOf ?? ''] as const,
};

export const costApi = {
  rules: () => unwrap(api.GET('/api/v1/cost/allocation/rules')),
  saveRules: (rules: AllocationRule[]) => unwrap(api.PUT('/api/v1/cost/allocation/rules', { body: { rules } })) as Promise<RulesSaved>,
  preview: (rules: AllocationRule[], month?: string) =>
    unwrap(api.POST('/api/v1/cost/allocation/preview', { body: { rules, month } })),
  reallocations: (limit = 5) => unwrap(api.GET('/api/v1/cost/allocation/reallocations', { params: { query: { limit } } })),
  reallocation: (id: string) => unwrap(api.GET('/api/v1/cost/allocation/reallocations/{id}', { params: { path: { id } } })),
  sharedCosts: () => unwrap(api.GET('/api/v1/cost/allocation/shared-costs')),
  saveSharedCosts: (rules: SharedCostRule[]) => unwrap(api.PUT('/api/v1/cost/allocation/shared-costs', { body: { rules } })),
  coverage: (from: string, to: string, dimension: string) =>
    unwrap(api.GET('/api/v1/cost/allocation/coverage', { params: { query: { from, to, dimension } } })),
  chargeback: (month: string, dimension: string) =>
    unwrap(api.GET('/api/v1/cost/chargeback', { params: { query: { month, dimension } } })),
  budgets: () => unwrap(api.GET('/api/v1/cost/budgets')),
  budget: (id: string) => unwrap(api.GET('/api/v1/cost/budgets/{id}', { params: { path: { id } } })),
  createBudget: (body: Budget) => unwrap(api.POST('/api/v1/cost/budgets', { body })) as Promise<Budget>,
  updateBudget: (id: string, body: Budget) => unwrap(api.PUT('/api/v1/cost/budgets/{id}', { params: { path: { id } }, body })),
  deleteBudget: (id: string) => unwrap(api.DELETE('/api/v1/cost/budgets/{id}', { params: { path: { id } } })),
  budgetStatus: (id: string, asOf?: string) =>
    unwrap(api.GET('/api/v1/cost/budgets/{id}/status', { params: { path: { id }, query: asOf ? { asOf } : {} } })),
};

/** Downloads the chargeback as CSV or PDF (an authenticated fetch, saved under the server's file name). */
export function downloadChargeback(month: string, dimension: string, format: 'csv' | 'pdf'): Promise<void> {
  const q = new URLSearchParams({ month, dimension, format });
  return downloadAuthenticated(
    `/api/v1/cost/chargeback/export?${q.toString()}`,
    `chargeback-${month}-${dimension}.${format}`,
    format === 'csv' ? 'text/csv, */*' : 'application/pdf, */*',
  );
}

export function useCoverage(from: string, to: string, dimension: string) {
  return useQuery({ queryKey: costKeys.coverage(from, to, dimension), queryFn: () => costApi.coverage(from, to, dimension) });
}

export function useBudgetStatus(id: string, asOf?: string) {
  return useQuery({ queryKey: costKeys.budgetStatus(id, asOf), queryFn: () => costApi.budgetStatus(id, asOf) });
}
