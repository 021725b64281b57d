import { useMemo } from 'react';
import { Box, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useExplorer, type ExplorerResult } from '../../api/cost';
import EChart from '../../components/EChart';
import { EmptyState, ErrorState, LinesSkeleton } from '../../components/States';
import { formatMoney } from '../../lib/format';
import { explorerParams, groupLabel, stackOrder, sunburst, type ExplorerState } from './explorerModel';

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, minWidth: 0 }}>
      <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

/** Stacked bars of the groups over the periods, "(other)" on top. */
export function TrendChart({ result }: { result: ExplorerResult }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const groups = stackOrder(result.groups ?? []);
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: number) => formatMoney(v, result.currency),
      },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: result.periods ?? [] },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatMoney(v, result.currency, 0) } },
      series: groups.map((g) => ({
        type: 'bar',
        stack: 'cost',
        name: groupLabel(g),
        emphasis: { focus: 'series' },
        data: (g.values ?? []).map(Number),
        ...(g.other ? { itemStyle: { color: '#9e9e9e' } } : {}),
      })),
    };
  }, [result]);
  return (
    <Card title={t('cost.explorer.trend')}>
      <EChart option={option} height={340} ariaLabel={t('cost.explorer.trendAria', { count: result.groups?.length ?? 0 })} testId="cost-trend" />
    </Card>
  );
}

/** The groups as a treemap (nested by the first level when grouped by two). */
export function GroupTreemap({ result }: { result: ExplorerResult }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const two = (result.groupBy?.length ?? 0) > 1;
    const groups = (result.groups ?? []).filter((g) => Number(g.total) > 0);
    let data;
    if (two) {
      const parents = new Map<string, { name: string; children: { name: string; value: number }[] }>();
      for (const g of groups) {
        const parent = g.other ? '(other)' : g.key?.[0] || '(none)';
        const node = parents.get(parent) ?? { name: parent, children: [] };
        node.children.push({ name: g.other ? '(other)' : g.key?.[1] || '(none)', value: Number(g.total) });
        parents.set(parent, node);
      }
      data = [...parents.values()];
    } else {
      data = groups.map((g) => ({ name: groupLabel(g), value: Number(g.total) }));
    }
    return {
      tooltip: { valueFormatter: (v: number) => formatMoney(v, result.currency) },
      series: [{ type: 'treemap', roam: false, nodeClick: false, breadcrumb: { show: false }, data, top: 0, left: 0, right: 0, bottom: 0 }],
    };
  }, [result]);
  return (
    <Card title={t('cost.explorer.treemap')}>
      <EChart option={option} height={300} ariaLabel={t('cost.explorer.treemap')} testId="cost-treemap" />
    </Card>
  );
}

/** provider → service → team, from two cheap two-level queries over the same range and filters. */
export function ProviderSunburst({ state }: { state: ExplorerState }) {
  const { t } = useTranslation();
  const base = { ...explorerParams(state), granularity: 'month', compare: undefined, top: 50 };
  const ps = useExplorer({ ...base, groupBy: ['provider', 'service'] });
  const st = useExplorer({ ...base, groupBy: ['service', 'team'], top: 200 });
  const data = useMemo(() => sunburst(ps.data, st.data), [ps.data, st.data]);
  const option = useMemo(
    () => ({
      tooltip: { valueFormatter: (v: number) => formatMoney(v, ps.data?.currency) },
      series: [
        {
          type: 'sunburst',
          data,
          radius: ['12%', '92%'],
          sort: undefined,
          label: { minAngle: 18, overflow: 'truncate', width: 64, fontSize: 11 },
          levels: [
            {},
            { r0: '12%', r: '38%', label: { rotate: 0 } },
            { r0: '38%', r: '68%', label: { rotate: 'radial' } },
            { r0: '68%', r: '92%', label: { show: false } },
          ],
        },
      ],
    }),
    [data, ps.data?.currency],
  );
  return (
    <Card title={t('cost.explorer.sunburst')}>
      {ps.isError ? (
        <ErrorState error={ps.error} compact />
      ) : ps.isPending ? (
        <LinesSkeleton lines={5} />
      ) : data.length === 0 ? (
        <EmptyState>{t('cost.explorer.noData')}</EmptyState>
      ) : (
        <Box>
          <EChart option={option} height={300} ariaLabel={t('cost.explorer.sunburst')} testId="cost-sunburst" />
        </Box>
      )}
    </Card>
  );
}
