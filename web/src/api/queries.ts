import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, rawFetch, unwrap } from './client';
import { ApiError } from './errors';
import { getToken } from './session';
import { filenameFrom } from '../lib/download';
import { packResponseInfo } from '../lib/evidence';
import type {
  AccountCommand,
  AuditQuery,
  Me,
  PackRequest,
  ResourceQuery,
  ReportRequest,
} from './types';

export const qk = {
  me: ['me'] as const,
  facets: (q: ResourceQuery) => ['facets', q] as const,
  resources: (q: ResourceQuery) => ['resources', q] as const,
  resource: (id: string) => ['resource', id] as const,
  history: (id: string) => ['history', id] as const,
  diff: (id: string, from: number, to: number) => ['diff', id, from, to] as const,
  accounts: ['accounts'] as const,
  account: (id: string) => ['account', id] as const,
  syncs: (id: string, cursor?: string) => ['syncs', id, cursor ?? ''] as const,
  connectors: ['connectors'] as const,
  preference: (key: string) => ['preference', key] as const,
  audit: (q: AuditQuery) => ['audit', q] as const,
  evidencePacks: (cursor?: string) => ['evidence', 'packs', cursor ?? ''] as const,
  evidenceItems: ['evidence', 'items'] as const,
  frameworks: ['evidence', 'frameworks'] as const,
  frameworkControls: (framework: string) => ['evidence', 'controls', framework] as const,
  auditLog: ['audit-integrity', 'log'] as const,
  anchors: ['audit-integrity', 'anchors'] as const,
  auditKeys: ['audit-integrity', 'keys'] as const,
};

function tokenSubject(): string {
  try {
    const payload = getToken()?.split('.')[1];
    if (!payload) return '';
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    return String(json.preferred_username ?? json.username ?? json.sub ?? '');
  } catch {
    return '';
  }
}

/** Until a server without GET /api/v1/me is gone, fall back to the areas that exist today. */
function fallbackMe(): Me {
  return {
    username: tokenSubject() || 'user',
    tenantName: '',
    tenants: [],
    areas: ['overview', 'inventory', 'accounts', 'audit'],
  } as Me;
}

