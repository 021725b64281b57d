// Cost queries (explorer, pickers, savings, a resource's cost, summary, imports). Response types come from the
// generated schema; only an import's report is typed here, since the server declares it as free-form JSON.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, rawFetch, unwrap } from './client';
import type { OkBody } from './types';

export type ExplorerResult = OkBody<'/api/v1/cost/explorer', 'get'>;
export type ExplorerGroup = NonNullable<ExplorerResult['groups']>[number];
export type Savings = OkBody<'/api/v1/cost/savings', 'get'>;
export type ResourceCost = OkBody<'/api/v1/cost/resource', 'get'>;
export type CostSummary = OkBody<'/api/v1/cost/summary', 'get'>;
export type CostImport = OkBody<'/api/v1/cost/imports/{id}', 'get'>;
export type DimensionValue = OkBody<'/api/v1/cost/dimensions/{dimension}/values', 'get'>[number];
export type SavedFilter = OkBody<'/api/v1/cost/saved-filters/{id}', 'get'>;
export type SavedFilterDefinition = {
  name: string;
  description?: string;
  filters: string[];
  groupBy?: string[];
  metric?: string;
  granularity?: string;
};

/** The query of one explorer call, as the URL carries it. */
export interface ExplorerParams {
  metric?: string;
  view?: string;
  groupBy?: string[];
  filter?: string[];
  granularity?: string;
  from?: string;
  to?: string;
  top?: number;
  compare?: string;
  currency?: string;
  savedFilter?: string;
}

/** An import's report (ImportReport on the server). */
export interface ImportReport {
  format?: { id?: string; label?: string; detectedBecause?: string };
  rowsRead?: number;
  rowsAccepted?: number;
  rowsQuarantined?: number;
  billingPeriods?: string[];
  periodsReplaced?: { billingAccountId?: string; billingPeriodStart?: string; rows?: number; previousRows?: number }[];
  reconciliation?: {
    reconciled?: boolean;
    currencies?: { currency?: string; source?: number; accepted?: number; quarantined?: number }[];
    notes?: string[];
  };
  conformance?: {
    conformant?: boolean;
    rowsChecked?: number;
    rulesPassed?: number;
    rulesFailed?: number;
    rulesNotApplicable?: number;
    failures?: {
      ruleId?: string;
      description?: string;
      keyword?: string;
      failed?: number;
      passed?: number;
      firstFailingRows?: number[];
      note?: string;
    }[];
  };
}

export interface QuarantinedRow {
  sourceRow?: number;
  reason?: string;
  raw?: Record<string, string>;
}

export const costKeys = {
  explorer: (q: ExplorerParams) => ['cost', 'explorer', q] as const,
  dimensions: ['cost', 'dimensions'] as const,
  values: (d: string, from?: string, to?: string) => ['cost', 'values', d, from ?? '', to ?? ''] as const,
  savings: (from?: string, to?: string, currency?: string) => ['cost', 'savings', from ?? '', to ?? '', currency ?? ''] as const,
  resource: (id: string) => ['cost', 'resource', id] as const,
  summary: ['cost', 'summary'] as const,
  imports: (cursor?: string) => ['cost', 'imports', cursor ?? ''] as const,
  import: (id: string) => ['cost', 'import', id] as const,
  quarantine: (id: string, cursor?: string) => ['cost', 'quarantine', id, cursor ?? ''] as const,
  savedFilters: ['cost', 'saved-filters'] as const,
};

/** The saved filters by name (the first 200: the pickers show them all). */
export function useSavedFilters(enabled = true) {
  return useQuery({
    queryKey: costKeys.savedFilters,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cost/saved-filters', { params: { query: { limit: 200 } }, signal })),
    select: (page) => page.items ?? [],
    enabled,
  });
}

export function useCreateSavedFilter() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SavedFilterDefinition) => unwrap(api.POST('/api/v1/cost/saved-filters', { body })) as Promise<SavedFilter>,
    onSuccess: () => qc.invalidateQueries({ queryKey: costKeys.savedFilters }),
  });
}

export function useExplorer(q: ExplorerParams, enabled = true) {
  return useQuery({
    queryKey: costKeys.explorer(q),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cost/explorer', { params: { query: q }, signal })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useDimensions() {
  return useQuery({
    queryKey: costKeys.dimensions,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cost/dimensions', { signal })),
    staleTime: 5 * 60_000,
  });
}

export function useDimensionValues(dimension: string | null, from?: string, to?: string) {
  return useQuery({
    queryKey: costKeys.values(dimension ?? '', from, to),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/cost/dimensions/{dimension}/values', {
          params: { path: { dimension: dimension ?? '' }, query: { from, to } },
          signal,
        }),
      ),
    enabled: Boolean(dimension),
  });
}

export function useSavings(from?: string, to?: string, currency?: string, enabled = true) {
  return useQuery({
    queryKey: costKeys.savings(from, to, currency),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cost/savings', { params: { query: { from, to, currency } }, signal })),
    enabled,
  });
}

export function useResourceCost(resourceId: string | undefined | null) {
  return useQuery({
    queryKey: costKeys.resource(resourceId ?? ''),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/cost/resource', { params: { query: { resourceId: resourceId ?? '' } }, signal })),
    enabled: Boolean(resourceId),
  });
}

export function useCostSummary() {
  return useQuery({
    queryKey: costKeys.summary,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cost/summary', { signal })),
  });
}

const running = (status?: string | null) => status === 'QUEUED' || status === 'RUNNING';

/** Imports, newest first; polled while one of them is queued or running. */
export function useCostImports(cursor?: string) {
  return useQuery({
    queryKey: costKeys.imports(cursor),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/cost/imports', { params: { query: { cursor, limit: 20 } }, signal })),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => ((q.state.data?.items ?? []).some((i) => running(i.status)) ? 1500 : false),
  });
}

/** One import; polled until it has finished. */
export function useCostImport(id: string) {
  return useQuery({
    queryKey: costKeys.import(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cost/imports/{id}', { params: { path: { id } }, signal })),
    refetchInterval: (q) => (!q.state.data || running(q.state.data.status) ? 1500 : false),
  });
}

export function useQuarantine(id: string, cursor?: string, enabled = true) {
  return useQuery({
    queryKey: costKeys.quarantine(id, cursor),
    queryFn: async ({ signal }) => {
      const page = await unwrap(
        api.GET('/api/v1/cost/imports/{id}/quarantine', { params: { path: { id }, query: { cursor, limit: 25 } }, signal }),
      );
      return page as { items?: QuarantinedRow[]; nextCursor?: string | null };
    },
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Uploads a file (multipart part 'file'); the import then runs in the background. */
export function useUploadCost() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      const response = await rawFetch('/api/v1/cost/imports', {
        method: 'POST',
        body: form,
        headers: { Accept: 'application/json, application/problem+json' },
      });
      return (await response.json()) as CostImport;
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cost', 'imports'] }),
  });
}

export function useImportFromObjectStore() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (location: string) => {
      // the typed client cannot pick one of the three bodies this path takes, so JSON goes through rawFetch
      const response = await rawFetch('/api/v1/cost/imports', {
        method: 'POST',
        body: JSON.stringify({ location }),
        headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
      });
      return (await response.json()) as CostImport;
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cost', 'imports'] }),
  });
}
