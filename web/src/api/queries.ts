import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { ApiError } from './errors';
import { getToken } from './session';
import type { AccountCommand, AuditQuery, Me, ResourceQuery } from './types';

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
