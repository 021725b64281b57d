import { useMemo } from 'react';
import { Box, Link, Paper, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useResourceCost } from '../../api/cost';
import EChart from '../../components/EChart';
import { EmptyState, ErrorState, LinesSkeleton } from '../../components/States';
import { formatMoney } from '../../lib/format';

/** The resource's daily cost (last 30 days) by service, joined on its provider id (FOCUS ResourceId). */
export function CostSection({ nativeId }: { nativeId?: string | null }) {
  const { t } = useTranslation();
  const cost = useResourceCost(nativeId);
  const data = cost.data;
  const option = useMemo(() => {
    const days = [...new Set((data?.days ?? []).map((d) => String(d.day)))].sort();
    const services = [...new Set((data?.days ?? []).map((d) => d.serviceName || '(none)'))];
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatMoney(v, data?.currency) },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatMoney(v, data?.currency, 2) } },
      series: services.map((s) => ({
        type: 'bar',
        stack: 'cost',
        name: s,
        data: days.map((day) =>
          (data?.days ?? [])
            .filter((d) => String(d.day) === day && (d.serviceName || '(none)') === s)
            .reduce((a, d) => a + Number(d.effectiveCost ?? 0), 0),
        ),
      })),
    };
  }, [data]);
  if (!nativeId) return null;
  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, md: 3 }, mb: 2 }} component="section" aria-labelledby="resource-cost-title" data-testid="resource-cost">
      <Stack direction="row" spacing={2} alignItems="baseline" useFlexGap flexWrap="wrap" sx={{ mb: 1 }}>
        <Typography variant="h3" component="h2" id="resource-cost-title">
          {t('cost.resource.title')}
        </Typography>
        {data && (data.days?.length ?? 0) > 0 && (
          <>
            <Typography variant="body2" data-testid="resource-cost-total">
              {t('cost.resource.total', { amount: formatMoney(data.effectiveCost, data.currency), billed: formatMoney(data.billedCost, data.currency) })}
            </Typography>
            <Link component={RouterLink} to={`/cost/explorer?g=service&gran=day&range=last30&f=${encodeURIComponent(`resource=${nativeId}`)}`} variant="body2">
              {t('cost.resource.explore')}
            </Link>
          </>
        )}
      </Stack>
      {cost.isPending ? (
        <LinesSkeleton lines={3} />
      ) : cost.isError ? (
        <ErrorState error={cost.error} compact onRetry={() => void cost.refetch()} />
      ) : !(data?.days?.length) ? (
        <EmptyState>{t('cost.resource.none')}</EmptyState>
      ) : (
        <Box>
          <EChart option={option} height={240} ariaLabel={t('cost.resource.chart')} testId="resource-cost-chart" />
        </Box>
      )}
    </Paper>
  );
}
