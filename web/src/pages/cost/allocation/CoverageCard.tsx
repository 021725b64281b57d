import { useState } from 'react';
import {
  Box,
  Button,
  Collapse,
  LinearProgress,
  MenuItem,
  Paper,
  Skeleton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { DIMENSIONS, useCoverage, type CoverageSlice } from '../../../api/costAllocation';
import { ScrollableTable } from '../../../components/ScrollableTable';
import { ErrorState } from '../../../components/States';
import { formatDay, formatMoney, formatPercent } from '../money';
import { coverageHeadline } from './rules';

function SliceTable({ title, slices, keyLabel }: { title: string; slices: CoverageSlice[]; keyLabel: string }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ flex: 1, minWidth: 0 }}>
      <Typography variant="h3" sx={{ mb: 0.5 }}>{title}</Typography>
      <ScrollableTable label={title}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{keyLabel}</TableCell>
              <TableCell align="right">{t('cost2.coverage.cost')}</TableCell>
              <TableCell align="right">{t('cost2.coverage.percent')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {slices.slice(0, 8).map((s) => (
              <TableRow key={`${s.key}|${s.currency}`}>
                <TableCell sx={{ wordBreak: 'break-all' }}>{s.key || t('common.none')}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{formatMoney(s.cost, s.currency)}</TableCell>
                <TableCell align="right">{formatPercent(s.percent)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollableTable>
    </Box>
  );
}

/** The tag-coverage KPI: the share of the month's EffectiveCost that allocation rules allocated, with its breakdown. */
export function CoverageCard({ from, to, dimension, onDimension }: { from: string; to: string; dimension: string; onDimension: (d: string) => void }) {
  const { t } = useTranslation();
  const coverage = useCoverage(from, to, dimension);
  const [open, setOpen] = useState(false);
  const head = coverageHeadline(coverage.data);
  const pct = head?.percent === null || head?.percent === undefined ? null : Number(head.percent);
  return (
    <Paper variant="outlined" component="section" aria-labelledby="coverage-title" sx={{ p: 2, mb: 2 }} data-testid="coverage-card">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} justifyContent="space-between" alignItems={{ sm: 'flex-start' }}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="h2" id="coverage-title">{t('cost2.coverage.title')}</Typography>
          <Typography variant="body2" color="text.secondary">
            {t('cost2.coverage.period', { from: formatDay(from), to: formatDay(to) })}
          </Typography>
          {coverage.isPending ? (
            <Skeleton variant="text" width={200} height={64} />
          ) : coverage.isError ? (
            <ErrorState error={coverage.error} onRetry={() => void coverage.refetch()} compact />
          ) : !head ? (
            <Typography sx={{ mt: 1 }} data-testid="coverage-empty">{t('cost2.coverage.none')}</Typography>
          ) : (
            <Box sx={{ mt: 1, maxWidth: 520 }}>
              <Typography component="p" sx={{ fontSize: '2.5rem', fontWeight: 700, lineHeight: 1.1 }} data-testid="coverage-percent">
                {formatPercent(pct)}
              </Typography>
              <Typography variant="body2" data-testid="coverage-amounts">
                {t('cost2.coverage.allocated', { allocated: formatMoney(head.allocated, head.currency), cost: formatMoney(head.cost, head.currency) })}
              </Typography>
              <LinearProgress variant="determinate" value={Math.min(100, pct ?? 0)} aria-label={t('cost2.coverage.kpiLabel')} sx={{ mt: 1, height: 8, borderRadius: 4 }} />
            </Box>
          )}
        </Box>
        <TextField select size="small" label={t('cost2.coverage.dimension')} value={dimension} onChange={(e) => onDimension(e.target.value)} sx={{ minWidth: 200 }}
          slotProps={{ htmlInput: { 'data-testid': 'coverage-dimension' } }}>
          <MenuItem value="any">{t('cost2.dimensions.any')}</MenuItem>
          {DIMENSIONS.map((d) => <MenuItem key={d} value={d}>{t(`cost2.dimensions.${d}`)}</MenuItem>)}
        </TextField>
      </Stack>
      {head && (
        <>
          <Button size="small" onClick={() => setOpen(!open)} aria-expanded={open} aria-controls="coverage-breakdown" sx={{ mt: 1 }}>
            {open ? t('cost2.coverage.hideBreakdown') : t('cost2.coverage.showBreakdown')}
          </Button>
          <Collapse in={open} id="coverage-breakdown">
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mt: 1 }}>
              <SliceTable title={t('cost2.coverage.byAccount')} keyLabel={t('cost2.coverage.account')} slices={coverage.data?.byAccount ?? []} />
              <SliceTable title={t('cost2.coverage.byService')} keyLabel={t('cost2.coverage.service')} slices={coverage.data?.byService ?? []} />
            </Stack>
          </Collapse>
        </>
      )}
    </Paper>
  );
}
