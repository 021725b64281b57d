import { Box, Button, Chip, LinearProgress, Link, List, ListItem, Skeleton, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { costApi, costKeys, useBudgetStatus, type Budget } from '../../api/costAllocation';
import { EmptyState, ErrorState, LinesSkeleton } from '../../components/States';
import { formatMoney, formatPercent } from '../../lib/format';
import { budgetSeverity, projectedPercent } from '../cost/budgets/budgets';

/** The budgets the card lists; the budgets page has the rest. */
const MAX_BUDGETS = 6;

function BudgetLine({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const status = useBudgetStatus(budget.id!);
  const name = (
    <Link component={RouterLink} to={`/cost/budgets/${budget.id}`} data-testid="overview-budget-link">
      {budget.name}
    </Link>
  );
  if (status.isPending) return <ListItem disableGutters sx={{ display: 'block' }}>{name}<Skeleton width="70%" /></ListItem>;
  if (status.isError) return <ListItem disableGutters sx={{ display: 'block' }}>{name}<ErrorState error={status.error} compact /></ListItem>;
  const s = status.data;
  const severity = budgetSeverity(s);
  const used = Number(s.percentUsed ?? 0);
  return (
    <ListItem disableGutters sx={{ display: 'block' }} data-testid={`overview-budget-${budget.name}`} data-severity={severity}>
      <Stack direction="row" spacing={1} alignItems="center" justifyContent="space-between">
        <Typography variant="body2" component="span" sx={{ fontWeight: 500, minWidth: 0, overflowWrap: 'anywhere' }}>{name}</Typography>
        <Chip size="small" color={severity} label={t(`cost.overview.severity.${severity}`)} data-testid="overview-budget-severity" />
      </Stack>
      <LinearProgress variant="determinate" value={Math.min(100, Math.max(0, used))} color={severity}
        aria-label={t('cost.overview.budgetActualAria', { name: budget.name })} sx={{ my: 0.5, height: 6, borderRadius: 3 }} />
      <Typography variant="caption" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }} data-testid="overview-budget-figures">
        {t('cost.overview.budgetLine', {
          actual: formatPercent(used),
          projected: formatPercent(projectedPercent(s)),
          amount: formatMoney(s.amount, s.currency),
        })}
      </Typography>
    </ListItem>
  );
}

/** Budget status on the overview: each budget's actual and projected share of its amount, coloured by the worst threshold crossed. */
export function BudgetWidget() {
  const { t } = useTranslation();
  const budgets = useQuery({ queryKey: costKeys.budgets, queryFn: costApi.budgets });
  if (budgets.isPending) return <LinesSkeleton lines={4} />;
  if (budgets.isError) return <ErrorState error={budgets.error} compact onRetry={() => void budgets.refetch()} />;
  if (budgets.data.length === 0) {
    return (
      <EmptyState action={<Button component={RouterLink} to="/cost/budgets" size="small" variant="outlined" data-testid="overview-budget-create">{t('cost.overview.budgetsCreate')}</Button>}>
        {t('cost.overview.budgetsNone')}
      </EmptyState>
    );
  }
  return (
    <Stack spacing={1} data-testid="budget-card">
      <List dense disablePadding>
        {budgets.data.slice(0, MAX_BUDGETS).map((b) => <BudgetLine key={b.id} budget={b} />)}
      </List>
      <Typography variant="caption" color="text.secondary">{t('cost.overview.budgetProjection')}</Typography>
      <Box>
        <Button component={RouterLink} to="/cost/budgets" size="small" data-testid="overview-budgets-all">
          {t('cost.overview.budgetsAll')}
          {budgets.data.length > MAX_BUDGETS ? ` (${budgets.data.length})` : ''}
        </Button>
      </Box>
    </Stack>
  );
}
