import type { ResourceQuery } from '../api/types';

/** The repeatable list filters of GET /api/v1/resources, in facet display order. */
export const FACET_KEYS = ['provider', 'account', 'region', 'type', 'state'] as const;
export type FacetKey = (typeof FACET_KEYS)[number];
export const MULTI_KEYS = [...FACET_KEYS, 'tag', 'tagMissing'] as const;
export type MultiKey = (typeof MULTI_KEYS)[number];

export interface ResourceFilters {
  provider: string[];
  account: string[];
  region: string[];
  type: string[];
  state: string[];
  tag: string[];
  tagMissing: string[];
  q: string;
  includeDeleted: boolean;
}

export const SORTS = ['name', '-name', 'type', '-type', 'region', 'lastChanged', '-lastChanged'] as const;
export type Sort = (typeof SORTS)[number];

export function filtersFromParams(sp: URLSearchParams): ResourceFilters {
  const get = (k: MultiKey) => sp.getAll(k).filter((v) => v !== '');
  return {
    provider: get('provider'),
    account: get('account'),
    region: get('region'),
    type: get('type'),
    state: get('state'),
    tag: get('tag'),
    tagMissing: get('tagMissing'),
    q: sp.get('q') ?? '',
    includeDeleted: sp.get('includeDeleted') === 'true',
  };
}

export function sortFromParams(sp: URLSearchParams): Sort {
  const s = sp.get('sort');
  return (SORTS as readonly string[]).includes(s ?? '') ? (s as Sort) : 'name';
}

/** Filters as API query parameters (empty values left out). */
export function toQuery(f: ResourceFilters, omit?: MultiKey): ResourceQuery {
  const out: ResourceQuery = {};
  for (const k of MULTI_KEYS) {
    if (k !== omit && f[k].length) out[k] = f[k];
  }
  if (f.q.trim()) out.q = f.q.trim();
  if (f.includeDeleted) out.includeDeleted = 'true';
  return out;
}

/** The same filters as a query string (for the CSV export and links). */
export function toQueryString(q: Record<string, string | string[] | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) sp.append(k, one);
  }
  return sp.toString();
}

export function activeFilterCount(f: ResourceFilters): number {
  return MULTI_KEYS.reduce((n, k) => n + f[k].length, 0) + (f.q.trim() ? 1 : 0) + (f.includeDeleted ? 1 : 0);
}
