import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import AuditPage from './AuditPage';
import { axeViolations, jsonResponse, renderWithProviders } from '../../test/utils';

afterEach(() => vi.unstubAllGlobals());

type Handler = (path: string, method: string, body: string) => Response | Promise<Response>;

function stubFetch(handler: Handler) {
  const calls: { path: string; method: string; body: string }[] = [];
  const mock = vi.fn(async (input: Request | string, init?: RequestInit) => {
    const req = typeof input === 'string' ? new Request(input, init) : input;
    const url = new URL(req.url);
    const body = req.method === 'GET' ? '' : await req.clone().text();
    const call = { path: url.pathname + url.search, method: req.method, body };
    calls.push(call);
    return handler(call.path, call.method, body);
  });
  vi.stubGlobal('fetch', mock);
  return calls;
}

const pack = {
  id: '7d4c5a52-64a4-4b0e-9a39-0d0c6f3b1e11',
  framework: 'SOC2',
  controls: ['CC6.1', 'CC7.2'],
  from: '2026-01-01T00:00:00Z',
  to: '2026-04-01T00:00:00Z',
  itemCount: 4,
  sha256: 'a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778',
  createdBy: 'admin',
  createdAt: '2026-04-02T08:00:00Z',
};

describe('AuditPage tabs', () => {
  it('keeps the timeline as the default tab and puts the chosen tab in the URL', async () => {
    stubFetch((path) => {
      if (path.startsWith('/api/v1/audit/entries')) return jsonResponse({ items: [{ index: 1, actor: 'admin', action: 'auth.login', target: 'admin', outcome: 'success', timestamp: '2026-04-02T08:00:00Z' }] });
      if (path.startsWith('/api/v1/audit/log')) return jsonResponse({ origin: 'cloudwarden.example/t1', hashAlgorithm: 'SHA-256', treeSize: 12, rootHash: 'cm9vdA==' });
      if (path.startsWith('/api/v1/audit/anchors')) return jsonResponse([]);
      if (path.startsWith('/api/v1/audit/keys')) return jsonResponse({ origin: 'o', verifierKeys: [] });
      return jsonResponse({}, 404);
    });
    const user = userEvent.setup();
    const { router } = renderWithProviders(<AuditPage />, { route: '/audit', path: '/audit' });
    expect(await screen.findAllByTestId('audit-row')).toHaveLength(1);
    expect(screen.getByTestId('audit-tab-timeline')).toHaveAttribute('aria-selected', 'true');
    await user.click(screen.getByTestId('audit-tab-integrity'));
    expect(router.state.location.search).toBe('?tab=integrity');
    expect(await screen.findByTestId('audit-log')).toHaveTextContent('SHA-256');
    expect(screen.queryByTestId('audit-table')).not.toBeInTheDocument();
  });
});

describe('Evidence tab', () => {
  it('generates a pack from the form, shows its SHA-256 and refreshes the list', async () => {
    let generated = false;
    const calls = stubFetch((path, method) => {
      if (path === '/api/v1/evidence/controls')
        return jsonResponse([
          { id: 'SOC2', name: 'SOC 2', available: true, controlCount: 2 },
          { id: 'ISO27001', name: 'ISO 27001', available: false },
        ]);
      if (path === '/api/v1/evidence/controls?framework=SOC2')
        return jsonResponse([{ id: 'SOC2', available: true, controls: [{ id: 'CC6.1', framework: 'SOC2', title: 'Logical access' }, { id: 'CC7.2', framework: 'SOC2', title: 'Monitoring' }] }]);
      if (path.startsWith('/api/v1/evidence/packs') && method === 'GET') return jsonResponse({ items: generated ? [pack] : [] });
      if (path === '/api/v1/evidence/packs' && method === 'POST') {
        generated = true;
        return new Response(new Uint8Array([0x50, 0x4b, 3, 4]), {
          status: 201,
          headers: { 'Content-Type': 'application/zip', 'X-Evidence-Pack-Id': pack.id, 'X-Evidence-Pack-SHA256': pack.sha256, 'Content-Disposition': 'attachment; filename="soc2.zip"' },
        });
      }
      if (path.startsWith('/api/v1/evidence/items'))
        return jsonResponse({ items: [{ id: 'i1', kind: 'POLICY', title: 'Access policy', controls: ['CC6.1'], collectedAt: '2026-03-01T00:00:00Z' }] });
      return jsonResponse({}, 404);
    });
    const user = userEvent.setup();
    const { container } = renderWithProviders(<AuditPage />, { route: '/audit?tab=evidence', path: '/audit' });
    expect(await screen.findByText(/No evidence packs yet/)).toBeInTheDocument();
    expect(await screen.findAllByTestId('evidence-item-row')).toHaveLength(1);

    const form = screen.getByTestId('pack-generate-form');
    await user.click(within(form).getByRole('combobox', { name: /Framework/ }));
    const listbox = await screen.findByRole('listbox');
    expect(within(listbox).getByRole('option', { name: /ISO 27001.*no catalogue/ })).toHaveAttribute('aria-disabled', 'true');
    await user.click(within(listbox).getByRole('option', { name: /SOC 2/ }));
    await user.click(screen.getByTestId('pack-controls'));
    await user.click(await screen.findByRole('option', { name: /CC7.2/ }));
    await user.clear(screen.getByTestId('pack-from'));
    await user.type(screen.getByTestId('pack-from'), '2026-01-01');
    await user.clear(screen.getByTestId('pack-to'));
    await user.type(screen.getByTestId('pack-to'), '2026-03-31');
    await user.click(screen.getByTestId('pack-generate'));

    expect(await screen.findByTestId('pack-result')).toHaveTextContent(pack.sha256);
    const post = calls.find((c) => c.method === 'POST')!;
    expect(JSON.parse(post.body)).toEqual({
      framework: 'SOC2',
      controls: ['CC7.2'],
      from: new Date(2026, 0, 1).toISOString(),
      to: new Date(2026, 3, 1).toISOString(),
    });
    const rows = await screen.findAllByTestId('pack-row');
    expect(rows[0]).toHaveTextContent('SOC2');
    expect(rows[0]).toHaveTextContent('a3f1c2d4e5b6…');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows the problem detail and code when there is no evidence in the period', async () => {
    stubFetch((path, method) => {
      if (path === '/api/v1/evidence/controls') return jsonResponse([{ id: 'SOC2', name: 'SOC 2', available: true }]);
      if (path.startsWith('/api/v1/evidence/controls')) return jsonResponse([{ id: 'SOC2', controls: [] }]);
      if (path === '/api/v1/evidence/packs' && method === 'POST')
        return jsonResponse({ title: 'No evidence in the period', status: 400, detail: 'no evidence item of SOC2 in the period', code: 'NO_EVIDENCE_IN_PERIOD' }, 400, 'application/problem+json');
      return jsonResponse({ items: [] });
    });
    const user = userEvent.setup();
    renderWithProviders(<AuditPage />, { route: '/audit?tab=evidence', path: '/audit' });
    await user.click(screen.getByTestId('pack-generate'));
    expect(await screen.findByText('Choose a framework')).toBeInTheDocument();
    await user.click(within(screen.getByTestId('pack-generate-form')).getByRole('combobox', { name: /Framework/ }));
    await user.click(await screen.findByRole('option', { name: /SOC 2/ }));
    await user.click(screen.getByTestId('pack-generate'));
    const error = await screen.findByTestId('pack-error');
    expect(error).toHaveTextContent('no evidence item of SOC2 in the period');
    expect(error).toHaveTextContent('NO_EVIDENCE_IN_PERIOD');
  });
});

