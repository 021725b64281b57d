import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError, toApiError } from './errors';
import { clearSession, getToken } from './session';

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login');
};

/** The app registers a router-aware handler; tests may register their own. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

function isLoginRequest(url: string): boolean {
  return url.includes('/api/v1/auth/login');
}

export function authHeaders(): Record<string, string> {
  const token = getToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** Called for every response: a 401 (other than a failed login) ends the session. */
export function handleUnauthorized(response: Response, url: string): void {
  if (response.status === 401 && !isLoginRequest(url)) {
    clearSession();
    onUnauthorized();
  }
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = getToken();
    if (token && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${token}`);
    if (!request.headers.has('Accept')) request.headers.set('Accept', 'application/json, application/problem+json');
    return request;
  },
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
  fetch: (request: Request) => globalThis.fetch(request),
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

/** A raw call (CSV export, event stream) with the token, 401 handling and problem conversion. */
export async function rawFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  for (const [k, v] of Object.entries(authHeaders())) headers.set(k, v);
  let response: Response;
  try {
    response = await globalThis.fetch(origin + path, { ...init, headers });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', detail: (e as Error)?.message });
  }
  handleUnauthorized(response, path);
  if (!response.ok) throw toApiError(response.status, await response.text().catch(() => ''), response.statusText);
  return response;
}
