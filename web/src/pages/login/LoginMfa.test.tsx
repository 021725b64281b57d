import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import LoginPage from './LoginPage';
import { axeViolations, jsonResponse, renderWithProviders } from '../../test/utils';
import { getRefreshToken, getToken } from '../../api/session';

afterEach(() => vi.unstubAllGlobals());

const problem = (status: number, body: Record<string, unknown>) => jsonResponse({ status, ...body }, status, 'application/problem+json');
const tokens = { accessToken: 'acc', refreshToken: 'ref', tokenType: 'Bearer', expiresIn: 900 };

async function signIn(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByTestId('login-username'), 'alice');
  await user.type(screen.getByTestId('login-password'), 'correct horse battery');
  await user.click(screen.getByTestId('login-submit'));
}

describe('sign-in with a second factor', () => {
  it('asks for the code after MFA_REQUIRED, retries a wrong code, then stores both tokens', async () => {
    const calls: { url: string; body: unknown }[] = [];
    let attempts = 0;
    vi.stubGlobal('fetch', vi.fn(async (req: Request) => {
      const url = new URL(req.url).pathname + new URL(req.url).search;
      const body = req.method === 'POST' ? await req.json() : undefined;
      calls.push({ url, body });
      if (url === '/api/v1/auth/login') return problem(401, { code: 'MFA_REQUIRED', step: 'mfa_required', mfaToken: 'mfa-1' });
      if (url === '/api/v1/auth/login/mfa') {
        attempts++;
        return attempts === 1 ? problem(401, { code: 'MFA_CODE_INVALID', detail: 'The code is not valid.' }) : jsonResponse(tokens);
      }
      return jsonResponse([]);
    }));
    const user = userEvent.setup();
    const { container } = renderWithProviders(<LoginPage />, { path: '/login', route: '/login' });
    await signIn(user);
    expect(await screen.findByTestId('mfa-step')).toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);
    await user.type(screen.getByTestId('mfa-code'), '000000{Enter}');
    expect(await screen.findByTestId('login-error')).toHaveTextContent('MFA_CODE_INVALID');
    expect(getToken()).toBeNull();
    await user.clear(screen.getByTestId('mfa-code'));
    await user.type(screen.getByTestId('mfa-code'), '123456{Enter}');
    await waitFor(() => expect(getToken()).toBe('acc'));
    expect(getRefreshToken()).toBe('ref');
    expect(calls.filter((c) => c.url === '/api/v1/auth/login/mfa').map((c) => c.body)).toEqual([
      { mfaToken: 'mfa-1', code: '000000' },
      { mfaToken: 'mfa-1', code: '123456' },
    ]);
    expect(await screen.findByTestId('navigated')).toBeInTheDocument();
  });

  it('sends a recovery code as recoveryCode', async () => {
    const bodies: unknown[] = [];
    vi.stubGlobal('fetch', vi.fn(async (req: Request) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/auth/login') return problem(401, { code: 'MFA_REQUIRED', mfaToken: 'mfa-2' });
      bodies.push(await req.json());
      return jsonResponse(tokens);
    }));
    const user = userEvent.setup();
    renderWithProviders(<LoginPage />, { path: '/login', route: '/login' });
    await signIn(user);
    await user.click(await screen.findByTestId('mfa-toggle-recovery'));
    await user.type(screen.getByTestId('mfa-code'), 'abcd-efgh-ijkl{Enter}');
    await waitFor(() => expect(getToken()).toBe('acc'));
    expect(bodies).toEqual([{ mfaToken: 'mfa-2', recoveryCode: 'abcd-efgh-ijkl' }]);
  });

  it('enrols with the enrolment token, shows the recovery codes once, then asks to sign in again', async () => {
    const auth: (string | null)[] = [];
    vi.stubGlobal('fetch', vi.fn(async (req: Request) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/auth/login') return problem(403, { code: 'MFA_ENROLMENT_REQUIRED', enrolmentToken: 'enr-1' });
      auth.push(req.headers.get('Authorization'));
      if (path === '/api/v1/me/mfa/totp') return jsonResponse({ secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/x', qrPng: 'data:image/png;base64,iVBORw0KGgo=' });
      if (path === '/api/v1/me/mfa/totp/confirm') return jsonResponse({ recoveryCodes: ['c1', 'c2', 'c3'] });
      return jsonResponse([]);
    }));
    const user = userEvent.setup();
    const { container } = renderWithProviders(<LoginPage />, { path: '/login', route: '/login' });
    await signIn(user);
    expect(await screen.findByTestId('mfa-qr')).toHaveAttribute('alt');
    expect(screen.getByTestId('mfa-secret')).toHaveTextContent('JBSWY3DPEHPK3PXP');
    expect(await axeViolations(container)).toEqual([]);
    await user.type(screen.getByTestId('mfa-confirm-code'), '654321');
    await user.click(screen.getByTestId('mfa-confirm'));
    expect(await screen.findAllByTestId('recovery-code')).toHaveLength(3);
    expect(auth).toEqual(['Bearer enr-1', 'Bearer enr-1']);
    await user.click(screen.getByTestId('codes-saved'));
    expect(await screen.findByTestId('login-username')).toBeInTheDocument();
    expect(getToken()).toBeNull();
  });

  it('says until when a locked account is locked', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => problem(423, { code: 'ACCOUNT_LOCKED', lockedUntil: '2026-11-22T21:15:00Z' })));
    const user = userEvent.setup();
    renderWithProviders(<LoginPage />, { path: '/login', route: '/login' });
    await signIn(user);
    expect(await screen.findByTestId('login-error')).toHaveTextContent(/locked until .*2026/);
  });

  it('offers the tenant\'s SSO providers and shows an SSO error', async () => {
    vi.stubGlobal('fetch', vi.fn(async (req: Request) => {
      expect(new URL(req.url).searchParams.get('tenant')).toBe('acme');
      return jsonResponse([{ id: 'p1', name: 'Entra', kind: 'OIDC', preset: 'ENTRA' }]);
    }));
    const { container } = renderWithProviders(<LoginPage />, { path: '/login', route: '/login?tenant=acme&ssoError=access_denied' });
    const button = await screen.findByTestId('sso-p1');
    expect(button).toHaveAttribute('href', '/api/v1/auth/sso/p1/start?redirect=%2F');
    expect(screen.getByTestId('sso-error')).toHaveTextContent('access_denied');
    expect(screen.getByTestId('signup-link')).toHaveAttribute('href', '/signup?tenant=acme');
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('the SSO callback page', () => {
  it('exchanges the code from the fragment, drops it from the address and goes to the fragment\'s redirect', async () => {
    const { SsoCallbackPage } = await import('./PublicPages');
    const bodies: unknown[] = [];
    vi.stubGlobal('fetch', vi.fn(async (req: Request) => {
      bodies.push(await req.json());
      return jsonResponse(tokens);
    }));
    // as the server's callback sends the browser: /login/sso#code=<one-time code>&redirect=<path>
    window.history.replaceState(null, '', '/login/sso#code=one-time&redirect=%2Finventory');
    const { router } = renderWithProviders(<SsoCallbackPage />, { path: '/login/sso', route: '/login/sso' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/inventory'));
    expect(bodies).toEqual([{ code: 'one-time' }]);
    expect(window.location.hash).toBe('');
    expect(getToken()).toBe('acc');
  });
});