describe('Integrity tab', () => {
  it('shows the log, the anchors and keys, and verifies the log on demand', async () => {
    stubFetch((path, method) => {
      if (path === '/api/v1/audit/log')
        return jsonResponse({
          origin: 'cloudwarden.example/t1',
          hashAlgorithm: 'SHA-256',
          treeSize: 120,
          rootHash: 'q83vEjRWeJA=',
          latestCheckpoint: { treeSize: 118, createdAt: '2026-04-02T08:00:00Z' },
        });
      if (path === '/api/v1/audit/anchors')
        return jsonResponse([
          { target: 's3://worm/anchors', anchoredSize: 118, anchoredAt: '2026-04-02T08:00:00Z', localSize: 120, status: 'OK', message: 'consistent' },
          { target: 'file:/var/anchors', anchoredSize: 130, localSize: 120, status: 'ROLLBACK_DETECTED', message: 'anchored size beyond the log' },
        ]);
      if (path === '/api/v1/audit/keys') return jsonResponse({ origin: 'cloudwarden.example/t1', verifierKeys: ['cloudwarden.example/t1+1a2b3c4d+AbCdEf=='] });
      if (path === '/api/v1/audit/verify' && method === 'POST')
        return jsonResponse({
          ok: false,
          entriesChecked: 120,
          checkpoints: 2,
          checkpointsVerified: 1,
          anchors: 2,
          anchorsVerified: 1,
          firstBadIndex: 57,
          problems: [{ kind: 'MODIFIED_ENTRY', index: 57, message: 'stored hash differs' }],
        });
      return jsonResponse({}, 404);
    });
    const user = userEvent.setup();
    const { container } = renderWithProviders(<AuditPage />, { route: '/audit?tab=integrity', path: '/audit' });
    const log = await screen.findByTestId('audit-log');
    expect(log).toHaveTextContent('installation default');
    expect(log).toHaveTextContent('q83vEjRWeJA=');
    const rows = await screen.findAllByTestId('anchor-row');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent('Rollback detected');
    expect(await screen.findByTestId('audit-key')).toHaveTextContent('+1a2b3c4d+');
    expect(screen.getByText('./cloudwarden verify-log bundle.zip')).toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);

    await user.click(screen.getByTestId('verify-log'));
    const result = await screen.findByTestId('verify-result');
    expect(result).toHaveTextContent('does not verify');
    expect(result).toHaveTextContent('First bad entry: 57');
    expect(result).toHaveTextContent('Checkpoints verified: 1 of 2');
    expect(result).toHaveTextContent('MODIFIED_ENTRY');
  });

  it('explains anchoring when no target is configured', async () => {
    stubFetch((path) => {
      if (path === '/api/v1/audit/anchors') return jsonResponse([]);
      if (path === '/api/v1/audit/log') return jsonResponse({ origin: 'o', treeSize: 0, onlineRetentionDays: 365 });
      return jsonResponse({ verifierKeys: [] });
    });
    renderWithProviders(<AuditPage />, { route: '/audit?tab=integrity', path: '/audit' });
    expect(await screen.findByText(/No anchoring target is configured/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('audit-log')).toHaveTextContent('365 days'));
  });
});
