import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ProfilePage from './profile/ProfilePage';
import AdminPage from './admin/AdminPage';
import AccessPage from './access/AccessPage';
import { ResetConfirmPage } from './login/PublicPages';
import { axeViolations, jsonResponse, renderWithProviders } from '../test/utils';
import { fakeApi } from '../test/fakeApi';
import { setTokens } from '../api/session';
import { dayIn } from '../components/ApiKeysPanel';

afterEach(() => vi.unstubAllGlobals());

// MUI + axe in jsdom on a shared 2-core machine: whole-page flows take seconds
const SLOW = { timeout: 30_000 };

const me = (permissions: string[], extra: Record<string, unknown> = {}) => ({
  userId: 'u1',
  username: 'alice',
  tenantId: 't1',
  tenantName: 'Acme',
  tenants: [{ id: 't1', name: 'Acme', kind: 'CUSTOMER' }],
  areas: ['overview', 'admin', 'access'],
  permissions,
  mfaEnabled: false,
  ...extra,
});

describe('profile', () => {
  it('lists sessions with the current one marked, creates an API key shown once, and passes axe', SLOW, async () => {
    setTokens({ accessToken: 'tok', refreshToken: 'r', expiresIn: 900 });
    const requests = fakeApi({
      'GET /api/v1/me': me(['self:manage']),
      'GET /api/v1/me/sessions': [
        { id: 's1', createdAt: '2026-11-22T10:00:00Z', lastUsedAt: '2026-11-22T20:00:00Z', ip: '10.0.0.1', userAgent: 'Firefox', current: true },
        { id: 's2', createdAt: '2026-11-21T10:00:00Z', ip: '10.0.0.2', userAgent: 'Chrome', current: false },
      ],
      'DELETE /api/v1/me/sessions/s2': null,
      'GET /api/v1/me/api-keys': [],
      'POST /api/v1/me/api-keys': { id: 'k1', name: 'ci', roles: ['VIEWER'], prefix: 'cw_ab12', key: 'cw_ab12_secret', expiresAt: '2027-02-20T23:59:59Z' },
    });
    const user = userEvent.setup();
    const { container } = renderWithProviders(<ProfilePage />, { path: '/profile', route: '/profile' });
    const rows = await screen.findAllByTestId('session-row');
    expect(rows.map((r) => r.dataset.current)).toEqual(['true', 'false']);
    expect(within(rows[0]).getByTestId('session-current')).toBeInTheDocument();
    expect(within(rows[0]).queryByTestId('session-revoke')).toBeNull();
    await user.click(within(rows[1]).getByTestId('session-revoke'));
    await waitFor(() => expect(requests.some((r) => r.method === 'DELETE' && r.path === '/api/v1/me/sessions/s2')).toBe(true));
    expect(await screen.findByTestId('mfa-status')).toHaveTextContent('Off');
    expect(await axeViolations(container)).toEqual([]);

    await user.click(screen.getByTestId('apikey-new'));
    await user.type(await screen.findByTestId('apikey-name'), 'ci');
    await user.click(screen.getByTestId('apikey-roles'));
    await user.click(await screen.findByRole('option', { name: 'VIEWER' }));
    await user.click(screen.getByTestId('apikey-submit'));
    expect(await screen.findByTestId('apikey-secret')).toHaveTextContent('cw_ab12_secret');
    // the server requires an expiry at most a year away: the dialog proposes 90 days
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ name: 'ci', roles: ['VIEWER'], expiresAt: `${dayIn(90)}T23:59:59.000Z` });
  });
});

