import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppShell } from './AppShell';
import { renderWithProviders } from '../test/utils';
import { fakeApi } from '../test/fakeApi';
import { getToken, setTokens } from '../api/session';

afterEach(() => vi.unstubAllGlobals());

const me = {
  userId: 'u1',
  username: 'alice',
  tenantId: 'msp',
  tenantName: 'Northwind MSP',
  tenants: [
    { id: 'msp', name: 'Northwind MSP', kind: 'MSP' },
    { id: 'acme', name: 'Acme', kind: 'CUSTOMER', parentId: 'msp' },
  ],
  areas: ['overview', 'admin'],
  permissions: ['tenant:read'],
};

describe('tenant switch and logout', () => {
  it('sends X-Cloudwarden-Tenant after switching, refetches, and logs out on the server', { timeout: 30_000 }, async () => {
    setTokens({ accessToken: 'tok', refreshToken: 'ref-1', expiresIn: 900 });
    const requests = fakeApi({ 'GET /api/v1/me': me, 'POST /api/v1/auth/logout': null });
    const user = userEvent.setup();
    renderWithProviders(<AppShell />);
    await user.click(await screen.findByTestId('tenant-switcher'));
    await user.click(await screen.findByTestId('tenant-option-acme'));
    await waitFor(() =>
      expect(requests.filter((r) => r.path === '/api/v1/me').map((r) => r.headers.get('X-Cloudwarden-Tenant'))).toEqual([null, 'acme']),
    );
    expect(await screen.findByTestId('tenant-name')).toHaveTextContent('Acme');
    // the live stream is reopened for the new tenant
    await waitFor(() =>
      expect(requests.filter((r) => r.path === '/api/v1/events/stream').map((r) => r.headers.get('X-Cloudwarden-Tenant'))).toEqual([null, 'acme']),
    );
    await user.click(screen.getByTestId('user-menu-button'));
    await user.click(await screen.findByTestId('logout'));
    await waitFor(() => expect(requests.find((r) => r.path === '/api/v1/auth/logout')?.body).toEqual({ refreshToken: 'ref-1' }));
    expect(getToken()).toBeNull();
  });
});
