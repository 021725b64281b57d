import { Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useTranslation } from 'react-i18next';
import type { ExplorerResult } from '../../api/cost';
import { ScrollableTable } from '../../components/ScrollableTable';
import { saveBlob } from '../../lib/download';
import { formatMoney, formatPercent } from '../../lib/format';
import { tableCsv, tableRows } from './explorerModel';

/** Group, total, previous, change and share; the CSV is built here from the same answer. */
export function ExplorerTable({ result, compare }: { result: ExplorerResult; compare: boolean }) {
  const { t } = useTranslation();
  const rows = tableRows(result);
  const cur = result.currency;
  const exportCsv = () =>
    saveBlob(
      new Blob([tableCsv(result, compare)], { type: 'text/csv;charset=utf-8' }),
      `cost-${(result.groupBy ?? []).join('-').replace(/[^A-Za-z0-9-]/g, '_')}-${result.from}-${result.to}.csv`,
    );
  return (
    <Box>
      <Stack direction="row" alignItems="center" justifyContent="space-between" sx={{ mb: 1 }}>
        <Typography variant="h3" component="h2">
          {t('cost.explorer.table')}
        </Typography>
        <Button size="small" startIcon={<DownloadIcon />} onClick={exportCsv} data-testid="cost-export-csv">
          {t('cost.explorer.exportCsv')}
        </Button>
      </Stack>
      <ScrollableTable label={t('cost.explorer.table')}>
        <Table size="small" data-testid="cost-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('cost.explorer.group')}</TableCell>
              <TableCell align="right">{t('cost.explorer.total')}</TableCell>
              {compare && <TableCell align="right">{t('cost.explorer.previous')}</TableCell>}
              {compare && <TableCell align="right">{t('cost.explorer.change')}</TableCell>}
              <TableCell align="right">{t('cost.explorer.share')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.key || r.label} data-testid="cost-row">
                <TableCell sx={{ fontStyle: r.other ? 'italic' : undefined, wordBreak: 'break-word', minWidth: 160 }}>{r.label}</TableCell>
                <TableCell align="right">{formatMoney(r.total, cur)}</TableCell>
                {compare && <TableCell align="right">{formatMoney(r.previous, cur)}</TableCell>}
                {compare && (
                  <TableCell align="right" sx={{ color: (r.changePercent ?? 0) > 0 ? 'error.main' : (r.changePercent ?? 0) < 0 ? 'success.main' : undefined }}>
                    {r.changePercent === null ? t('cost.explorer.new') : (r.changePercent ?? 0) > 0 ? `+${formatPercent(r.changePercent)}` : formatPercent(r.changePercent)}
                  </TableCell>
                )}
                <TableCell align="right">{formatPercent(r.share)}</TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell sx={{ fontWeight: 600 }}>{t('cost.explorer.total')}</TableCell>
              <TableCell align="right" sx={{ fontWeight: 600 }} data-testid="cost-total">{formatMoney(result.total, cur)}</TableCell>
              {compare && <TableCell align="right" sx={{ fontWeight: 600 }}>{formatMoney(result.previousTotal, cur)}</TableCell>}
              {compare && <TableCell />}
              <TableCell align="right">{rows.length ? formatPercent(100) : '—'}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </ScrollableTable>
    </Box>
  );
}
