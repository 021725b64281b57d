import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import ImportPage from './ImportPage';
import { axeViolations, jsonResponse, renderWithProviders } from '../../test/utils';

afterEach(() => vi.unstubAllGlobals());

const job = (status: string, extra: Record<string, unknown> = {}) => ({
  id: 'i1',
  source: 'UPLOAD',
  fileName: 'jan.csv',
  status,
  progress: 0.4,
  rowsRead: 40,
  rowsAccepted: 2,
  rowsQuarantined: 1,
  requestedBy: 'admin',
  createdAt: '2026-11-22T10:00:00Z',
  ...extra,
});

describe('ImportPage', () => {
  it('polls a running import until its report and quarantine are there', async () => {
    let gets = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (req: Request) => {
        const url = new URL(req.url);
        if (url.pathname.endsWith('/quarantine'))
          return jsonResponse({ items: [{ sourceRow: 3, reason: "BilledCost: not a decimal number: 'x'", raw: { ResourceId: 'i-bad' } }] });
        gets++;
        if (gets === 1) return jsonResponse(job('RUNNING'));
        return jsonResponse(
          job('SUCCEEDED', {
            report: {
              format: { id: 'FOCUS_1_2', label: 'FOCUS 1.2', detectedBecause: 'header has FOCUS columns' },
              rowsRead: 3,
              rowsAccepted: 2,
              rowsQuarantined: 1,
              billingPeriods: ['2026-01'],
              periodsReplaced: [{ billingAccountId: 'acct-1', billingPeriodStart: '2026-01-01', rows: 2, previousRows: 5 }],
              reconciliation: { reconciled: false, currencies: [{ currency: 'EUR', source: 12, accepted: 10, quarantined: 0 }], notes: ['2 EUR missing'] },
              conformance: {
                conformant: false,
                rowsChecked: 2,
                rulesPassed: 10,
                rulesFailed: 1,
                rulesNotApplicable: 3,
                failures: [{ ruleId: 'SkuId-C-005-C', description: 'SkuId MUST NOT be null', failed: 2, firstFailingRows: [1, 2] }],
              },
            },
          }),
        );
      }),
    );
    const { container } = renderWithProviders(<ImportPage />, { route: '/cost/imports/i1', path: '/cost/imports/:id' });
    expect(await screen.findByText('40 rows read so far')).toBeInTheDocument();
    const reconciliation = await screen.findByTestId('cost-reconciliation', {}, { timeout: 4000 });
    expect(within(reconciliation).getByText('Not reconciled')).toBeInTheDocument();
    expect(within(reconciliation).getByText('2 EUR missing')).toBeInTheDocument();
    expect(screen.getByTestId('cost-import-detected')).toHaveTextContent('header has FOCUS columns');
    expect(screen.getByText('Account acct-1, 2026-01: 2 rows (before: 5)')).toBeInTheDocument();
    expect(within(screen.getByTestId('cost-failed-rules')).getByText('SkuId-C-005-C')).toBeInTheDocument();
    expect(await screen.findByTestId('cost-quarantine')).toHaveTextContent('ResourceId=i-bad');
    expect(await axeViolations(container)).toEqual([]);
  }, 15_000);

  it('shows why a file was refused', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(job('REFUSED', { error: "'x.csv' is not a cost export", rowsQuarantined: 0 }))));
    renderWithProviders(<ImportPage />, { route: '/cost/imports/i1', path: '/cost/imports/:id' });
    expect(await screen.findByTestId('cost-import-refused')).toHaveTextContent('is not a cost export');
    expect(screen.queryByTestId('cost-import-report')).toBeNull();
  });
});
