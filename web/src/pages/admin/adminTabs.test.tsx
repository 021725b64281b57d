import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import AdminPage from './AdminPage';
import ReviewPage from '../access/ReviewPage';
import { axeViolations, renderWithProviders } from '../../test/utils';
import { fakeApi } from '../../test/fakeApi';
import { setTokens } from '../../api/session';

afterEach(() => vi.unstubAllGlobals());
const SLOW = { timeout: 30_000 };

const me = {
  userId: 'u1', username: 'alice', tenantId: 'msp', tenantName: 'MSP', areas: ['admin', 'access'],
  tenants: [{ id: 'msp', name: 'MSP', kind: 'MSP' }],
  permissions: ['identity:read-users', 'identity:manage-roles', 'identity:manage-sso', 'tenant:read', 'tenant:manage-settings', 'tenant:manage-children', 'access:review'],
};

describe('admin tabs', () => {
  it('creates a custom role from the grouped permission checklist', SLOW, async () => {
    setTokens({ accessToken: 'tok', expiresIn: 900 });
    const requests = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/roles': [{ key: 'VIEWER', name: 'Viewer', builtIn: true, permissions: ['self:manage', 'inventory:read'] }],
      'GET /api/v1/permissions': [
        { key: 'self:manage', description: 'Own profile' },
        { key: 'inventory:read', description: 'View resources' },
        { key: 'cost:read', description: 'View costs' },
      ],
      'POST /api/v1/roles': { key: 'custom:finance-viewers' },
    });
    const user = userEvent.setup();
    const { container } = renderWithProviders(<AdminPage />, { path: '/admin', route: '/admin?tab=roles' });
    await user.click(await screen.findByTestId('role-new'));
    await user.type(screen.getByTestId('role-name'), 'Finance viewers');
    await user.click(await screen.findByTestId('perm-cost:read'));
    expect(await axeViolations(container)).toEqual([]);
    await user.click(screen.getByTestId('role-save'));
    await waitFor(() =>
      expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
        key: 'custom:finance-viewers', name: 'Finance viewers', description: '', permissions: ['cost:read', 'self:manage'],
      }),
    );
  });

  it('adds an SSO provider from a preset with a write-only secret and a role mapping', SLOW, async () => {
    setTokens({ accessToken: 'tok', expiresIn: 900 });
    const requests = fakeApi({ 'GET /api/v1/me': me, 'GET /api/v1/sso/providers': [], 'GET /api/v1/roles': [], 'POST /api/v1/sso/providers': { id: 'p1' } });
    const user = userEvent.setup();
    const { container } = renderWithProviders(<AdminPage />, { path: '/admin', route: '/admin?tab=sso' });
    await user.click(await screen.findByTestId('sso-new'));
    await user.type(screen.getByTestId('sso-name'), 'Corp');
    await user.type(screen.getByTestId('sso-clientId'), 'client-1');
    await user.type(screen.getByTestId('sso-clientSecret'), 'shh');
    await user.click(screen.getByTestId('sso-add-mapping'));
    expect(screen.getByTestId('sso-clientSecret')).toHaveAttribute('type', 'password');
    expect(await axeViolations(container)).toEqual([]);
    await user.click(screen.getByTestId('sso-save'));
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({ name: 'Corp', clientId: 'client-1', clientSecret: 'shh', preset: 'GENERIC', kind: 'OIDC' }));
  });

  it('edits tenant settings with IP chips and adds a customer', SLOW, async () => {
    setTokens({ accessToken: 'tok', expiresIn: 900 });
    const settings = { mfaRequired: false, sessionLifetimeMinutes: 480, selfSignupEnabled: false, allowedSsoProviders: [], ipAllowList: ['10.0.0.0/8'], dataRetention: { auditOnlineDays: 365, evidenceDays: 2555 } };
    const requests = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/tenant/settings': settings,
      'PUT /api/v1/tenant/settings': (req: Request) => req.json().then((b) => new Response(JSON.stringify(b), { headers: { 'Content-Type': 'application/json' } })),
      'GET /api/v1/sso/providers': [],
      'GET /api/v1/tenants': [{ id: 'msp', name: 'MSP', kind: 'MSP' }, { id: 'c1', name: 'Acme', kind: 'CUSTOMER', parentId: 'msp' }],
      'POST /api/v1/tenants': { id: 'c2', name: 'Globex', kind: 'CUSTOMER', parentId: 'msp' },
    });
    const user = userEvent.setup();
    const { container } = renderWithProviders(<AdminPage />, { path: '/admin', route: '/admin?tab=tenant' });
    expect(await screen.findByTestId('tenant-node-Acme')).toBeInTheDocument();
    await user.type(await screen.findByTestId('ip-input'), '192.168.0.0/16{Enter}');
    expect(screen.getAllByTestId('ip-chip').map((c) => c.textContent)).toEqual(['10.0.0.0/8', '192.168.0.0/16']);
    await user.click(screen.getByTestId('settings-mfa'));
    expect(await axeViolations(container)).toEqual([]);
    await user.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(requests.find((r) => r.method === 'PUT')?.body).toMatchObject({ mfaRequired: true, ipAllowList: ['10.0.0.0/8', '192.168.0.0/16'] }));
    await user.type(screen.getByTestId('child-tenant-name'), 'Globex');
    await user.click(screen.getByTestId('child-tenant-add'));
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ name: 'Globex', kind: 'CUSTOMER' }));
  });
});

describe('access review campaign', () => {
  it('certifies an item, flags overdue ones and completes only when all are decided', SLOW, async () => {
    setTokens({ accessToken: 'tok', expiresIn: 900 });
    const requests = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/access/reviews/rv1': { id: 'rv1', name: 'Q4', dueAt: '2026-11-01T00:00:00Z' },
      'GET /api/v1/access/reviews/rv1/items': [
        { id: 'i1', userId: 'u2', username: 'bob', role: 'ADMIN', lastActivityAt: null, decision: 'PENDING', overdue: true },
        { id: 'i2', userId: 'u3', username: 'carol', role: 'VIEWER', lastActivityAt: '2026-10-01T00:00:00Z', decision: 'CERTIFIED', overdue: false },
        { id: 'i3', userId: 'u1', username: 'alice', role: 'ADMIN', lastActivityAt: null, decision: 'PENDING', overdue: false },
      ],
      'POST /api/v1/access/reviews/rv1/items/i1/decision': null,
    });
    const user = userEvent.setup();
    const { container } = renderWithProviders(<ReviewPage />, { path: '/access/reviews/:id', route: '/access/reviews/rv1' });
    expect(await screen.findByTestId('review-overdue')).toHaveTextContent('1 item is overdue');
    expect(screen.getByTestId('review-complete')).toBeDisabled();
    // one's own line is decided by another reviewer (the server answers SELF_REVIEW_FORBIDDEN)
    const own = screen.getByTestId('review-item-alice-ADMIN');
    expect(within(own).queryByTestId('review-certify')).toBeNull();
    expect(within(own).getByTestId('review-own')).toBeInTheDocument();
    expect(screen.queryByTestId('review-report-json')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Certify ADMIN for bob' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({ decision: 'CERTIFIED' }));
  });
});
