import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError, toApiError } from './errors';
import { clearSession, getRefreshToken, getToken, needsRefresh, refreshSession, tenantHeaders } from './session';

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login');
};

/** The app registers a router-aware handler; tests may register their own. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

/** Public auth endpoints: their 401 is an answer (wrong password, MFA needed), not an ended session. */
function isAuthRequest(url: string): boolean {
  return url.includes('/api/v1/auth/');
}

export function authHeaders(): Record<string, string> {
  const token = getToken();
  return { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...tenantHeaders() };
}

/** Called for every final response: a 401 (other than from an auth endpoint) ends the session. */
export function handleUnauthorized(response: Response, url: string): void {
  if (response.status === 401 && !isAuthRequest(url)) {
    clearSession();
    onUnauthorized();
  }
}

function withAuth(request: Request): Request {
  const headers = new Headers(request.headers);
  const token = getToken();
  // an explicit credential (the MFA enrolment token) is kept
  if (token && !request.headers.has('Authorization')) headers.set('Authorization', `Bearer ${token}`);
  for (const [k, v] of Object.entries(tenantHeaders())) headers.set(k, v);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json');
  return new Request(request, { headers });
}

/**
 * Every call goes through here: the session's token and the active tenant's header are added; an
 * access token about to expire is refreshed first, and a 401 is answered by one (shared) refresh and
 * one retry of the request. Only if that fails does the session end.
 */
export async function authorizedFetch(request: Request): Promise<Response> {
  const auth = isAuthRequest(request.url) || request.headers.has('Authorization');
  if (!auth && needsRefresh()) await refreshSession();
  const sentWith = getToken();
  const retry = auth ? null : request.clone();
  const response = await globalThis.fetch(withAuth(request));
  if (response.status !== 401 || !retry || !getRefreshToken()) return response;
  // a refresh may already have happened while this request was under way
  const renewed = getToken() !== sentWith || (await refreshSession());
  if (!renewed || !getToken()) return response;
  return globalThis.fetch(withAuth(retry));
}

const auth: Middleware = {
  onResponse({ request, response }) {
    handleUnauthorized(response, request.url);
    return response;
  },
};

const origin = typeof window !== 'undefined' ? window.location.origin : '';

/** The one typed client every call goes through (types generated from openapi.json). */
export const api = createClient<paths>({
  baseUrl: origin,
  // resolve fetch at call time so tests can stub it
  fetch: (request: Request) => authorizedFetch(request),
});
api.use(auth);

type Result<T> = { data?: T; error?: unknown; response: Response };

/** Resolves to the response data or throws the problem as an ApiError. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (e) {
    throw e instanceof ApiError ? e : new ApiError({ status: 0, code: 'NETWORK_ERROR', detail: (e as Error)?.message });
  }
  if (!result.response.ok) throw toApiError(result.response.status, result.error, result.response.statusText);
  return result.data as T;
}

/** A raw call (CSV export, event stream, the identity endpoints) with the token, tenant, refresh and problem conversion. */
export async function rawFetch(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await authorizedFetch(new Request(origin + path, init));
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', detail: (e as Error)?.message });
  }
  handleUnauthorized(response, path);
  if (!response.ok) throw toApiError(response.status, await response.text().catch(() => ''), response.statusText);
  return response;
}

/** A JSON call through rawFetch: the body is sent as JSON, a 204 resolves to undefined. */
export async function rawJson<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...init.headers };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await rawFetch(path, {
    method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
    headers,
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    signal: init.signal,
  });
  if (response.status === 204 || response.status === 202) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
