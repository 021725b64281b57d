import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import AllocationPage from './allocation/AllocationPage';
import ChargebackPage from './chargeback/ChargebackPage';
import BudgetPage from './budgets/BudgetPage';
import { fakeApi } from '../../test/fakeApi';
import { axeViolations, jsonResponse, renderWithProviders } from '../../test/utils';

afterEach(() => vi.unstubAllGlobals());

// jsdom has no canvas: the chart is stood in for by its accessible element (what the wrapper renders around the canvas)
vi.mock('../../components/EChart', () => ({
  default: ({ ariaLabel, testId }: { ariaLabel: string; testId?: string }) => <div role="img" aria-label={ariaLabel} data-testid={testId} />,
}));

const me = (permissions: string[]) => ({ username: 'u', tenantName: 't', tenants: [], areas: ['cost'], permissions });
const ALL = ['cost:read', 'cost:manage-allocation', 'cost:manage-budgets', 'cost:export'];
const coverage = (percent: number) => ({
  overall: [{ key: 'overall', currency: 'USD', cost: 100, allocated: percent, percent }],
  byAccount: [],
  byService: [],
});

describe('AllocationPage', () => {
  it('adds a rule to the draft, previews it without saving, then saves and follows the re-allocation', async () => {
    let saved = false;
    let polls = 0;
    const requests = fakeApi({
      'GET /api/v1/me': me(ALL),
      'GET /api/v1/cost/allocation/rules': () => jsonResponse({ rules: saved ? [{ id: 'r1', name: 'Team tag', conditions: [], assign: {} }] : [] }),
      'GET /api/v1/cost/allocation/shared-costs': { rules: [] },
      'GET /api/v1/cost/allocation/coverage': () => jsonResponse(coverage(saved && polls > 1 ? 90 : 0)),
      'GET /api/v1/cost/allocation/reallocations': [],
      'POST /api/v1/cost/allocation/preview': {
        month: '2026-10',
        dimensions: { team: [{ value: '(unallocated)', currency: 'USD', before: 100, after: 10, delta: -90 }, { value: 'payments', currency: 'USD', before: 0, after: 90, delta: 90 }] },
        unallocated: { team: [{ value: '(unallocated)', currency: 'USD', before: 100, after: 10, delta: -90 }] },
      },
      'PUT /api/v1/cost/allocation/rules': () => {
        saved = true;
        return jsonResponse({ rules: [{ id: 'r1', name: 'Team tag', conditions: [{ field: 'TAG', key: 'Team', op: 'EXISTS' }], assign: { team: { fromTag: 'team' } } }], reallocation: { id: 'j1', status: 'QUEUED', monthsTotal: 1, monthsDone: 0 } }, 202);
      },
      'GET /api/v1/cost/allocation/reallocations/j1': () => {
        polls++;
        return jsonResponse({ id: 'j1', status: polls > 1 ? 'SUCCEEDED' : 'RUNNING', monthsTotal: 1, monthsDone: polls > 1 ? 1 : 0, rowsUpdated: 3 });
      },
    });
    const user = userEvent.setup();
    const { container } = renderWithProviders(<AllocationPage />, { route: '/cost/allocation?month=2026-10', path: '/cost/allocation' });
    expect(await screen.findByTestId('coverage-percent')).toHaveTextContent('0%');
    expect(await screen.findByText(/No rules yet/)).toBeInTheDocument();

    await user.click(screen.getByTestId('rule-add'));
    await user.type(screen.getByTestId('rule-name'), 'Team tag');
    await user.type(screen.getByTestId('rule-key-0'), 'Team');
    expect(screen.getByText(/Compared as “team”/)).toBeInTheDocument();
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('combobox', { name: 'Team' }));
    await user.click(await screen.findByRole('option', { name: 'From a tag' }));
    await user.type(screen.getByTestId('rule-assign-team-tag'), 'team');
    await user.click(screen.getByTestId('rule-apply'));
    expect(screen.getByTestId('rule-row-0')).toHaveTextContent('Tag “Team” exists');
    expect(screen.getByTestId('rule-row-0')).toHaveTextContent('Team ← tag “team”');
    expect(screen.getByTestId('rules-dirty')).toBeInTheDocument();

    await user.click(screen.getByTestId('rules-preview'));
    expect(await screen.findByTestId('preview-unallocated')).toHaveTextContent('$100.00 → $10.00 (−$90.00)');
    const preview = requests.find((r) => r.method === 'POST')!;
    expect(preview.body).toEqual({
      month: '2026-10',
      rules: [{ name: 'Team tag', conditions: [{ field: 'TAG', key: 'Team', op: 'EXISTS' }], assign: { team: { fromTag: 'team' } } }],
    });
    expect(requests.some((r) => r.method === 'PUT')).toBe(false);
    expect(await axeViolations(container)).toEqual([]);

    await user.click(screen.getByTestId('rules-save'));
    await waitFor(() => expect(screen.getByTestId('reallocation-progress')).toHaveAttribute('data-status', 'SUCCEEDED'), { timeout: 8000 });
    await waitFor(() => expect(screen.getByTestId('coverage-percent')).toHaveTextContent('90%'));
    expect(screen.queryByTestId('rules-dirty')).not.toBeInTheDocument();
  }, 60_000);

  it('shows the server’s problems on the rule they concern', async () => {
    fakeApi({
      'GET /api/v1/me': me(ALL),
      'GET /api/v1/cost/allocation/rules': { rules: [{ id: 'r1', name: 'Bad regex', conditions: [{ field: 'RESOURCE_NAME', op: 'REGEX', values: ['('] }], assign: { team: { value: 'x' } } }] },
      'GET /api/v1/cost/allocation/shared-costs': { rules: [] },
      'GET /api/v1/cost/allocation/coverage': coverage(0),
      'GET /api/v1/cost/allocation/reallocations': [],
      'POST /api/v1/cost/allocation/preview': () =>
        jsonResponse({ status: 400, title: 'The allocation rules are not valid', code: 'ALLOCATION_RULE_INVALID', errors: [{ field: 'rules[0].conditions[0].values', message: 'not a valid regular expression' }] }, 400, 'application/problem+json'),
    });
    const user = userEvent.setup();
    renderWithProviders(<AllocationPage />, { route: '/cost/allocation', path: '/cost/allocation' });
    await user.click(await screen.findByTestId('rules-preview'));
    expect(await screen.findByTestId('rules-error')).toHaveTextContent('ALLOCATION_RULE_INVALID');
    expect(screen.getByTestId('rule-row-0')).toHaveTextContent('Rule 1 › condition 1 › values: not a valid regular expression');
  });

  it('is read-only without the manage permission', async () => {
    fakeApi({
      'GET /api/v1/me': me(['cost:read']),
      'GET /api/v1/cost/allocation/rules': { rules: [{ id: 'r1', name: 'Catch-all', conditions: [], assign: { team: { value: 'platform' } } }] },
      'GET /api/v1/cost/allocation/shared-costs': { rules: [] },
      'GET /api/v1/cost/allocation/coverage': coverage(100),
      'GET /api/v1/cost/allocation/reallocations': [],
    });
    renderWithProviders(<AllocationPage />, { route: '/cost/allocation', path: '/cost/allocation' });
    expect(await screen.findByTestId('rule-row-0')).toHaveTextContent('Every cost row');
    expect(screen.queryByTestId('rule-add')).not.toBeInTheDocument();
    expect(screen.queryByTestId('rules-save')).not.toBeInTheDocument();
    expect(screen.queryByTestId('rule-up-0')).not.toBeInTheDocument();
  });
});