export function useMe() {
  return useQuery({
    queryKey: qk.me,
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/api/v1/me'));
      } catch (e) {
        if (e instanceof ApiError && e.status === 404 && e.code === 'NOT_FOUND') return fallbackMe();
        throw e;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export function useFacets(query: ResourceQuery, enabled = true) {
  return useQuery({
    queryKey: qk.facets(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/resources/facets', { params: { query }, signal })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useResources(query: ResourceQuery, enabled = true) {
  return useQuery({
    queryKey: qk.resources(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/resources', { params: { query }, signal })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useResource(id: string) {
  return useQuery({
    queryKey: qk.resource(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/resources/{id}', { params: { path: { id } }, signal })),
  });
}

export function useHistory(id: string, enabled = true) {
  return useQuery({
    queryKey: qk.history(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/resources/{id}/history', { params: { path: { id }, query: { limit: 200 } }, signal })),
    enabled,
  });
}

export function useDiff(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: qk.diff(id, from ?? 0, to ?? 0),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/resources/{id}/diff', {
          params: { path: { id }, query: { from: from as number, to: to as number } },
          signal,
        }),
      ),
    enabled: from !== null && to !== null && from !== to,
  });
}

export function useAccounts() {
  return useQuery({
    queryKey: qk.accounts,
    queryFn: async ({ signal }) => {
      // the console shows every account: follow the cursor (accounts are few)
      const all = [];
      let cursor: string | undefined;
      for (let i = 0; i < 50; i++) {
        const page = await unwrap(api.GET('/api/v1/accounts', { params: { query: { limit: 200, cursor } }, signal }));
        all.push(...(page.items ?? []));
        cursor = page.nextCursor ?? undefined;
        if (!cursor) break;
      }
      return all;
    },
  });
}

/** An account; polled while a sync runs (or is awaited), a safety net when the event stream is down. */
export function useAccount(id: string, awaitingSync = false) {
  return useQuery({
    queryKey: qk.account(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/accounts/{id}', { params: { path: { id } }, signal })),
    refetchInterval: (q) => (awaitingSync || q.state.data?.syncRunning ? 4000 : false),
  });
}

export function useSyncs(id: string, cursor?: string) {
  return useQuery({
    queryKey: qk.syncs(id, cursor),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/accounts/{id}/syncs', { params: { path: { id }, query: { limit: 20, cursor } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useConnectors() {
  return useQuery({
    queryKey: qk.connectors,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/connectors', { signal })),
    staleTime: 10 * 60_000,
  });
}

export function useCreateAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AccountCommand) => unwrap(api.POST('/api/v1/accounts', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: qk.accounts }),
  });
}

export function useTestAccount(id: string) {
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/accounts/{id}/test', { params: { path: { id } } })),
  });
}

export function useSyncAccount(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/accounts/{id}/sync', { params: { path: { id } } })),
    onSuccess: (account) => {
      qc.setQueryData(qk.account(id), account);
      void qc.invalidateQueries({ queryKey: qk.accounts });
    },
  });
}

/** A stored preference, or null when the user has none yet (404 PREFERENCE_NOT_FOUND). */
export function usePreference<T>(key: string) {
  return useQuery({
    queryKey: qk.preference(key),
    queryFn: async ({ signal }) => {
      try {
        return (await unwrap(api.GET('/api/v1/me/preferences/{key}', { params: { path: { key } }, signal }))) as T;
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}

export function useSavePreference<T>(key: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (value: T) =>
      unwrap(api.PUT('/api/v1/me/preferences/{key}', { params: { path: { key } }, body: value as unknown })) as Promise<T>,
    onMutate: (value) => qc.setQueryData(qk.preference(key), value),
  });
}

export function useAuditEntries(query: AuditQuery) {
  return useQuery({
    queryKey: qk.audit(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/audit/entries', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useEvidencePacks(cursor?: string) {
  return useQuery({
    queryKey: qk.evidencePacks(cursor),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/evidence/packs', { params: { query: { limit: 20, cursor } }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** The newest evidence items (first page only: a preview of what a pack would contain). */
export function useEvidenceItems(limit = 10) {
  return useQuery({
    queryKey: qk.evidenceItems,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/evidence/items', { params: { query: { limit } }, signal })),
  });
}

/** The frameworks of the control catalogue, without their controls. */
export function useFrameworks() {
  return useQuery({
    queryKey: qk.frameworks,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/evidence/controls', { signal })),
    staleTime: 10 * 60_000,
  });
}

/** The controls of one framework (the catalogue answers a framework id with that framework and its controls). */
export function useFrameworkControls(framework: string) {
  return useQuery({
    queryKey: qk.frameworkControls(framework),
    queryFn: async ({ signal }) => {
      const views = await unwrap(api.GET('/api/v1/evidence/controls', { params: { query: { framework } }, signal }));
      const exact = views.filter((v) => v.id === framework);
      return (exact.length ? exact : views).flatMap((v) => v.controls ?? []);
    },
    enabled: framework !== '',
    staleTime: 10 * 60_000,
  });
}

export interface GeneratedPack {
  id: string | null;
  sha256: string | null;
  blob: Blob;
  fileName: string | null;
}

/** POST /api/v1/evidence/packs answers with the zip itself (201), so it goes through rawFetch. */
export function useGeneratePack() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: PackRequest): Promise<GeneratedPack> => {
      const response = await rawFetch('/api/v1/evidence/packs', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/zip, application/problem+json' },
        body: JSON.stringify(body),
      });
      return {
        ...packResponseInfo(response.headers),
        blob: await response.blob(),
        fileName: filenameFrom(response.headers.get('Content-Disposition'), '') || null,
      };
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['evidence', 'packs'] });
      void qc.invalidateQueries({ queryKey: qk.evidenceItems });
    },
  });
}

/** A generated auditor report: the zip and the SHA-256 of its signed report.json. */
export interface GeneratedReport {
  sha256: string | null;
  blob: Blob;
  fileName: string | null;
}

/** POST /api/v1/evidence/reports answers with the report's zip (report.json, report.pdf, signatures). */
export function useGenerateReport() {
  return useMutation({
    mutationFn: async (body: ReportRequest): Promise<GeneratedReport> => {
      const response = await rawFetch('/api/v1/evidence/reports', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/zip, application/problem+json' },
        body: JSON.stringify(body),
      });
      return {
        sha256: response.headers.get('X-Evidence-Report-SHA256'),
        blob: await response.blob(),
        fileName: filenameFrom(response.headers.get('Content-Disposition'), '') || null,
      };
    },
  });
}

export function useAuditLog() {
  return useQuery({
    queryKey: qk.auditLog,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/audit/log', { signal })),
  });
}

export function useAnchors() {
  return useQuery({
    queryKey: qk.anchors,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/audit/anchors', { signal })),
  });
}

export function useAuditKeys() {
  return useQuery({
    queryKey: qk.auditKeys,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/audit/keys', { signal })),
    staleTime: 10 * 60_000,
  });
}

export function useVerifyLog() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/audit/verify')),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: qk.auditLog });
      void qc.invalidateQueries({ queryKey: qk.anchors });
    },
  });
}
