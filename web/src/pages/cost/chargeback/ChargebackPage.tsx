import { useState } from 'react';
import {
  Box,
  Button,
  Chip,
  MenuItem,
  Paper,
  Skeleton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import PictureAsPdfOutlinedIcon from '@mui/icons-material/PictureAsPdfOutlined';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { costApi, costKeys, DIMENSIONS, downloadChargeback, UNALLOCATED, type Dimension } from '../../../api/costAllocation';
import { useMe } from '../../../api/queries';
import { ScrollableTable } from '../../../components/ScrollableTable';
import { EmptyState, ErrorState } from '../../../components/States';
import { useUrlState } from '../../../hooks/useUrlState';
import { can } from '../../../lib/permissions';
import { CostHeader } from '../CostSubNav';
import { formatMoney, formatMonth, formatPercent } from '../money';
import { lastMonth, monthParam } from '../allocation/rules';
import { linesByCurrency, poolMethodKey } from './chargeback';

const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** /cost/chargeback?month=YYYY-MM&dimension=team|project|environment|costCenter: who is charged what for a month. */
export default function ChargebackPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, update] = useUrlState();
  const month = monthParam(params.get('month'), lastMonth());
  const raw = params.get('dimension');
  const dimension: Dimension = (DIMENSIONS as readonly string[]).includes(raw ?? '') ? (raw as Dimension) : 'team';
  const report = useQuery({
    queryKey: costKeys.chargeback(month, dimension),
    queryFn: () => costApi.chargeback(month, dimension),
    placeholderData: keepPreviousData,
  });
  const [busy, setBusy] = useState<'csv' | 'pdf' | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const canExport = can(me.data, 'cost:export');
  const download = async (format: 'csv' | 'pdf') => {
    setBusy(format);
    setDownloadError(null);
    try {
      await downloadChargeback(month, dimension, format);
    } catch (e) {
      setDownloadError(e);
    } finally {
      setBusy(null);
    }
  };
  const dimLabel = t(`cost2.dimensions.${dimension}`);
  const groups = linesByCurrency(report.data);

  return (
    <Box>
      <CostHeader
        title={t('cost2.chargeback.title')}
        intro={t('cost2.chargeback.intro')}
        actions={
          canExport ? (
            <>
              <Button variant="outlined" startIcon={<DownloadIcon />} disabled={busy !== null} onClick={() => void download('csv')} data-testid="chargeback-csv">
                {busy === 'csv' ? t('cost2.chargeback.downloading') : t('cost2.chargeback.csv')}
              </Button>
              <Button variant="outlined" startIcon={<PictureAsPdfOutlinedIcon />} disabled={busy !== null} onClick={() => void download('pdf')} data-testid="chargeback-pdf">
                {busy === 'pdf' ? t('cost2.chargeback.downloading') : t('cost2.chargeback.pdf')}
              </Button>
            </>
          ) : undefined
        }
      />
      <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 2, flexWrap: 'wrap' }}>
        <TextField
          type="month"
          size="small"
          label={t('cost2.month')}
          value={month}
          onChange={(e) => {
            const v = e.target.value;
            update((p) => (monthParam(v, '') ? p.set('month', v) : p.delete('month')));
          }}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'chargeback-month' } }}
        />
        <TextField
          select
          size="small"
          label={t('cost2.dimension')}
          value={dimension}
          onChange={(e) => update((p) => (e.target.value === 'team' ? p.delete('dimension') : p.set('dimension', e.target.value)))}
          sx={{ minWidth: 200 }}
          slotProps={{ htmlInput: { 'data-testid': 'chargeback-dimension' } }}
        >
          {DIMENSIONS.map((d) => (
            <MenuItem key={d} value={d}>
              {t(`cost2.dimensions.${d}`)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {downloadError ? <Box sx={{ mb: 2 }}><ErrorState error={downloadError} compact /></Box> : null}

      <Paper variant="outlined" component="section" aria-labelledby="chargeback-table-title" sx={{ mb: 2 }}>
        <Typography variant="h2" id="chargeback-table-title" sx={{ p: 2, pb: 1 }}>
          {t('cost2.chargeback.tableTitle', { dimension: dimLabel, month: formatMonth(month) })}
        </Typography>
        {report.isPending ? (
          <Box sx={{ p: 2 }}>{Array.from({ length: 5 }, (_, i) => <Skeleton key={i} height={32} />)}</Box>
        ) : report.isError ? (
          <Box sx={{ p: 2 }}><ErrorState error={report.error} onRetry={() => void report.refetch()} /></Box>
        ) : groups.length === 0 ? (
          <EmptyState>{t('cost2.chargeback.empty', { month: formatMonth(month) })}</EmptyState>
        ) : (
          <ScrollableTable label={t('cost2.chargeback.tableTitle', { dimension: dimLabel, month: formatMonth(month) })}>
            <Table size="small" data-testid="chargeback-table" sx={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}>
              <TableHead>
                <TableRow>
                  <TableCell>{dimLabel}</TableCell>
                  <TableCell>{t('cost2.currency')}</TableCell>
                  <TableCell align="right">{t('cost2.chargeback.direct')}</TableCell>
                  <TableCell align="right">{t('cost2.chargeback.shared')}</TableCell>
                  <TableCell align="right">{t('cost2.chargeback.total')}</TableCell>
                  <TableCell align="right">{t('cost2.chargeback.percent')}</TableCell>
                </TableRow>
              </TableHead>
              {groups.map((g) => (
                <TableBody key={g.currency}>
                  {g.lines.map((l) => {
                    const unalloc = l.value === UNALLOCATED;
                    return (
                      <TableRow key={`${l.value}|${l.currency}`} data-testid={unalloc ? 'chargeback-row-unallocated' : 'chargeback-row'} sx={unalloc ? { bgcolor: 'action.hover' } : undefined}>
                        <TableCell component="th" scope="row" sx={{ overflowWrap: 'anywhere', minWidth: 120 }}>
                          {unalloc ? (
                            <Stack direction="row" spacing={1} useFlexGap alignItems="center" sx={{ flexWrap: 'wrap' }}>
                              <Box component="span" sx={{ fontStyle: 'italic', fontWeight: 600, whiteSpace: 'nowrap' }}>{t('cost2.unallocated')}</Box>
                              <Chip size="small" color="warning" variant="outlined" label={t('cost2.chargeback.unallocatedHint')} />
                            </Stack>
                          ) : (
                            l.value
                          )}
                        </TableCell>
                        <TableCell>{l.currency}</TableCell>
                        <TableCell align="right" sx={num}>{formatMoney(l.directEffectiveCost, l.currency)}</TableCell>
                        <TableCell align="right" sx={num}>{formatMoney(l.sharedEffectiveCost, l.currency)}</TableCell>
                        <TableCell align="right" sx={{ ...num, fontWeight: 600 }}>{formatMoney(l.totalEffectiveCost, l.currency)}</TableCell>
                        <TableCell align="right" sx={num}>{formatPercent(l.percentOfTotal)}</TableCell>
                      </TableRow>
                    );
                  })}
                  <TableRow data-testid="chargeback-total" sx={{ '& > *': { fontWeight: 700 } }}>
                    <TableCell component="th" scope="row">{t('cost2.chargeback.totalRow')}</TableCell>
                    <TableCell>{g.currency}</TableCell>
                    <TableCell align="right" sx={num}>{formatMoney(g.direct, g.currency)}</TableCell>
                    <TableCell align="right" sx={num}>{formatMoney(g.shared, g.currency)}</TableCell>
                    <TableCell align="right" sx={num}>{formatMoney(g.total, g.currency)}</TableCell>
                    <TableCell align="right" sx={num}>{formatPercent(100)}</TableCell>
                  </TableRow>
                </TableBody>
              ))}
              <TableFooter>
                <TableRow>
                  <TableCell colSpan={6} sx={{ color: 'text.secondary' }}>{t('cost2.chargeback.footnote')}</TableCell>
                </TableRow>
              </TableFooter>
            </Table>
          </ScrollableTable>
        )}
      </Paper>

      {(report.data?.pools ?? []).length > 0 && (
        <Paper variant="outlined" component="section" aria-labelledby="chargeback-pools-title" sx={{ p: 2 }}>
          <Typography variant="h2" id="chargeback-pools-title" sx={{ mb: 1 }}>{t('cost2.chargeback.pools')}</Typography>
          <ScrollableTable label={t('cost2.chargeback.pools')}>
            <Table size="small" data-testid="chargeback-pools">
              <TableHead>
                <TableRow>
                  <TableCell>{t('cost2.chargeback.pool')}</TableCell>
                  <TableCell>{t('cost2.shared.method')}</TableCell>
                  <TableCell align="right">{t('cost2.chargeback.poolCost')}</TableCell>
                  <TableCell>{t('cost2.chargeback.shares')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {report.data!.pools!.map((p) => (
                  <TableRow key={`${p.ruleId}|${p.currency}`}>
                    <TableCell component="th" scope="row">{p.name}</TableCell>
                    <TableCell>{t(poolMethodKey(p.method))}</TableCell>
                    <TableCell align="right" sx={num}>{formatMoney(p.effectiveCost, p.currency)}</TableCell>
                    <TableCell sx={{ wordBreak: 'break-word' }}>
                      {Object.entries(p.shares ?? {}).map(([k, v]) => `${k === UNALLOCATED ? t('cost2.unallocated') : k}: ${formatMoney(v, p.currency)}`).join(' · ') || t('common.none')}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollableTable>
        </Paper>
      )}
    </Box>
  );
}
