import { useEffect, useReducer } from 'react';
import {
  Alert,
  Box,
  Breadcrumbs,
  Button,
  Chip,
  LinearProgress,
  Link,
  Paper,
  Skeleton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import SyncIcon from '@mui/icons-material/Sync';
import NetworkCheckIcon from '@mui/icons-material/NetworkCheck';
import { Link as RouterLink, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAccount, useSyncAccount, useSyncs, useTestAccount } from '../../api/queries';
import { EmptyState, ErrorState, PageSkeleton } from '../../components/States';
import { StatusChip } from '../../components/StatusChip';
import { useLiveEvent } from '../../hooks/useEventStream';
import { useUrlState } from '../../hooks/useUrlState';
import { formatDateTime, formatDuration, formatNumber, formatRelative, formatSeconds } from '../../lib/format';
import { idleProgress, reduceSyncProgress } from './syncProgress';
import { ScrollableTable } from '../../components/ScrollableTable';
import { CursorPager } from '../../components/CursorPager';

function SyncHistory({ id }: { id: string }) {
  const { t } = useTranslation();
  const [params] = useUrlState();
  const cursors = params.getAll('c');
  const syncs = useSyncs(id, cursors.at(-1));
  const items = syncs.data?.items ?? [];
  return (
    <Paper variant="outlined" component="section" aria-labelledby="sync-history-title">
      <Typography variant="h2" id="sync-history-title" sx={{ p: 2, pb: 1 }}>
        {t('accounts.detail.history')}
      </Typography>
      {syncs.isError ? (
        <Box sx={{ p: 2 }}>
          <ErrorState error={syncs.error} onRetry={() => void syncs.refetch()} />
        </Box>
      ) : (
        <ScrollableTable>
          <Table size="small" data-testid="sync-history" aria-labelledby="sync-history-title">
            <TableHead>
              <TableRow>
                <TableCell>{t('accounts.detail.col.sequence')}</TableCell>
                <TableCell>{t('accounts.detail.col.status')}</TableCell>
                <TableCell>{t('accounts.detail.col.trigger')}</TableCell>
                <TableCell>{t('accounts.detail.col.startedAt')}</TableCell>
                <TableCell>{t('accounts.detail.col.duration')}</TableCell>
                <TableCell align="right">{t('accounts.detail.col.resources')}</TableCell>
                <TableCell>{t('accounts.detail.col.changes')}</TableCell>
                <TableCell>{t('accounts.detail.col.error')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {syncs.isPending
                ? Array.from({ length: 4 }, (_, i) => (
                    <TableRow key={i}>
                      {Array.from({ length: 8 }, (_, j) => (
                        <TableCell key={j}>
                          <Skeleton variant="text" />
                        </TableCell>
                      ))}
                    </TableRow>
                  ))
                : items.map((s) => (
                    <TableRow key={s.id} data-testid="sync-row">
                      <TableCell>{s.sequence}</TableCell>
                      <TableCell>
                        <StatusChip status={s.status} />
                      </TableCell>
                      <TableCell>{s.trigger}{s.attempt && s.attempt > 1 ? ` (#${s.attempt})` : ''}</TableCell>
                      <TableCell title={formatDateTime(s.startedAt)}>{formatRelative(s.startedAt)}</TableCell>
                      <TableCell>{formatDuration(s.durationMs)}</TableCell>
                      <TableCell align="right">{formatNumber(s.resources)}</TableCell>
                      <TableCell>
                        {formatNumber(s.created ?? 0)} / {formatNumber(s.modified ?? 0)} / {formatNumber(s.deleted ?? 0)}
                      </TableCell>
                      <TableCell sx={{ maxWidth: 320 }}>
                        {s.errorCode && (
                          <Box>
                            <Box component="span" sx={{ fontFamily: 'monospace', fontWeight: 600 }}>
                              {s.errorCode}
                            </Box>
                            {s.errorMessage && (
                              <Typography variant="caption" component="div" color="text.secondary" sx={{ wordBreak: 'break-word' }}>
                                {s.errorMessage}
                              </Typography>
                            )}
                          </Box>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
            </TableBody>
          </Table>
        </ScrollableTable>
      )}
      {!syncs.isPending && !syncs.isError && items.length === 0 && <EmptyState>{t('accounts.detail.noSyncs')}</EmptyState>}
      {(cursors.length > 0 || syncs.data?.nextCursor) && (
        <CursorPager nextCursor={syncs.data?.nextCursor} />
      )}
    </Paper>
  );
}

export default function AccountPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [progress, dispatch] = useReducer(reduceSyncProgress, idleProgress);
  const awaiting = progress.phase === 'requested' || progress.phase === 'running';
  const account = useAccount(id, awaiting);
  const test = useTestAccount(id);
  const sync = useSyncAccount(id);

  // without the event stream, the polled account tells when the requested sync is over
  const last = account.data?.lastSync;
  useEffect(() => {
    if (!awaiting || account.data?.syncRunning || !last?.finishedAt || !progress.requestedAt) return;
    if (new Date(last.finishedAt).getTime() < progress.requestedAt - 1000) return;
    dispatch({
      type: 'sync-finished',
      payload: {
        accountId: id,
        syncRunId: progress.syncRunId ?? last.id ?? '',
        status: last.status ?? '',
        resources: last.resources,
        errorCode: last.errorCode,
      },
    });
  }, [awaiting, account.data?.syncRunning, last, progress.requestedAt, progress.syncRunId, id]);

  useLiveEvent('sync-started', (p) => p.accountId === id && dispatch({ type: 'sync-started', payload: p }));
  useLiveEvent('sync-progress', (p) => p.accountId === id && dispatch({ type: 'sync-progress', payload: p }));
  useLiveEvent('resources-changed', (p) => p.accountId === id && dispatch({ type: 'resources-changed', payload: p }));
  useLiveEvent('sync-finished', (p) => p.accountId === id && dispatch({ type: 'sync-finished', payload: p }));

  if (account.isPending) return <PageSkeleton />;
  if (account.isError) return <ErrorState error={account.error} onRetry={() => void account.refetch()} />;
  const a = account.data;
  const running = progress.phase === 'running' || progress.phase === 'requested' || (progress.phase === 'idle' && a.syncRunning);
  const secrets = new Set(a.secretsSet ?? []);
  const config = Object.entries(a.config ?? {});
  for (const s of secrets) if (!(a.config ?? {})[s]) config.push([s, '']);

  return (
    <Box>
      <Breadcrumbs sx={{ mb: 1 }} aria-label="breadcrumb">
        <Link component={RouterLink} to="/accounts">
          {t('accounts.title')}
        </Link>
        <Typography color="text.primary">{a.name}</Typography>
      </Breadcrumbs>
      <Stack direction={{ xs: 'column', sm: 'row' }} justifyContent="space-between" alignItems={{ sm: 'center' }} spacing={2} sx={{ mb: 2 }}>
        <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
          <Typography variant="h1" data-testid="account-title">
            {a.name}
          </Typography>
          <Chip size="small" label={a.provider} variant="outlined" />
          <Chip size="small" label={a.enabled ? t('accounts.enabled') : t('accounts.disabled')} color={a.enabled ? 'success' : 'default'} variant="outlined" />
        </Stack>
        <Stack direction="row" spacing={1}>
          <Button
            variant="outlined"
            startIcon={<NetworkCheckIcon />}
            onClick={() => test.mutate()}
            disabled={test.isPending}
            data-testid="test-connection"
          >
            {test.isPending ? t('accounts.detail.testing') : t('accounts.detail.test')}
          </Button>
          <Button
            variant="contained"
            startIcon={<SyncIcon />}
            onClick={() => {
              dispatch({ type: 'requested', at: Date.now() });
              sync.mutate(undefined, { onError: () => dispatch({ type: 'reset' }) });
            }}
            disabled={sync.isPending || running}
            data-testid="sync-now"
          >
            {sync.isPending ? t('accounts.detail.syncStarting') : t('accounts.detail.syncNow')}
          </Button>
        </Stack>
      </Stack>

      <Stack spacing={2}>
        {test.isSuccess &&
          (test.data.ok ? (
            <Alert severity="success" data-testid="test-result" onClose={() => test.reset()}>
              {t('accounts.detail.testOk')}
            </Alert>
          ) : (
            <Alert severity="error" data-testid="test-result" onClose={() => test.reset()}>
              {t('accounts.detail.testFailed', { kind: test.data.errorKind ?? '', message: test.data.message ?? '' })}
            </Alert>
          ))}
        {test.isError && <ErrorState error={test.error} />}
        {sync.isError && <ErrorState error={sync.error} />}

        {(running || progress.phase === 'finished') && (
          <Paper variant="outlined" sx={{ p: 2 }} data-testid="sync-progress" aria-live="polite">
            {running ? (
              <Stack spacing={1}>
                <Typography variant="subtitle2">{t('accounts.detail.syncRunning')}</Typography>
                <LinearProgress aria-label={t('accounts.detail.syncRunning')} />
                <Typography variant="body2" color="text.secondary" data-testid="sync-progress-count">
                  {progress.changed === 0 && progress.collected > 0
                    ? t('accounts.detail.collected', { count: progress.collected })
                    : progress.phase === 'running' || progress.changed > 0
                    ? t('accounts.detail.progress', { count: progress.changed })
                    : t('accounts.detail.waiting')}
                </Typography>
              </Stack>
            ) : progress.status === 'SUCCEEDED' ? (
              <Alert severity="success" data-testid="sync-result">
                {t('accounts.detail.finishedOk', { count: progress.resources ?? 0 })}
              </Alert>
            ) : (
              <Alert severity="error" data-testid="sync-result">
                {t('accounts.detail.finishedFailed', { code: progress.errorCode ?? progress.status ?? '' })}
              </Alert>
            )}
          </Paper>
        )}

        <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="account-config-title">
          <Typography variant="h2" id="account-config-title" sx={{ mb: 1 }}>
            {t('accounts.detail.configuration')}
          </Typography>
          <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 2, m: 0 }}>
            {[
              ['Connector', a.connector],
              [t('accounts.detail.syncInterval'), formatSeconds(a.syncIntervalSeconds)],
              [t('accounts.detail.nextSync'), formatDateTime(a.nextSyncAt)],
              [t('accounts.detail.failures'), String(a.consecutiveFailures ?? 0)],
              [t('accounts.detail.created'), formatDateTime(a.createdAt)],
              ...config.map(([k, v]) => [k, secrets.has(k) ? t('accounts.detail.secretSet') : v] as [string, string]),
            ].map(([k, v]) => (
              <Box key={k}>
                <Typography component="dt" variant="caption" color="text.secondary">
                  {k}
                </Typography>
                <Typography component="dd" variant="body2" sx={{ m: 0, wordBreak: 'break-word' }}>
                  {v || '—'}
                </Typography>
              </Box>
            ))}
          </Box>
          <Button component={RouterLink} to={`/inventory?account=${a.id}`} size="small" sx={{ mt: 2 }}>
            {t('accounts.detail.viewResources')}
          </Button>
        </Paper>

        <SyncHistory id={id} />
      </Stack>
    </Box>
  );
}
