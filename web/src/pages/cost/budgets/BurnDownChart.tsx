import { useMemo } from 'react';
import { useTheme } from '@mui/material';
import { use } from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { useTranslation } from 'react-i18next';
import type { BudgetStatus } from '../../../api/costAllocation';
import EChart from '../../../components/EChart';
import { formatDay, formatMoney } from '../money';
import { burnDownSeries } from './budgets';

// the shared wrapper registers bar, pie and graph charts; the burn-down adds lines (still only in this lazy chunk)
use([LineChart]);

/** Cumulative actual spend against the linear budget line and the run-rate projection to the period's end. */
export default function BurnDownChart({ status }: { status: BudgetStatus }) {
  const { t } = useTranslation();
  const theme = useTheme();
  const series = useMemo(() => burnDownSeries(status), [status]);
  const currency = status.currency ?? 'USD';
  const option = useMemo(
    () => ({
      color: [theme.palette.primary.main, theme.palette.text.secondary, theme.palette.warning.main],
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (v === null || v === undefined || v === '-' ? '—' : formatMoney(Number(v), currency)),
      },
      legend: { bottom: 0, textStyle: { color: theme.palette.text.primary } },
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: series.days,
        axisLabel: { color: theme.palette.text.secondary, formatter: (d: string) => formatDay(d).replace(/,? \d{4}$/, '') },
      },
      yAxis: {
        type: 'value',
        axisLabel: { color: theme.palette.text.secondary, formatter: (v: number) => formatMoney(v, currency, 0) },
        splitLine: { lineStyle: { color: theme.palette.divider } },
      },
      series: [
        { name: t('cost2.budgets.chart.actual'), type: 'line', data: series.actual, showSymbol: false, lineStyle: { width: 3 }, areaStyle: { opacity: 0.12 } },
        { name: t('cost2.budgets.chart.budget'), type: 'line', data: series.budget, showSymbol: false, lineStyle: { type: 'dashed', width: 2 } },
        { name: t('cost2.budgets.chart.projection'), type: 'line', data: series.projection, showSymbol: false, lineStyle: { type: 'dotted', width: 3 } },
      ],
    }),
    [series, currency, t, theme],
  );
  const label = t('cost2.budgets.chart.label', {
    name: status.name ?? '',
    actual: formatMoney(status.actual, currency),
    amount: formatMoney(status.amount, currency),
    projected: formatMoney(status.projected, currency),
    end: formatDay(status.periodEnd),
  });
  return <EChart option={option} height={320} ariaLabel={label} testId="burn-down-chart" />;
}
