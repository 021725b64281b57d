import { useMemo } from 'react';
import { Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useSavings, type Savings } from '../../api/cost';
import { ScrollableTable } from '../../components/ScrollableTable';
import { EmptyState, ErrorState, LinesSkeleton } from '../../components/States';
import { formatMoney, formatPercent } from '../../lib/format';

type Line = NonNullable<Savings['lines']>[number];

/** The savings of each month summed over its pricing categories. */
function byMonth(lines: Line[]): Line[] {
  const months = new Map<string, Line>();
  for (const l of lines) {
    const key = String(l.period);
    const m = months.get(key);
    const add = (a?: number, b?: number) => Number(a ?? 0) + Number(b ?? 0);
    months.set(
      key,
      m
        ? { ...m, listCost: add(m.listCost, l.listCost), negotiatedSavings: add(m.negotiatedSavings, l.negotiatedSavings), commitmentSavings: add(m.commitmentSavings, l.commitmentSavings), totalSavings: add(m.totalSavings, l.totalSavings), effectiveCost: add(m.effectiveCost, l.effectiveCost) }
        : { ...l },
    );
  }
  return [...months.values()].map((m) => ({
    ...m,
    effectiveSavingsRate: Number(m.listCost) === 0 ? undefined : Number(m.totalSavings) / Number(m.listCost),
  }));
}

/** Negotiated, commitment and total savings per month and the effective savings rate (FOCUS formulas). */
export function SavingsPanel({ from, to, currency }: { from: string; to: string; currency?: string }) {
  const { t } = useTranslation();
  const savings = useSavings(from, to, currency);
  const months = useMemo(() => byMonth(savings.data?.lines ?? []), [savings.data]);
  if (savings.isPending) return <LinesSkeleton />;
  if (savings.isError) return <ErrorState error={savings.error} onRetry={() => void savings.refetch()} />;
  const s = savings.data;
  const cur = s.currency;
  if (!months.length) return <EmptyState>{t('cost.savings.none')}</EmptyState>;
  const rate = s.total?.effectiveSavingsRate;
  return (
    <Box data-testid="cost-savings">
      <Stack direction="row" spacing={4} useFlexGap flexWrap="wrap" sx={{ mb: 2 }}>
        {([
          ['total', formatMoney(s.total?.totalSavings, cur)],
          ['negotiated', formatMoney(s.total?.negotiatedSavings, cur)],
          ['commitment', formatMoney(s.total?.commitmentSavings, cur)],
          ['rate', rate === undefined || rate === null ? '—' : formatPercent(Number(rate) * 100)],
        ] as ['total' | 'negotiated' | 'commitment' | 'rate', string][]).map(([k, v]) => (
          <Box key={k}>
            <Typography variant="body2" color="text.secondary">{t(`cost.savings.${k}`)}</Typography>
            <Typography variant="h3" component="p" data-testid={`cost-savings-${k}`}>{v}</Typography>
          </Box>
        ))}
      </Stack>
      <ScrollableTable label={t('cost.savings.title')}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('cost.savings.month')}</TableCell>
              <TableCell align="right">{t('cost.savings.listCost')}</TableCell>
              <TableCell align="right">{t('cost.savings.negotiated')}</TableCell>
              <TableCell align="right">{t('cost.savings.commitment')}</TableCell>
              <TableCell align="right">{t('cost.savings.total')}</TableCell>
              <TableCell align="right">{t('cost.savings.rate')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {months.map((m) => (
              <TableRow key={String(m.period)}>
                <TableCell>{String(m.period).slice(0, 7)}</TableCell>
                <TableCell align="right">{formatMoney(m.listCost, cur)}</TableCell>
                <TableCell align="right">{formatMoney(m.negotiatedSavings, cur)}</TableCell>
                <TableCell align="right">{formatMoney(m.commitmentSavings, cur)}</TableCell>
                <TableCell align="right">{formatMoney(m.totalSavings, cur)}</TableCell>
                <TableCell align="right">
                  {m.effectiveSavingsRate === undefined || m.effectiveSavingsRate === null ? '—' : formatPercent(Number(m.effectiveSavingsRate) * 100)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollableTable>
    </Box>
  );
}
