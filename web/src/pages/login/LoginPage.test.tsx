import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import LoginPage from './LoginPage';
import { axeViolations, jsonResponse, renderWithProviders } from '../../test/utils';
import { getToken } from '../../api/session';

afterEach(() => vi.unstubAllGlobals());

describe('LoginPage', () => {
  it('shows the problem detail and code when sign-in fails', async () => {
    const fetchMock = vi.fn(async () =>
      jsonResponse(
        { title: 'Unauthenticated', status: 401, detail: 'Wrong username or password.', code: 'BAD_CREDENTIALS' },
        401,
        'application/problem+json',
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    const { container } = renderWithProviders(<LoginPage />, { path: '/login', route: '/login' });
    await user.type(await screen.findByTestId('login-username'), 'admin');
    await user.type(screen.getByTestId('login-password'), 'nope');
    await user.click(screen.getByTestId('login-submit'));
    const error = await screen.findByTestId('login-error');
    expect(error).toHaveTextContent('Wrong username or password.');
    expect(error).toHaveTextContent('BAD_CREDENTIALS');
    expect(getToken()).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('stores the token and leaves the login page on success', async () => {
    const fetchMock = vi.fn(async (req: Request) => {
      expect(req.url).toMatch(/\/api\/v1\/auth\/login$/);
      expect(await req.json()).toEqual({ username: 'admin', password: 'secret' });
      return jsonResponse({ accessToken: 'tok', tokenType: 'Bearer', expiresIn: 900 });
    });
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    renderWithProviders(<LoginPage />, { path: '/login', route: '/login' });
    await user.type(await screen.findByTestId('login-username'), 'admin');
    await user.type(screen.getByTestId('login-password'), 'secret{Enter}');
    await waitFor(() => expect(getToken()).toBe('tok'));
    expect(await screen.findByTestId('navigated')).toBeInTheDocument();
  });
});
