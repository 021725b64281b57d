import { Alert, Box, Breadcrumbs, Button, Chip, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Link as RouterLink, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { accessApi, type ReviewItem } from '../../api/identity';
import { ScrollableTable } from '../../components/ScrollableTable';
import { SrOnly } from '../../components/SrOnly';
import { EmptyState, ErrorState, LinesSkeleton, PageSkeleton } from '../../components/States';
import { downloadAuthenticated } from '../../lib/download';
import { formatDateTime } from '../../lib/format';
import { can } from '../../lib/permissions';
import { useMe } from '../../api/queries';

/** How far a campaign is: decided items of all, and whether it can be completed. */
export function reviewProgress(items: readonly ReviewItem[]): { decided: number; total: number; overdue: number; complete: boolean } {
  const decided = items.filter((i) => i.decision !== 'PENDING').length;
  return { decided, total: items.length, overdue: items.filter((i) => i.overdue && i.decision === 'PENDING').length, complete: decided === items.length };
}

/** /access/reviews/:id: one access review campaign, its items and their decisions. */
export default function ReviewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const me = useMe();
  const canDecide = can(me.data, 'access:review');
  const review = useQuery({ queryKey: ['access', 'review', id], queryFn: () => accessApi.review(id) });
  const items = useQuery({ queryKey: ['access', 'review', id, 'items'], queryFn: () => accessApi.items(id) });
  const invalidate = () => qc.invalidateQueries({ queryKey: ['access', 'review', id] });
  const decide = useMutation({
    mutationFn: ({ item, decision }: { item: ReviewItem; decision: 'CERTIFIED' | 'REVOKED' }) =>
      accessApi.decide(id, item.id, decision, decision === 'CERTIFIED' ? t('identity.reviews.certifiedComment') : t('identity.reviews.revokedComment')),
    onSettled: invalidate,
  });
  const complete = useMutation({
    mutationFn: () => accessApi.complete(id),
    onSettled: () => {
      void invalidate();
      void qc.invalidateQueries({ queryKey: ['access', 'reviews'] });
    },
  });
  const download = useMutation({
    mutationFn: (format: 'json' | 'csv') =>
      downloadAuthenticated(accessApi.reportPath(id), `access-review-${id}.${format}`, format === 'csv' ? 'text/csv' : 'application/json'),
  });

  if (review.isPending) return <PageSkeleton />;
  if (review.isError) return <ErrorState error={review.error} onRetry={() => void review.refetch()} />;
  const r = review.data;
  const done = r.status === 'COMPLETED';
  const progress = reviewProgress(items.data ?? []);

  return (
    <Stack spacing={2}>
      <Breadcrumbs aria-label={t('identity.reviews.breadcrumb')}>
        <Link component={RouterLink} to="/access?tab=reviews">{t('identity.access.tabs.reviews')}</Link>
        <Typography color="text.primary">{r.name}</Typography>
      </Breadcrumbs>
      <Box>
        <Typography variant="h1">{r.name}</Typography>
        <Typography variant="body2" color="text.secondary">
          {t('identity.reviews.dueOn', { when: formatDateTime(r.dueAt) })} · {t('identity.reviews.progress', { decided: progress.decided, total: progress.total })}
        </Typography>
      </Box>
      {progress.overdue > 0 && !done && <Alert severity="warning" data-testid="review-overdue">{t('identity.reviews.overdueItems', { count: progress.overdue })}</Alert>}
      {done && <Alert severity="success" data-testid="review-done">{t('identity.reviews.completedOn', { when: formatDateTime(r.completedAt ?? undefined) })}</Alert>}
      <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
        {canDecide && !done && (
          <Button variant="contained" disabled={!items.isSuccess || !progress.complete || complete.isPending} onClick={() => complete.mutate()} data-testid="review-complete">
            {t('identity.reviews.complete')}
          </Button>
        )}
        {/* the server keeps a report only for a completed campaign */}
        {done && <Button startIcon={<DownloadIcon />} onClick={() => download.mutate('json')} data-testid="review-report-json">{t('identity.reviews.reportJson')}</Button>}
        {done && <Button startIcon={<DownloadIcon />} onClick={() => download.mutate('csv')} data-testid="review-report-csv">{t('identity.reviews.reportCsv')}</Button>}
      </Stack>
      {[decide.error, complete.error, download.error].filter(Boolean).map((e, i) => <ErrorState key={i} error={e} compact />)}
      {items.isPending ? <LinesSkeleton lines={6} /> : items.isError ? (
        <ErrorState error={items.error} onRetry={() => void items.refetch()} />
      ) : items.data.length === 0 ? (
        <EmptyState>{t('identity.reviews.noItems')}</EmptyState>
      ) : (
        <ScrollableTable label={t('identity.reviews.items')}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('identity.fields.username')}</TableCell>
                <TableCell>{t('identity.jit.role')}</TableCell>
                <TableCell>{t('identity.reviews.lastActivity')}</TableCell>
                <TableCell>{t('identity.reviews.decision')}</TableCell>
                {canDecide && !done && <TableCell><SrOnly>{t('identity.common.actions')}</SrOnly></TableCell>}
              </TableRow>
            </TableHead>
            <TableBody>
              {items.data.map((i) => (
                <TableRow key={i.id} data-testid={`review-item-${i.username}-${i.role}`}>
                  <TableCell>{i.username} {i.overdue && i.decision === 'PENDING' && <Chip size="small" color="error" label={t('identity.reviews.overdue')} />}</TableCell>
                  <TableCell>{i.role}</TableCell>
                  <TableCell>{i.lastActivityAt ? formatDateTime(i.lastActivityAt) : t('common.never')}</TableCell>
                  <TableCell>
                    <Chip size="small" label={t(`identity.reviews.decisions.${i.decision}`)}
                      color={i.decision === 'CERTIFIED' ? 'success' : i.decision === 'REVOKED' ? 'error' : 'default'} />
                  </TableCell>
                  {canDecide && !done && (
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {i.userId === me.data?.userId ? (
                        // the server refuses one's own lines (SELF_REVIEW_FORBIDDEN): say so instead of offering the buttons
                        <Tooltip title={t('identity.reviews.ownItem')}>
                          <Typography variant="body2" color="text.secondary" tabIndex={0} data-testid="review-own">{t('identity.reviews.ownItemShort')}</Typography>
                        </Tooltip>
                      ) : (<>
                      <Button size="small" color="success" disabled={decide.isPending || i.decision === 'CERTIFIED'} onClick={() => decide.mutate({ item: i, decision: 'CERTIFIED' })}
                        aria-label={t('identity.reviews.certifyFor', { user: i.username, role: i.role })} data-testid="review-certify">
                        {t('identity.reviews.certify')}
                      </Button>
                      <Button size="small" color="error" disabled={decide.isPending || i.decision === 'REVOKED'} onClick={() => decide.mutate({ item: i, decision: 'REVOKED' })}
                        aria-label={t('identity.reviews.revokeFor', { user: i.username, role: i.role })} data-testid="review-revoke">
                        {t('identity.common.revoke')}
                      </Button>
                      </>)}
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollableTable>
      )}
    </Stack>
  );
}
