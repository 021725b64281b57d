import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, rawFetch, setUnauthorizedHandler, unwrap } from './client';
import { clearSession, getRefreshToken, getToken, refreshSession, setActiveTenant, setTokens } from './session';
import { jsonResponse } from '../test/utils';

afterEach(() => {
  vi.unstubAllGlobals();
  clearSession();
});

/** A fake server: the access token "a<n>" is valid only for the newest n; refresh tokens are single use. */
function fakeServer() {
  let generation = 1;
  const spent = new Set<string>();
  const refreshCalls: string[] = [];
  const seen: Request[] = [];
  const fetchMock = vi.fn(async (req: Request) => {
    seen.push(req);
    if (req.url.endsWith('/api/v1/auth/refresh')) {
      const { refreshToken } = (await req.json()) as { refreshToken: string };
      refreshCalls.push(refreshToken);
      await new Promise((r) => setTimeout(r, 10));
      if (spent.has(refreshToken) || refreshToken !== `r${generation}`) {
        return jsonResponse({ status: 401, code: 'REFRESH_TOKEN_REUSED' }, 401, 'application/problem+json');
      }
      spent.add(refreshToken);
      generation++;
      return jsonResponse({ accessToken: `a${generation}`, refreshToken: `r${generation}`, tokenType: 'Bearer', expiresIn: 900 });
    }
    if (req.headers.get('Authorization') !== `Bearer a${generation}`) {
      return jsonResponse({ status: 401, code: 'UNAUTHENTICATED' }, 401, 'application/problem+json');
    }
    return jsonResponse({ username: 'alice', areas: [] });
  });
  return { fetchMock, refreshCalls, seen, expire: () => generation++ && spent.add(`r${generation - 1}`) };
}

describe('token refresh', () => {
  it('refreshes once for parallel requests that meet a 401 and retries each of them', async () => {
    const server = fakeServer();
    vi.stubGlobal('fetch', server.fetchMock);
    setTokens({ accessToken: 'a0', refreshToken: 'r1', expiresIn: 900 });
    const results = await Promise.all([
      unwrap(api.GET('/api/v1/me')),
      unwrap(api.GET('/api/v1/me')),
      rawFetch('/api/v1/me').then((r) => r.json()),
    ]);
    expect(results.map((r) => (r as { username: string }).username)).toEqual(['alice', 'alice', 'alice']);
    expect(server.refreshCalls).toEqual(['r1']);
    expect(getToken()).toBe('a2');
    expect(getRefreshToken()).toBe('r2');
  });

  it('ends the session when the refresh is refused', async () => {
    const server = fakeServer();
    vi.stubGlobal('fetch', server.fetchMock);
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    setTokens({ accessToken: 'a0', refreshToken: 'spent', expiresIn: 900 });
    await expect(unwrap(api.GET('/api/v1/me'))).rejects.toMatchObject({ status: 401 });
    expect(getToken()).toBeNull();
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('shares one refresh between concurrent callers', async () => {
    const server = fakeServer();
    vi.stubGlobal('fetch', server.fetchMock);
    setTokens({ accessToken: 'a0', refreshToken: 'r1', expiresIn: 900 });
    const [a, b] = await Promise.all([refreshSession(), refreshSession()]);
    expect([a, b]).toEqual([true, true]);
    expect(server.refreshCalls).toHaveLength(1);
  });

  it('refreshes an expired access token before sending the request', async () => {
    const server = fakeServer();
    vi.stubGlobal('fetch', server.fetchMock);
    setTokens({ accessToken: 'a0', refreshToken: 'r1', expiresIn: -1 });
    await unwrap(api.GET('/api/v1/me'));
    expect(server.seen.map((r) => new URL(r.url).pathname)).toEqual(['/api/v1/auth/refresh', '/api/v1/me']);
  });

  it('does not refresh for a failed login', async () => {
    const fetchMock = vi.fn(async () => jsonResponse({ status: 401, code: 'INVALID_CREDENTIALS' }, 401, 'application/problem+json'));
    vi.stubGlobal('fetch', fetchMock);
    setTokens({ accessToken: 'a0', refreshToken: 'r1', expiresIn: 900 });
    await expect(rawFetch('/api/v1/auth/login', { method: 'POST', body: '{}' })).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(getToken()).toBe('a0');
  });
});

describe('active tenant header', () => {
  it('is sent by the typed client and rawFetch only when a non-home tenant is active', async () => {
    const seen: Request[] = [];
    vi.stubGlobal('fetch', vi.fn(async (req: Request) => (seen.push(req), jsonResponse({}))));
    setTokens({ accessToken: 'tok', expiresIn: 900 });
    await unwrap(api.GET('/api/v1/me'));
    setActiveTenant('child-1', 'home');
    await unwrap(api.GET('/api/v1/me'));
    await rawFetch('/api/v1/events/stream');
    setActiveTenant('home', 'home');
    await rawFetch('/api/v1/me');
    expect(seen.map((r) => r.headers.get('X-Cloudwarden-Tenant'))).toEqual([null, 'child-1', 'child-1', null]);
    expect(seen.every((r) => r.headers.get('Authorization') === 'Bearer tok')).toBe(true);
  });

  it('keeps an explicit Authorization header (the MFA enrolment token)', async () => {
    const seen: Request[] = [];
    vi.stubGlobal('fetch', vi.fn(async (req: Request) => (seen.push(req), jsonResponse({}))));
    await rawFetch('/api/v1/me/mfa/totp', { method: 'POST', headers: { Authorization: 'Bearer enrol-1' } });
    expect(seen[0].headers.get('Authorization')).toBe('Bearer enrol-1');
  });
});
