import { Box, Checkbox, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useDiff, useHistory } from '../../api/queries';
import { EmptyState, ErrorState, LinesSkeleton } from '../../components/States';
import { useUrlState } from '../../hooks/useUrlState';
import { formatDateTime } from '../../lib/format';
import { DiffView } from './DiffView';
import { ScrollableTable } from '../../components/ScrollableTable';

/** Picking versions: at most two stay selected; picking a third drops the earlier pick. */
export function nextSelection(current: number[], version: number, checked: boolean): number[] {
  if (!checked) return current.filter((v) => v !== version);
  if (current.includes(version)) return current;
  return [...current, version].slice(-2);
}

export function HistoryTab({ id }: { id: string }) {
  const { t } = useTranslation();
  const [params, update] = useUrlState();
  const history = useHistory(id);
  const selected = params
    .getAll('v')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0)
    .slice(-2);
  const [a, b] = selected;
  const from = selected.length === 2 ? Math.min(a, b) : null;
  const to = selected.length === 2 ? Math.max(a, b) : null;
  const diff = useDiff(id, from, to);

  const setSelected = (vs: number[]) =>
    update((p) => {
      p.delete('v');
      vs.forEach((v) => p.append('v', String(v)));
    }, { replace: true });

  if (history.isPending) return <LinesSkeleton lines={5} />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  const versions = history.data.items ?? [];
  if (!versions.length) return <EmptyState>{t('resource.history.empty')}</EmptyState>;

  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('resource.history.pickTwo')}
      </Typography>
      <ScrollableTable sx={{ mb: 3 }}>
        <Table size="small" aria-label={t('resource.tabs.history')} data-testid="history-table">
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">{t('resource.history.compare')}</TableCell>
              <TableCell>{t('resource.history.version')}</TableCell>
              <TableCell>{t('resource.history.change')}</TableCell>
              <TableCell>{t('resource.history.validFrom')}</TableCell>
              <TableCell>{t('resource.history.validTo')}</TableCell>
              <TableCell>{t('resource.field.state')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {versions.map((v) => {
              const n = v.version ?? 0;
              const checked = selected.includes(n);
              return (
                <TableRow key={n} selected={checked}>
                  <TableCell padding="checkbox">
                    <Checkbox
                      checked={checked}
                      onChange={(e) => setSelected(nextSelection(selected, n, e.target.checked))}
                      slotProps={{
                        input: {
                          'aria-label': t('resource.history.select', { version: n }),
                          'data-testid': 'history-version',
                          'data-version': n,
                        } as Record<string, string | number>,
                      }}
                    />
                  </TableCell>
                  <TableCell>v{n}</TableCell>
                  <TableCell>{v.change}</TableCell>
                  <TableCell>{formatDateTime(v.validFrom)}</TableCell>
                  <TableCell>{v.validTo ? formatDateTime(v.validTo) : t('resource.history.current')}</TableCell>
                  <TableCell>{v.state}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </ScrollableTable>
      {from !== null && to !== null && (
        diff.isPending ? (
          <LinesSkeleton lines={4} />
        ) : diff.isError ? (
          <ErrorState error={diff.error} onRetry={() => void diff.refetch()} />
        ) : (
          <DiffView diff={diff.data} />
        )
      )}
    </Box>
  );
}
