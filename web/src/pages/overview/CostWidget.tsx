import { Box, Button, LinearProgress, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCostSummary } from '../../api/cost';
import { EmptyState, ErrorState, LinesSkeleton } from '../../components/States';
import { formatMoney, formatPercent } from '../../lib/format';

/** Month to date against the same days of last month, last month's total, top services and unallocated share. */
export function CostWidget() {
  const { t } = useTranslation();
  const summary = useCostSummary();
  if (summary.isPending) return <LinesSkeleton lines={4} />;
  if (summary.isError) return <ErrorState error={summary.error} compact onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  if (!s.hasData) {
    return (
      <EmptyState action={<Button component={RouterLink} to="/cost/imports" size="small">{t('cost.overview.import')}</Button>}>
        {t('cost.overview.none')}
      </EmptyState>
    );
  }
  const cur = s.currency;
  const mtd = Number(s.monthToDate ?? 0);
  const prev = Number(s.lastMonthSameDays ?? 0);
  const change = prev === 0 ? null : ((mtd - prev) / Math.abs(prev)) * 100;
  const top = s.topServices ?? [];
  const max = Math.max(1, ...top.map((a) => Number(a.amount ?? 0)));
  const unallocated = s.unallocatedPercent === undefined || s.unallocatedPercent === null ? null : Number(s.unallocatedPercent);
  return (
    <Stack spacing={2} data-testid="cost-card">
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))', gap: 2 }}>
        <Box>
          <Typography variant="body2" color="text.secondary">{t('cost.overview.monthToDate', { asOf: s.asOf })}</Typography>
          <Typography variant="h3" component="p" sx={{ fontSize: '1.5rem' }} data-testid="cost-mtd">{formatMoney(mtd, cur)}</Typography>
          <Typography variant="caption" color={change === null ? 'text.secondary' : change > 0 ? 'error.main' : 'success.main'} data-testid="cost-mtd-change">
            {change === null
              ? t('cost.overview.noComparison')
              : t('cost.overview.vsLastMonth', { change: `${change > 0 ? '+' : ''}${formatPercent(change)}`, amount: formatMoney(prev, cur) })}
          </Typography>
        </Box>
        <Box>
          <Typography variant="body2" color="text.secondary">{t('cost.overview.lastMonth')}</Typography>
          <Typography variant="h3" component="p" sx={{ fontSize: '1.5rem' }} data-testid="cost-last-month">{formatMoney(s.lastMonthTotal, cur)}</Typography>
        </Box>
        <Box>
          <Typography variant="body2" color="text.secondary">{t('cost.overview.unallocated')}</Typography>
          <Typography variant="h3" component="p" sx={{ fontSize: '1.5rem' }} data-testid="cost-unallocated">{formatPercent(unallocated)}</Typography>
        </Box>
      </Box>
      {top.length > 0 && (
        <Box>
          <Typography variant="subtitle2" component="h3">{t('cost.overview.topSpenders')}</Typography>
          <List dense disablePadding data-testid="cost-top-services">
            {top.map((a) => (
              <ListItem key={a.name} disableGutters sx={{ display: 'block' }}>
                <ListItemText primary={a.name || t('cost.none')} secondary={formatMoney(a.amount, cur)} slotProps={{ secondary: { component: 'span' } }} />
                <LinearProgress variant="determinate" value={(Number(a.amount ?? 0) / max) * 100} aria-label={a.name || t('cost.none')} />
              </ListItem>
            ))}
          </List>
        </Box>
      )}
      <Button component={RouterLink} to="/cost/explorer" size="small" sx={{ alignSelf: 'flex-start' }}>
        {t('cost.overview.explore')}
      </Button>
    </Stack>
  );
}
