import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HistoryTab, nextSelection } from './HistoryTab';
import { jsonResponse, renderWithProviders } from '../../test/utils';

afterEach(() => vi.unstubAllGlobals());

describe('nextSelection', () => {
  it('keeps at most two versions', () => {
    expect(nextSelection([], 3, true)).toEqual([3]);
    expect(nextSelection([3, 2], 1, true)).toEqual([2, 1]);
    expect(nextSelection([3, 2], 3, false)).toEqual([2]);
  });
});

describe('HistoryTab', () => {
  it('compares two picked versions side by side', async () => {
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (req: Request) => {
        const url = new URL(req.url);
        calls.push(url.pathname + url.search);
        if (url.pathname.endsWith('/history'))
          return jsonResponse({
            items: [
              { version: 3, change: 'MODIFIED', validFrom: '2026-11-22T10:00:00Z', state: 'running' },
              { version: 2, change: 'MODIFIED', validFrom: '2026-11-21T10:00:00Z', validTo: '2026-11-22T10:00:00Z', state: 'running' },
              { version: 1, change: 'CREATED', validFrom: '2026-11-20T10:00:00Z', validTo: '2026-11-21T10:00:00Z', state: 'pending' },
            ],
          });
        return jsonResponse({
          resourceId: 'r1',
          fromVersion: 1,
          toVersion: 3,
          changes: [
            { path: '/instanceType', kind: 'changed', oldValue: 't3.micro', newValue: 't3.large' },
            { path: '/tags/owner', kind: 'added', oldValue: null, newValue: 'team-a' },
          ],
        });
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<HistoryTab id="r1" />, { route: '/inventory/r1?tab=history', path: '/inventory/:id' });
    const boxes = await screen.findAllByTestId('history-version');
    expect(boxes).toHaveLength(3);
    await user.click(boxes[0]);
    await user.click(boxes[2]);
    const diff = await screen.findByTestId('diff-view');
    expect(calls.some((c) => c.includes('/diff?from=1&to=3'))).toBe(true);
    const rows = within(diff).getAllByTestId('diff-row');
    expect(rows[0]).toHaveTextContent('/instanceType');
    expect(rows[0]).toHaveTextContent('t3.micro');
    expect(rows[0]).toHaveTextContent('t3.large');
    expect(rows[1]).toHaveTextContent('(absent)');
    await waitFor(() => expect(within(diff).getByText('Changes from version 1 to version 3')).toBeInTheDocument());
  });
});
