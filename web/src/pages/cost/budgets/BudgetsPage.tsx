import { useState } from 'react';
import {
  Box,
  Button,
  LinearProgress,
  Link,
  Paper,
  Skeleton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { costApi, costKeys, useBudgetStatus, type Budget } from '../../../api/costAllocation';
import { useSavedFilters } from '../../../api/cost';
import { useMe } from '../../../api/queries';
import { ScrollableTable } from '../../../components/ScrollableTable';
import { EmptyState, ErrorState, LinesSkeleton } from '../../../components/States';
import { can } from '../../../lib/permissions';
import { CostHeader } from '../CostSubNav';
import { formatMoney, formatPercent } from '../money';
import { BudgetDialog } from './BudgetDialog';
import { ThresholdChips, scopeText } from './BudgetParts';
import { projectedPercent } from './budgets';

function StatusCells({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const status = useBudgetStatus(budget.id!);
  if (status.isPending) return <TableCell colSpan={3}><Skeleton width="80%" /></TableCell>;
  if (status.isError) return <TableCell colSpan={3}><ErrorState error={status.error} compact /></TableCell>;
  const s = status.data;
  const used = Number(s.percentUsed ?? 0);
  const projected = projectedPercent(s);
  return (
    <>
      <TableCell sx={{ minWidth: 160 }}>
        <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }} data-testid="budget-actual">
          {formatPercent(used, 1)} · {formatMoney(s.actual, s.currency)}
        </Typography>
        <LinearProgress
          variant="determinate"
          value={Math.min(100, used)}
          color={used >= 100 ? 'error' : used >= 80 ? 'warning' : 'primary'}
          aria-label={t('cost2.budgets.actualOf', { name: budget.name })}
          sx={{ mt: 0.5, height: 6, borderRadius: 3 }}
        />
      </TableCell>
      <TableCell sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid="budget-projected">
        {formatPercent(projected, 1)} · {formatMoney(s.projected, s.currency)}
      </TableCell>
      <TableCell>
        <ThresholdChips status={s} />
      </TableCell>
    </>
  );
}

/** /cost/budgets: every budget with its current period's actual and projected spend and the thresholds crossed. */
export default function BudgetsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const budgets = useQuery({ queryKey: costKeys.budgets, queryFn: costApi.budgets });
  const savedFilters = useSavedFilters();
  const [creating, setCreating] = useState(false);
  const canManage = can(me.data, 'cost:manage-budgets');
  return (
    <Box>
      <CostHeader
        title={t('cost2.budgets.title')}
        intro={t('cost2.budgets.intro')}
        actions={
          canManage ? (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)} data-testid="budget-new">
              {t('cost2.budgets.add')}
            </Button>
          ) : undefined
        }
      />
      <Paper variant="outlined">
        {budgets.isPending ? (
          <Box sx={{ p: 2 }}><LinesSkeleton lines={4} height={40} /></Box>
        ) : budgets.isError ? (
          <Box sx={{ p: 2 }}><ErrorState error={budgets.error} onRetry={() => void budgets.refetch()} /></Box>
        ) : budgets.data.length === 0 ? (
          <EmptyState
            action={canManage ? <Button startIcon={<AddIcon />} onClick={() => setCreating(true)}>{t('cost2.budgets.add')}</Button> : undefined}
          >
            {t('cost2.budgets.empty')}
          </EmptyState>
        ) : (
          <ScrollableTable label={t('cost2.budgets.title')}>
            <Table size="small" data-testid="budgets-table">
              <TableHead>
                <TableRow>
                  <TableCell>{t('cost2.budgets.col.name')}</TableCell>
                  <TableCell>{t('cost2.budgets.col.scope')}</TableCell>
                  <TableCell>{t('cost2.budgets.col.period')}</TableCell>
                  <TableCell align="right">{t('cost2.budgets.col.amount')}</TableCell>
                  <TableCell>{t('cost2.budgets.col.actual')}</TableCell>
                  <TableCell>
                    {t('cost2.budgets.col.projected')}
                    <Typography variant="caption" component="div" color="text.secondary">
                      {t('cost2.budgets.projectionNote')}
                    </Typography>
                  </TableCell>
                  <TableCell>{t('cost2.budgets.col.crossed')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {budgets.data.map((b) => (
                  <TableRow key={b.id} hover data-testid={`budget-row-${b.name}`}>
                    <TableCell component="th" scope="row">
                      <Link component={RouterLink} to={`/cost/budgets/${b.id}`} data-testid="budget-link">
                        {b.name}
                      </Link>
                    </TableCell>
                    <TableCell sx={{ minWidth: 140 }}>{scopeText(b, t, savedFilters.data)}</TableCell>
                    <TableCell>{t(`cost2.budgets.periods.${b.period ?? 'MONTHLY'}`)}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{formatMoney(b.amount, b.currency)}</TableCell>
                    <StatusCells budget={b} />
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollableTable>
        )}
      </Paper>
      <Stack sx={{ mt: 1 }}>
        <Typography variant="caption" color="text.secondary">{t('cost2.budgets.spendNote')}</Typography>
      </Stack>
      {creating && <BudgetDialog onClose={() => setCreating(false)} onSaved={(b) => navigate(`/cost/budgets/${b.id}`)} />}
    </Box>
  );
}