describe('ChargebackPage', () => {
  it('shows the month and dimension from the URL with the unallocated bucket', async () => {
    const requests = fakeApi({
      'GET /api/v1/me': me(ALL),
      'GET /api/v1/cost/chargeback': {
        month: '2026-10',
        dimension: 'costCenter',
        lines: [
          { value: 'cc-1', currency: 'USD', directEffectiveCost: 60, sharedEffectiveCost: 10, totalEffectiveCost: 70, percentOfTotal: 87.5 },
          { value: '(unallocated)', currency: 'USD', directEffectiveCost: 10, sharedEffectiveCost: 0, totalEffectiveCost: 10, percentOfTotal: 12.5 },
        ],
        totals: { USD: { effectiveCost: 80, billedCost: 80 } },
        pools: [],
      },
    });
    const { container } = renderWithProviders(<ChargebackPage />, { route: '/cost/chargeback?month=2026-10&dimension=costCenter', path: '/cost/chargeback' });
    expect(await screen.findByTestId('chargeback-row-unallocated')).toHaveTextContent('(unallocated)');
    expect(screen.getByTestId('chargeback-total')).toHaveTextContent('$80.00');
    expect(requests.some((r) => r.path === '/api/v1/cost/chargeback?month=2026-10&dimension=costCenter')).toBe(true);
    expect(screen.getByTestId('chargeback-csv')).toBeEnabled();
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('BudgetPage', () => {
  it('shows actual, the run-rate projection, crossed thresholds and the chart', async () => {
    fakeApi({
      'GET /api/v1/me': me(ALL),
      'GET /api/v1/cost/budgets/b1': { id: 'b1', name: 'Payments', scope: { type: 'TEAM', value: 'payments' }, period: 'MONTHLY', amount: 100, currency: 'USD' },
      'GET /api/v1/cost/budgets/b1/status': {
        budgetId: 'b1', name: 'Payments', periodStart: '2026-11-01', periodEnd: '2026-11-30', asOf: '2026-11-02', amount: 100, currency: 'USD',
        actual: 70, projected: 1050, projectionMethod: 'RUN_RATE_MTD', percentUsed: 70,
        thresholds: [{ kind: 'ACTUAL', percent: 50, limit: 50, crossed: true, crossedAt: '2026-11-02T10:00:00Z' }, { kind: 'ACTUAL', percent: 80, limit: 80, crossed: false }],
        burnDown: [{ day: '2026-11-01', actualCumulative: 35, budgetLine: 3.33 }, { day: '2026-11-02', actualCumulative: 70, budgetLine: 6.67 }, { day: '2026-11-03', actualCumulative: null, budgetLine: 10 }],
      },
    });
    const { container } = renderWithProviders(<BudgetPage />, { route: '/cost/budgets/b1', path: '/cost/budgets/:id' });
    expect(await screen.findByTestId('kpi-actual')).toHaveTextContent('$70.00');
    expect(screen.getByTestId('kpi-projected')).toHaveTextContent('month-to-date run rate');
    expect(screen.getByTestId('threshold-crossed')).toHaveTextContent('Actual ≥ 50%');
    expect(screen.getByTestId('burn-down-chart')).toHaveAttribute('aria-label', expect.stringContaining('$70.00 spent of $100.00'));
    expect(await axeViolations(container)).toEqual([]);
  });
});
