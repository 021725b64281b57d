import { Alert, Box, Chip, FormControl, InputLabel, MenuItem, Paper, Select, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useExplorer } from '../../api/cost';
import { EmptyState, ErrorState, LinesSkeleton } from '../../components/States';
import { useUrlState } from '../../hooks/useUrlState';
import { formatMoney } from '../../lib/format';
import { CostNav } from './CostNav';
import { ExplorerControls } from './ExplorerControls';
import { GroupTreemap, ProviderSunburst, TrendChart } from './ExplorerCharts';
import { ExplorerTable } from './ExplorerTable';
import { explorerParams, explorerState } from './explorerModel';
import { SavingsPanel } from './SavingsPanel';

/** The cost explorer: every control lives in the URL, so a view can be bookmarked and shared. */
export default function ExplorerPage() {
  const { t } = useTranslation();
  const [params, update] = useUrlState();
  const state = explorerState(params);
  const tab = params.get('tab') === 'savings' ? 'savings' : 'explore';
  const result = useExplorer(explorerParams(state));
  const r = result.data;

  return (
    <Box>
      <CostNav />
      <ExplorerControls state={state} />
      <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 2 }}>
        <Typography variant="body2" color="text.secondary" data-testid="cost-range-label">
          {t('cost.explorer.rangeLabel', { from: state.from, to: state.to })}
        </Typography>
        {r && (
          <>
            <Typography variant="h3" component="p" data-testid="cost-headline">
              {formatMoney(r.total, r.currency)}
            </Typography>
            {(r.currencies?.length ?? 0) > 1 ? (
              <FormControl size="small" sx={{ minWidth: 110 }}>
                <InputLabel id="cost-currency">{t('cost.explorer.currency')}</InputLabel>
                <Select
                  labelId="cost-currency"
                  label={t('cost.explorer.currency')}
                  value={r.currency ?? ''}
                  onChange={(e) => update((p) => p.set('cur', e.target.value))}
                >
                  {(r.currencies ?? []).map((c) => (
                    <MenuItem key={c} value={c}>{c}</MenuItem>
                  ))}
                </Select>
              </FormControl>
            ) : (
              <Chip size="small" variant="outlined" label={r.currency ?? '—'} />
            )}
            <Typography variant="caption" color="text.secondary" data-testid="cost-source">
              {t(`cost.source.${r.source ?? 'daily'}`, { defaultValue: r.source ?? '' })}
            </Typography>
          </>
        )}
      </Stack>
      <Paper variant="outlined" sx={{ mb: 2 }}>
        <Tabs
          value={tab}
          onChange={(_, v: string) => update((p) => (v === 'savings' ? p.set('tab', v) : p.delete('tab')), { replace: true })}
          aria-label={t('cost.explorer.title')}
          sx={{ borderBottom: 1, borderColor: 'divider', px: 1 }}
        >
          <Tab value="explore" label={t('cost.explorer.breakdown')} id="cost-tab-explore" aria-controls="cost-panel" data-testid="cost-tab-explore" />
          <Tab value="savings" label={t('cost.savings.title')} id="cost-tab-savings" aria-controls="cost-panel" data-testid="cost-tab-savings" />
        </Tabs>
        <Box role="tabpanel" id="cost-panel" aria-labelledby={`cost-tab-${tab}`} sx={{ p: { xs: 1.5, md: 2 } }}>
          {tab === 'savings' ? (
            <SavingsPanel from={state.from} to={state.to} currency={state.currency} />
          ) : result.isPending ? (
            <LinesSkeleton lines={8} />
          ) : result.isError ? (
            <ErrorState error={result.error} onRetry={() => void result.refetch()} />
          ) : !r?.groups?.length ? (
            <EmptyState>{t('cost.explorer.noData')}</EmptyState>
          ) : (
            <Stack spacing={2} sx={{ opacity: result.isPlaceholderData ? 0.6 : 1 }} aria-busy={result.isFetching}>
              {result.isPlaceholderData && <Alert severity="info" variant="outlined">{t('common.loading')}</Alert>}
              <TrendChart result={r} />
              <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
                <ProviderSunburst state={state} />
                <GroupTreemap result={r} />
              </Box>
              <ExplorerTable result={r} compare={state.compare} />
            </Stack>
          )}
        </Box>
      </Paper>
    </Box>
  );
}