describe('admin', () => {
  it('shows only the tabs the permissions allow, pages users from the server and edits roles', SLOW, async () => {
    setTokens({ accessToken: 'tok', expiresIn: 900 });
    const requests = fakeApi({
      'GET /api/v1/me': me(['identity:read-users', 'identity:manage-users']),
      'GET /api/v1/roles': [
        { key: 'VIEWER', name: 'Viewer', builtIn: true, permissions: ['inventory:read'] },
        { key: 'ADMIN', name: 'Admin', builtIn: true, permissions: ['identity:manage-users'] },
      ],
      'GET /api/v1/users': (_req: Request, url: URL) =>
        jsonResponse({
          items: [{ id: 'u2', username: 'bob', email: 'bob@acme.test', roles: ['VIEWER'], status: 'LOCKED', mfaEnabled: false, createdAt: '2026-01-01T00:00:00Z' }],
          nextCursor: url.searchParams.get('cursor') ? null : 'next-1',
        }),
      'PATCH /api/v1/users/u2': { id: 'u2' },
      'POST /api/v1/users/u2/unlock': null,
    });
    const user = userEvent.setup();
    const { container } = renderWithProviders(<AdminPage />, { path: '/admin', route: '/admin?status=LOCKED' });
    const row = await screen.findByTestId('user-row-bob');
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Users', 'Roles', 'Invitations']);
    expect(requests.find((r) => r.path.startsWith('/api/v1/users'))?.path).toBe('/api/v1/users?status=LOCKED&limit=25');
    expect(await axeViolations(container)).toEqual([]);
    await user.click(within(row).getByTestId('user-unlock-bob'));
    await waitFor(() => expect(requests.some((r) => r.path === '/api/v1/users/u2/unlock')).toBe(true));
    await user.click(within(row).getByTestId('user-edit-bob'));
    await user.click(await screen.findByTestId('user-roles'));
    await user.click(await screen.findByRole('option', { name: 'ADMIN' }));
    await user.click(screen.getByTestId('user-roles-save'));
    await waitFor(() => expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ roles: ['VIEWER', 'ADMIN'] }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(requests.some((r) => r.path.includes('cursor=next-1'))).toBe(true));
  });
});

describe('access', () => {
  it('disables approve/deny on one\'s own request with the reason, and approves another\'s', SLOW, async () => {
    setTokens({ accessToken: 'tok', expiresIn: 900 });
    const pending = [
      { id: 'r1', userId: 'u1', username: 'alice', role: 'ADMIN', durationMinutes: 60, reason: 'incident', status: 'PENDING', active: false, createdAt: '2026-11-22T10:00:00Z' },
      { id: 'r2', userId: 'u2', username: 'bob', role: 'ADMIN', durationMinutes: 30, reason: 'deploy', status: 'PENDING', active: false, createdAt: '2026-11-22T10:00:00Z' },
    ];
    const requests = fakeApi({
      'GET /api/v1/me': me(['access:request', 'access:approve']),
      'GET /api/v1/access/requests?status=PENDING': pending,
      'GET /api/v1/access/requests?mine=true': [pending[0]],
      'GET /api/v1/access/grants?state=ACTIVE': [{ id: 'r0', userId: 'u3', username: 'carol', role: 'SECURITY', status: 'APPROVED', active: true, expiresAt: new Date(Date.now() + 3_600_000).toISOString() }],
      'GET /api/v1/access/grants?state=EXPIRED': [],
      'POST /api/v1/access/requests/r2/approve': null,
    });
    const user = userEvent.setup();
    const { container } = renderWithProviders(<AccessPage />, { path: '/access', route: '/access' });
    const approvals = await screen.findByTestId('jit-approvals');
    const own = await within(approvals).findByTestId('jit-request-r1');
    expect(within(own).getByTestId('jit-approve')).toBeDisabled();
    expect(within(own).getByTestId('jit-own')).toHaveAccessibleName(/separation of duties/);
    const other = within(approvals).getByTestId('jit-request-r2');
    expect(within(other).getByTestId('jit-approve')).toBeEnabled();
    expect(await screen.findByTestId('jit-countdown')).toHaveTextContent(/^(59:\d\d|1:00:00)$/);
    expect(await axeViolations(container)).toEqual([]);
    await user.click(within(other).getByTestId('jit-approve'));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST' && r.path === '/api/v1/access/requests/r2/approve')).toBe(true));
  });
});

describe('password reset', () => {
  it('shows PASSWORD_TOO_WEAK on the rules, not as a bare error', SLOW, async () => {
    fakeApi({
      'POST /api/v1/auth/password-reset/confirm': () =>
        jsonResponse({ status: 400, code: 'PASSWORD_TOO_WEAK', reason: 'TOO_COMMON', detail: 'Too common' }, 400, 'application/problem+json'),
    });
    const user = userEvent.setup();
    const { container } = renderWithProviders(<ResetConfirmPage />, { path: '/login/reset/confirm', route: '/login/reset/confirm?token=t1' });
    await user.type(screen.getByTestId('new-password'), 'password1234');
    expect(screen.getByTestId('password-rules').querySelector('[data-rule="minLength"]')).toHaveAttribute('data-met', 'true');
    await user.click(screen.getByTestId('reset-confirm'));
    await waitFor(() => expect(screen.getByTestId('password-rules').querySelector('[data-rule="notCommon"]')).toHaveAttribute('data-met', 'false'));
    expect(screen.queryByTestId('login-error')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });
});
