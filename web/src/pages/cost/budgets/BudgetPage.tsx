import { useState } from 'react';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { costApi, costKeys, type BudgetStatus } from '../../../api/costAllocation';
import { useSavedFilters } from '../../../api/cost';
import { useMe } from '../../../api/queries';
import { ScrollableTable } from '../../../components/ScrollableTable';
import { ErrorState, LinesSkeleton, PageSkeleton } from '../../../components/States';
import { StatusChip } from '../../../components/StatusChip';
import { useUrlState } from '../../../hooks/useUrlState';
import { formatDateTime } from '../../../lib/format';
import { can } from '../../../lib/permissions';
import { CostHeader } from '../CostSubNav';
import { formatDay, formatMoney, formatPercent } from '../money';
import { BudgetDialog } from './BudgetDialog';
import { ThresholdChips, scopeText } from './BudgetParts';
import BurnDownChart from './BurnDownChart';
import { projectedPercent } from './budgets';

function Kpi({ label, value, sub, testId }: { label: string; value: string; sub?: string; testId: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, flex: 1, minWidth: 160 }} data-testid={testId}>
      <Typography variant="body2" color="text.secondary">{label}</Typography>
      <Typography component="p" sx={{ fontSize: '1.6rem', fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}>{value}</Typography>
      {sub && <Typography variant="body2" color="text.secondary">{sub}</Typography>}
    </Paper>
  );
}

