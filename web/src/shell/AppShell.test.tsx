import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppShell } from './AppShell';
import { axeViolations, jsonResponse, renderWithProviders } from '../test/utils';
import { getToken, setSession } from '../api/session';

afterEach(() => vi.unstubAllGlobals());

function stubApi() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: Request | string) => {
      const url = typeof input === 'string' ? input : input.url;
      if (url.endsWith('/api/v1/me'))
        return jsonResponse({
          userId: 'u1',
          username: 'alice',
          tenantId: 't1',
          tenantName: 'Acme',
          tenants: [{ id: 't1', name: 'Acme' }],
          areas: ['overview', 'inventory', 'accounts', 'monitoring'],
        });
      if (url.includes('/events/stream')) return new Response(new ReadableStream(), { headers: { 'Content-Type': 'text/event-stream' } });
      return jsonResponse({ items: [] });
    }),
  );
}

describe('AppShell', () => {
  it('shows the tenant, lists only the areas the server grants and this console has, and passes axe', async () => {
    setSession('tok', 'Bearer', 900);
    stubApi();
    const { container } = renderWithProviders(<AppShell />);
    expect(await screen.findByTestId('tenant-name')).toHaveTextContent('Acme');
    // jsdom matches no media query: the phone layout, navigation in a drawer behind the menu button
    expect(await axeViolations(container)).toEqual([]);
    await userEvent.setup().click(screen.getByTestId('menu-button'));
    const nav = await screen.findByRole('navigation');
    expect(within(nav).getByTestId('nav-overview')).toBeInTheDocument();
    expect(within(nav).getByTestId('nav-inventory')).toBeInTheDocument();
    expect(within(nav).getByTestId('nav-accounts')).toBeInTheDocument();
    expect(within(nav).queryByTestId('nav-audit')).not.toBeInTheDocument(); // not granted
    expect(within(nav).queryByTestId('nav-monitoring')).not.toBeInTheDocument(); // no page yet
    expect(container.querySelector('header')).not.toBeNull();
    expect(container.querySelector('main#main')).not.toBeNull();
  });

  it('logs out from the user menu and switches the theme', async () => {
    setSession('tok', 'Bearer', 900);
    stubApi();
    const user = userEvent.setup();
    renderWithProviders(<AppShell />);
    await screen.findByTestId('tenant-name');
    await user.click(screen.getByTestId('user-menu-button'));
    await user.click(await screen.findByTestId('theme-dark'));
    expect(localStorage.getItem('cw.theme')).toBe('dark');
    await user.click(screen.getByTestId('user-menu-button'));
    await user.click(await screen.findByTestId('logout'));
    expect(getToken()).toBeNull();
    expect(await screen.findByTestId('navigated')).toBeInTheDocument();
  });
});
