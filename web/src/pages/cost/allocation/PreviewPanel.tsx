import { Alert, Box, Chip, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { DIMENSIONS, UNALLOCATED, type AllocationPreviewResult, type Dimension } from '../../../api/costAllocation';
import { ScrollableTable } from '../../../components/ScrollableTable';
import { EmptyState } from '../../../components/States';
import { formatDelta, formatMoney, formatMonth } from '../money';
import { previewLines, unallocatedChange } from './rules';

/** The what-if of the draft rules: per value of a dimension, cost before and after, and the unallocated delta. */
export function PreviewPanel({
  result,
  dimension,
  onDimension,
  stale,
}: {
  result: AllocationPreviewResult;
  dimension: Dimension;
  onDimension: (d: Dimension) => void;
  stale: boolean;
}) {
  const { t } = useTranslation();
  const month = formatMonth(result.month ?? '');
  const lines = previewLines(result, dimension);
  const unallocated = unallocatedChange(result, dimension);
  return (
    <Paper variant="outlined" component="section" aria-labelledby="preview-title" sx={{ p: 2 }} data-testid="preview-panel">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} justifyContent="space-between" alignItems={{ sm: 'center' }} sx={{ mb: 1 }}>
        <Typography variant="h2" id="preview-title">
          {t('cost2.preview.title', { month })}
        </Typography>
        <TextField
          select
          size="small"
          label={t('cost2.dimension')}
          value={dimension}
          onChange={(e) => onDimension(e.target.value as Dimension)}
          sx={{ minWidth: 180 }}
          slotProps={{ htmlInput: { 'data-testid': 'preview-dimension' } }}
        >
          {DIMENSIONS.map((d) => (
            <MenuItem key={d} value={d}>
              {t(`cost2.dimensions.${d}`)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('cost2.preview.intro')}
      </Typography>
      {stale && (
        <Alert severity="warning" sx={{ mb: 1 }} data-testid="preview-stale">
          {t('cost2.preview.stale')}
        </Alert>
      )}
      {lines.length === 0 ? (
        <EmptyState>{t('cost2.preview.empty', { month })}</EmptyState>
      ) : (
        <>
          <Stack direction="row" spacing={1} useFlexGap sx={{ mb: 1, flexWrap: 'wrap' }} data-testid="preview-unallocated">
            {unallocated.map((u) => (
              <Chip
                key={u.currency}
                color={u.delta < 0 ? 'success' : u.delta > 0 ? 'warning' : 'default'}
                variant="outlined"
                label={t('cost2.preview.unallocated', {
                  currency: u.currency,
                  before: formatMoney(u.before, u.currency),
                  after: formatMoney(u.after, u.currency),
                  delta: formatDelta(u.delta, u.currency),
                })}
              />
            ))}
          </Stack>
          <ScrollableTable label={t('cost2.preview.tableLabel', { dimension: t(`cost2.dimensions.${dimension}`) })}>
            <Table size="small" data-testid="preview-table">
              <TableHead>
                <TableRow>
                  <TableCell>{t(`cost2.dimensions.${dimension}`)}</TableCell>
                  <TableCell>{t('cost2.currency')}</TableCell>
                  <TableCell align="right">{t('cost2.preview.before')}</TableCell>
                  <TableCell align="right">{t('cost2.preview.after')}</TableCell>
                  <TableCell align="right">{t('cost2.preview.delta')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {lines.map((l) => {
                  const unalloc = l.value === UNALLOCATED;
                  const delta = Number(l.delta ?? 0);
                  return (
                    <TableRow key={`${l.value}|${l.currency}`} data-testid={unalloc ? 'preview-row-unallocated' : `preview-row-${l.value}`}>
                      <TableCell component="th" scope="row" sx={{ fontStyle: unalloc ? 'italic' : undefined, fontWeight: unalloc ? 600 : undefined }}>
                        {unalloc ? t('cost2.unallocated') : l.value}
                      </TableCell>
                      <TableCell>{l.currency}</TableCell>
                      <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>{formatMoney(l.before, l.currency)}</TableCell>
                      <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>{formatMoney(l.after, l.currency)}</TableCell>
                      <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', color: delta === 0 ? 'text.secondary' : undefined }}>
                        <Box component="span">{formatDelta(l.delta, l.currency)}</Box>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </ScrollableTable>
        </>
      )}
    </Paper>
  );
}
