import { useEffect, useRef } from 'react';
import { Alert, Box, LinearProgress, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { costApi, costKeys, type Reallocation } from '../../../api/costAllocation';
import { ScrollableTable } from '../../../components/ScrollableTable';
import { StatusChip } from '../../../components/StatusChip';
import { EmptyState, ErrorState, LinesSkeleton } from '../../../components/States';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useMe } from '../../../api/queries';
import { identityOf } from '../../../lib/permissions';

const finished = (r?: Reallocation) => r?.status === 'SUCCEEDED' || r?.status === 'FAILED';

/** A job's status label in the UI language. */
function useStatusLabel() {
  const { t } = useTranslation();
  return (s?: string) => t(`cost2.job.status.${s ?? 'QUEUED'}` as 'cost2.job.status.QUEUED', { defaultValue: s ?? '' });
}

/**
 * The progress of the re-allocation a save started: polled until it ends, then everything computed from the
 * allocation (coverage, chargeback, budgets) is refreshed.
 */
export function ReallocationProgress({ id }: { id: string }) {
  const { t } = useTranslation();
  const label = useStatusLabel();
  const qc = useQueryClient();
  const job = useQuery({
    queryKey: costKeys.reallocation(id),
    queryFn: () => costApi.reallocation(id),
    refetchInterval: (q) => (finished(q.state.data) ? false : 750),
  });
  const announced = useRef(false);
  const r = job.data;
  useEffect(() => {
    if (finished(r) && !announced.current) {
      announced.current = true;
      void qc.invalidateQueries({ queryKey: ['cost', 'allocation', 'coverage'] });
      void qc.invalidateQueries({ queryKey: costKeys.reallocations });
      void qc.invalidateQueries({ queryKey: ['cost', 'chargeback'] });
      void qc.invalidateQueries({ queryKey: costKeys.budgets });
    }
  }, [r, qc]);
  if (job.isError) return <ErrorState error={job.error} compact />;
  const total = r?.monthsTotal ?? 0;
  const done = r?.monthsDone ?? 0;
  const pct = total > 0 ? (done / total) * 100 : finished(r) ? 100 : 0;
  const severity = r?.status === 'FAILED' ? 'error' : r?.status === 'SUCCEEDED' ? 'success' : 'info';
  return (
    <Alert severity={severity} data-testid="reallocation-progress" data-status={r?.status ?? 'QUEUED'} sx={{ '& .MuiAlert-message': { width: '100%' } }}>
      <Stack spacing={1}>
        <Typography variant="body2" fontWeight={600}>
          {t('cost2.job.title')}: {label(r?.status)}
        </Typography>
        <Box aria-live="polite">
          <Typography variant="body2">
            {t('cost2.job.progress', { done, total })} · {t('cost2.job.rows', { rows: formatNumber(r?.rowsUpdated ?? 0) })}
          </Typography>
          {r?.error && <Typography variant="body2">{r.error}</Typography>}
        </Box>
        <LinearProgress
          variant={r && (total > 0 || finished(r)) ? 'determinate' : 'indeterminate'}
          value={pct}
          color={r?.status === 'FAILED' ? 'error' : r?.status === 'SUCCEEDED' ? 'success' : 'primary'}
          aria-label={t('cost2.job.title')}
        />
      </Stack>
    </Alert>
  );
}

/** The latest re-allocation jobs (refreshed while one is under way). */
export function RecentReallocations() {
  const { t } = useTranslation();
  const label = useStatusLabel();
  const me = identityOf(useMe().data);
  // the job records its actor as `user:<id>`; the signed-in user's own jobs show their name
  const actor = (a?: string) => (a && me?.userId && a === `user:${me.userId}` ? me.username : a) || t('common.none');
  const jobs = useQuery({
    queryKey: costKeys.reallocations,
    queryFn: () => costApi.reallocations(5),
    refetchInterval: (q) => ((q.state.data ?? []).some((r) => !finished(r)) ? 2000 : false),
  });
  return (
    <Paper variant="outlined" component="section" aria-labelledby="jobs-title" sx={{ p: 2 }}>
      <Typography variant="h2" id="jobs-title" sx={{ mb: 1 }}>
        {t('cost2.job.recent')}
      </Typography>
      {jobs.isPending ? (
        <LinesSkeleton lines={2} />
      ) : jobs.isError ? (
        <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} compact />
      ) : jobs.data.length === 0 ? (
        <EmptyState>{t('cost2.job.none')}</EmptyState>
      ) : (
        <ScrollableTable label={t('cost2.job.recent')}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('cost2.job.requested')}</TableCell>
                <TableCell>{t('cost2.job.by')}</TableCell>
                <TableCell>{t('cost2.job.statusLabel')}</TableCell>
                <TableCell align="right">{t('cost2.job.months')}</TableCell>
                <TableCell align="right">{t('cost2.job.rowsLabel')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {jobs.data.map((r) => (
                <TableRow key={r.id} data-testid="reallocation-row">
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.createdAt)}</TableCell>
                  <TableCell sx={{ overflowWrap: 'anywhere' }}>{actor(r.requestedBy)}</TableCell>
                  <TableCell>
                    <StatusChip status={r.status} label={label(r.status)} />
                  </TableCell>
                  <TableCell align="right">{`${r.monthsDone ?? 0} / ${r.monthsTotal ?? 0}`}</TableCell>
                  <TableCell align="right">{formatNumber(r.rowsUpdated ?? 0)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollableTable>
      )}
    </Paper>
  );
}