function ThresholdTable({ status }: { status: BudgetStatus }) {
  const { t } = useTranslation();
  return (
    <ScrollableTable label={t('cost2.budgets.detail.thresholds')}>
      <Table size="small" data-testid="threshold-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('cost2.budgets.detail.kind')}</TableCell>
            <TableCell align="right">{t('cost2.budgets.detail.percent')}</TableCell>
            <TableCell align="right">{t('cost2.budgets.detail.limit')}</TableCell>
            <TableCell>{t('cost2.budgets.detail.state')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(status.thresholds ?? []).map((th) => {
            const kind = th.kind === 'PROJECTED' ? 'PROJECTED' : 'ACTUAL';
            return (
              <TableRow key={`${kind}-${th.percent}`} data-testid={th.crossed ? 'threshold-row-crossed' : 'threshold-row'}>
                <TableCell>{t(`cost2.budgets.kinds.${kind}`)}</TableCell>
                <TableCell align="right">{formatPercent(th.percent)}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{formatMoney(th.limit, status.currency)}</TableCell>
                <TableCell>
                  {th.crossed ? (
                    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0.5, sm: 1 }} alignItems={{ xs: 'flex-start', sm: 'center' }}>
                      <StatusChip status="FAILED" label={t('cost2.budgets.detail.crossed')} />
                      <Typography variant="body2" color="text.secondary">{formatDateTime(th.crossedAt)}</Typography>
                    </Stack>
                  ) : (
                    <Typography variant="body2" color="text.secondary">{t('cost2.budgets.detail.notCrossed')}</Typography>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </ScrollableTable>
  );
}

/** /cost/budgets/:id?asOf=YYYY-MM-DD: a budget's period as of a day, its burn-down, and its thresholds. */
export default function BudgetPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params, update] = useUrlState();
  const asOf = params.get('asOf') ?? undefined;
  const budget = useQuery({ queryKey: costKeys.budget(id), queryFn: () => costApi.budget(id) });
  const savedFilters = useSavedFilters();
  const status = useQuery({ queryKey: costKeys.budgetStatus(id, asOf), queryFn: () => costApi.budgetStatus(id, asOf), placeholderData: keepPreviousData });
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const remove = useMutation({
    mutationFn: () => costApi.deleteBudget(id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: costKeys.budgets });
      navigate('/cost/budgets', { replace: true });
    },
  });
  const canManage = can(me.data, 'cost:manage-budgets');

  if (budget.isPending) return <PageSkeleton />;
  if (budget.isError) return <ErrorState error={budget.error} onRetry={() => void budget.refetch()} />;
  const b = budget.data;
  const s = status.data;
  const currency = s?.currency ?? b.currency;
  return (
    <Box>
      <Button component={RouterLink} to="/cost/budgets" startIcon={<ArrowBackIcon />} size="small" sx={{ mb: 1 }}>
        {t('cost2.budgets.detail.back')}
      </Button>
      <CostHeader
        title={b.name ?? ''}
        intro={`${scopeText(b, t, savedFilters.data)} · ${t(`cost2.budgets.periods.${b.period ?? 'MONTHLY'}`)} · ${formatMoney(b.amount, b.currency)}`}
        actions={
          canManage ? (
            <>
              <Button variant="outlined" startIcon={<EditOutlinedIcon />} onClick={() => setEditing(true)} data-testid="budget-edit">{t('cost2.budgets.detail.edit')}</Button>
              <Button variant="outlined" color="error" startIcon={<DeleteOutlineIcon />} onClick={() => setDeleting(true)} data-testid="budget-delete">{t('cost2.budgets.detail.delete')}</Button>
            </>
          ) : undefined
        }
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems={{ sm: 'center' }} sx={{ mb: 2 }}>
        <TextField type="date" size="small" label={t('cost2.budgets.detail.asOf')} value={asOf ?? s?.asOf ?? ''}
          onChange={(e) => update((p) => (e.target.value ? p.set('asOf', e.target.value) : p.delete('asOf')), { replace: true })}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'budget-asof' } }} />
        {s && <Typography variant="body2" color="text.secondary">{t('cost2.budgets.detail.period', { start: formatDay(s.periodStart), end: formatDay(s.periodEnd) })}</Typography>}
      </Stack>
      {status.isPending ? (
        <LinesSkeleton lines={3} height={80} />
      ) : status.isError ? (
        <ErrorState error={status.error} onRetry={() => void status.refetch()} />
      ) : (
        <Stack spacing={2} sx={{ opacity: status.isPlaceholderData ? 0.6 : 1 }}>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <Kpi testId="kpi-actual" label={t('cost2.budgets.detail.actual')} value={formatMoney(s!.actual, currency)} sub={t('cost2.budgets.detail.used', { pct: formatPercent(s!.percentUsed, 1) })} />
            <Kpi testId="kpi-projected" label={t('cost2.budgets.detail.projected')} value={formatMoney(s!.projected, currency)}
              sub={`${formatPercent(projectedPercent(s), 1)} · ${t('cost2.budgets.projectionMethod', { method: t(`cost2.budgets.methods.${s!.projectionMethod === 'RUN_RATE_MTD' ? 'RUN_RATE_MTD' : 'other'}`) })}`} />
            <Kpi testId="kpi-amount" label={t('cost2.budgets.detail.amount')} value={formatMoney(s!.amount, currency)} sub={t('cost2.budgets.detail.period', { start: formatDay(s!.periodStart), end: formatDay(s!.periodEnd) })} />
          </Stack>
          <Paper variant="outlined" component="section" aria-labelledby="crossed-title" sx={{ p: 2 }}>
            <Typography variant="h2" id="crossed-title" sx={{ mb: 1 }}>{t('cost2.budgets.col.crossed')}</Typography>
            <ThresholdChips status={s!} />
          </Paper>
          <Paper variant="outlined" component="section" aria-labelledby="burndown-title" sx={{ p: 2 }}>
            <Typography variant="h2" id="burndown-title">{t('cost2.budgets.detail.burnDown')}</Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{t('cost2.budgets.detail.burnDownIntro')}</Typography>
            <BurnDownChart status={s!} />
          </Paper>
          <Paper variant="outlined" component="section" aria-labelledby="thresholds-title" sx={{ p: 2 }}>
            <Typography variant="h2" id="thresholds-title" sx={{ mb: 1 }}>{t('cost2.budgets.detail.thresholds')}</Typography>
            <ThresholdTable status={s!} />
          </Paper>
        </Stack>
      )}
      {editing && (
        <BudgetDialog budget={b} onClose={() => setEditing(false)} onSaved={(saved) => {
          setEditing(false);
          qc.setQueryData(costKeys.budget(id), saved);
          void qc.invalidateQueries({ queryKey: ['cost', 'budgets', id, 'status'] });
        }} />
      )}
      <Dialog open={deleting} onClose={() => setDeleting(false)} aria-labelledby="budget-delete-title">
        <DialogTitle id="budget-delete-title">{t('cost2.budgets.detail.deleteTitle', { name: b.name })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('cost2.budgets.detail.deleteText')}</DialogContentText>
          {remove.error ? <ErrorState error={remove.error} compact /> : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDeleting(false)}>{t('common.cancel')}</Button>
          <Button color="error" variant="contained" disabled={remove.isPending} onClick={() => remove.mutate()} data-testid="budget-delete-confirm">
            {t('cost2.budgets.detail.delete')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
