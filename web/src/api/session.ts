// The tokens live in sessionStorage: they survive a reload of the tab but not the tab itself (ADR 25).
const KEY = 'cw.session';
const TENANT_KEY = 'cw.tenant';
const REFRESH_PATH = '/api/v1/auth/refresh';

export interface Session {
  accessToken: string;
  /** rotated on every refresh; a spent one revokes the whole session on the server */
  refreshToken?: string;
  tokenType: string;
  /** epoch millis after which the access token is no longer accepted (0 = unknown) */
  expiresAt: number;
}

/** The token shape of login, MFA, refresh, SSO exchange and invitation accept. */
export interface TokenResponse {
  accessToken: string;
  refreshToken?: string;
  tokenType?: string;
  expiresIn?: number;
}

type Listener = () => void;
const listeners = new Set<Listener>();
let cached: Session | null | undefined;

function accessExpired(s: Session, skewMs = 0): boolean {
  return Boolean(s.expiresAt) && s.expiresAt - skewMs < Date.now();
}

/** A session is usable while its access token is valid or it can still be refreshed. */
function usable(s: Session | null): Session | null {
  if (!s || typeof s.accessToken !== 'string') return null;
  if (accessExpired(s) && !s.refreshToken) return null;
  return s;
}

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? usable(JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

function notify(): void {
  listeners.forEach((l) => l());
}

export function getSession(): Session | null {
  if (cached === undefined) cached = read();
  cached = usable(cached);
  return cached;
}

export function getToken(): string | null {
  return getSession()?.accessToken ?? null;
}

export function getRefreshToken(): string | null {
  return getSession()?.refreshToken ?? null;
}

/** Whether the access token is expired (or about to be, within skewMs) and a refresh could renew it. */
export function needsRefresh(skewMs = 5000): boolean {
  const s = getSession();
  return Boolean(s?.refreshToken && accessExpired(s, skewMs));
}

export function setSession(accessToken: string, tokenType = 'Bearer', expiresInSeconds?: number, refreshToken?: string): void {
  const s: Session = {
    accessToken,
    refreshToken,
    tokenType,
    expiresAt: expiresInSeconds ? Date.now() + expiresInSeconds * 1000 : 0,
  };
  sessionStorage.setItem(KEY, JSON.stringify(s));
  cached = s;
  notify();
}

/** Stores what a login, MFA step, refresh, SSO exchange or invitation accept answered. */
export function setTokens(t: TokenResponse): void {
  setSession(t.accessToken, t.tokenType ?? 'Bearer', t.expiresIn, t.refreshToken);
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(TENANT_KEY);
  cached = null;
  inflight = null;
  notify();
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// --- refresh: single flight ---------------------------------------------------------------------

let inflight: Promise<boolean> | null = null;

/**
 * Renews the access token with the refresh token, once for all callers: parallel requests that met a
 * 401 await the same refresh, because presenting a spent refresh token twice makes the server revoke
 * the whole session (REFRESH_TOKEN_REUSED). Resolves true when a new token is stored; on failure the
 * session is cleared and it resolves false.
 */
export function refreshSession(fetchFn: typeof fetch = (...a) => globalThis.fetch(...a)): Promise<boolean> {
  if (inflight) return inflight;
  const refreshToken = getRefreshToken();
  if (!refreshToken) return Promise.resolve(false);
  const origin = typeof window !== 'undefined' ? window.location.origin : '';
  const attempt = (async () => {
    try {
      const response = await fetchFn(
        new Request(origin + REFRESH_PATH, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
          body: JSON.stringify({ refreshToken }),
        }),
      );
      if (!response.ok) {
        // a network error keeps the session; a refusal (spent, revoked, expired) ends it
        if (response.status === 400 || response.status === 401 || response.status === 403) clearSession();
        return false;
      }
      const body = (await response.json()) as TokenResponse;
      if (!body?.accessToken) return false;
      // the session may have ended (logout) while the refresh was on its way
      if (getRefreshToken() !== refreshToken) return false;
      setTokens(body);
      return true;
    } catch {
      return false;
    }
  })();
  inflight = attempt;
  void attempt.finally(() => {
    if (inflight === attempt) inflight = null;
  });
  return attempt;
}

// --- active tenant ------------------------------------------------------------------------------

/** The tenant the console acts in when it is not the user's home tenant (sent as X-Cloudwarden-Tenant). */
export function getActiveTenant(): string | null {
  try {
    return sessionStorage.getItem(TENANT_KEY);
  } catch {
    return null;
  }
}

/** Acts in tenantId from now on; the home tenant needs no header, so choosing it removes the override. */
export function setActiveTenant(tenantId: string | null, homeTenantId?: string | null): void {
  if (!tenantId || tenantId === homeTenantId) sessionStorage.removeItem(TENANT_KEY);
  else sessionStorage.setItem(TENANT_KEY, tenantId);
  notify();
}

export const TENANT_HEADER = 'X-Cloudwarden-Tenant';

/** The tenant header of the active tenant, or nothing when the home tenant is active. */
export function tenantHeaders(): Record<string, string> {
  const t = getActiveTenant();
  return t ? { [TENANT_HEADER]: t } : {};
}
