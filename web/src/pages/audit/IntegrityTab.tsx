import { useState, type ReactNode } from 'react';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Chip,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import VerifiedIcon from '@mui/icons-material/Verified';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutline';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutline';
import HelpOutlineIcon from '@mui/icons-material/HelpOutline';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../../api/errors';
import { useAnchors, useAuditKeys, useAuditLog, useVerifyLog } from '../../api/queries';
import type { AnchorStatus, VerificationReport } from '../../api/types';
import { CopyButton } from '../../components/CopyButton';
import { ScrollableTable } from '../../components/ScrollableTable';
import { EmptyState, ErrorState, LinesSkeleton } from '../../components/States';
import { downloadAuthenticated } from '../../lib/download';
import { anchorColor, summariseVerification } from '../../lib/evidence';
import { formatDateTime, formatNumber } from '../../lib/format';

const ANCHOR_COLUMNS = ['target', 'anchoredSize', 'anchoredAt', 'localSize', 'status', 'message'] as const;
const ANCHOR_STATUSES = ['OK', 'NOT_ANCHORED', 'ROLLBACK_DETECTED', 'MISMATCH', 'UNAVAILABLE'] as const;

function Section({ id, title, children, intro }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-labelledby={id} sx={{ p: 2 }}>
      <Typography variant="h2" id={id} sx={{ mb: intro ? 0.5 : 1.5 }}>
        {title}
      </Typography>
      {intro && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          {intro}
        </Typography>
      )}
      {children}
    </Paper>
  );
}

function Mono({ children }: { children: ReactNode }) {
  return (
    <Box component="span" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
      {children}
    </Box>
  );
}

function LogSection() {
  const { t } = useTranslation();
  const log = useAuditLog();
  const l = log.data;
  const rows: [string, ReactNode][] = l
    ? [
        [t('audit.integrity.origin'), <Mono key="o">{l.origin || '—'}</Mono>],
        [t('audit.integrity.hashAlgorithm'), l.hashAlgorithm || '—'],
        [t('audit.integrity.treeSize'), formatNumber(l.treeSize)],
        [
          t('audit.integrity.rootHash'),
          l.rootHash ? (
            <Stack key="r" direction="row" alignItems="center" spacing={0.5}>
              <Mono>{l.rootHash}</Mono>
              <CopyButton value={l.rootHash} label={t('audit.integrity.copyRoot')} />
            </Stack>
          ) : (
            '—'
          ),
        ],
        [t('audit.integrity.checkpointSize'), l.latestCheckpoint ? formatNumber(l.latestCheckpoint.treeSize) : t('audit.integrity.noCheckpoint')],
        [t('audit.integrity.checkpointTime'), l.latestCheckpoint ? formatDateTime(l.latestCheckpoint.createdAt) : t('audit.integrity.noCheckpoint')],
        [
          t('audit.integrity.retention'),
          l.onlineRetentionDays === undefined || l.onlineRetentionDays === null
            ? t('audit.integrity.retentionDefault')
            : t('audit.integrity.retentionDays', { count: l.onlineRetentionDays }),
        ],
      ]
    : [];
  return (
    <Section id="integrity-log-title" title={t('audit.integrity.logTitle')}>
      {log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : log.isPending ? (
        <LinesSkeleton lines={4} />
      ) : (
        <Box
          component="dl"
          data-testid="audit-log"
          sx={{ m: 0, display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'max-content minmax(0, 1fr)' }, columnGap: 2, rowGap: 0.75 }}
        >
          {rows.map(([k, v]) => (
            <Box key={k} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" color="text.secondary">
                {k}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0, mb: { xs: 1, sm: 0 }, minWidth: 0 }}>
                {v}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
    </Section>
  );
}

function AnchorChip({ status }: { status?: AnchorStatus['status'] }) {
  const { t } = useTranslation();
  const color = anchorColor(status);
  const icon = color === 'success' ? <CheckCircleOutlineIcon /> : color === 'error' ? <ErrorOutlineIcon /> : <HelpOutlineIcon />;
  const label = status && (ANCHOR_STATUSES as readonly string[]).includes(status) ? t(`audit.integrity.anchorStatus.${status}`) : (status ?? '—');
  return <Chip size="small" color={color} icon={icon} label={label} data-testid="anchor-status" />;
}

function AnchorsSection() {
  const { t } = useTranslation();
  const anchors = useAnchors();
  const rows = anchors.data ?? [];
  return (
    <Section id="integrity-anchors-title" title={t('audit.integrity.anchorsTitle')} intro={t('audit.integrity.anchorsIntro')}>
      {anchors.isError ? (
        <ErrorState error={anchors.error} onRetry={() => void anchors.refetch()} />
      ) : anchors.isPending ? (
        <LinesSkeleton lines={2} />
      ) : rows.length === 0 ? (
        <EmptyState>{t('audit.integrity.anchorsEmpty')}</EmptyState>
      ) : (
        <ScrollableTable label={t('audit.integrity.anchorsTitle')}>
          <Table size="small" aria-labelledby="integrity-anchors-title">
            <TableHead>
              <TableRow>
                {ANCHOR_COLUMNS.map((c) => (
                  <TableCell key={c}>{t(`audit.integrity.anchorCol.${c}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((a, i) => (
                <TableRow key={`${a.target ?? ''}-${i}`} data-testid="anchor-row">
                  <TableCell sx={{ wordBreak: 'break-all', minWidth: 140 }}>{a.target}</TableCell>
                  <TableCell>{formatNumber(a.anchoredSize)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.anchoredAt)}</TableCell>
                  <TableCell>{formatNumber(a.localSize)}</TableCell>
                  <TableCell>
                    <AnchorChip status={a.status} />
                  </TableCell>
                  <TableCell sx={{ minWidth: 180, wordBreak: 'break-word' }}>{a.message || '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollableTable>
      )}
    </Section>
  );
}

function VerificationResult({ report }: { report: VerificationReport }) {
  const { t } = useTranslation();
  const s = summariseVerification(report);
  return (
    <Alert severity={s.ok ? 'success' : 'error'} data-testid="verify-result">
      <AlertTitle>{s.ok ? t('audit.integrity.verifyOk') : t('audit.integrity.verifyFailed')}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {s.firstBadIndex !== null && <li>{t('audit.integrity.firstBad', { index: s.firstBadIndex })}</li>}
        <li>{t('audit.integrity.entriesChecked', { checked: formatNumber(s.entriesChecked) })}</li>
        <li>{t('audit.integrity.checkpointsVerified', { verified: formatNumber(s.checkpoints.verified), total: formatNumber(s.checkpoints.total) })}</li>
        <li>{t('audit.integrity.anchorsVerified', { verified: formatNumber(s.anchors.verified), total: formatNumber(s.anchors.total) })}</li>
      </Box>
      {s.problems.length > 0 && (
        <>
          <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
            {t('audit.integrity.problems')}
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="verify-problems">
            {s.problems.map((p, i) => (
              <li key={i}>
                <Mono>{p.kind}</Mono>
                {typeof p.index === 'number' ? ` ${t('audit.integrity.atIndex', { index: p.index })}` : ''}
                {p.message ? `: ${p.message}` : ''}
              </li>
            ))}
          </Box>
          {s.moreProblems > 0 && <Typography variant="body2">{t('audit.integrity.moreProblems', { count: s.moreProblems })}</Typography>}
        </>
      )}
    </Alert>
  );
}

function VerifySection() {
  const { t } = useTranslation();
  const verify = useVerifyLog();
  const [bundle, setBundle] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const downloadBundle = async () => {
    setBundle({ busy: true, error: null });
    try {
      await downloadAuthenticated('/api/v1/audit/bundle', 'audit-bundle.zip', 'application/zip, application/problem+json');
      setBundle({ busy: false, error: null });
    } catch (e) {
      setBundle({ busy: false, error: asApiError(e) });
    }
  };
  return (
    <Section id="integrity-verify-title" title={t('audit.integrity.verifyTitle')} intro={t('audit.integrity.verifyIntro')}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mb: 1 }} alignItems={{ xs: 'stretch', sm: 'center' }}>
        <Button variant="contained" startIcon={<VerifiedIcon />} onClick={() => verify.mutate()} disabled={verify.isPending} data-testid="verify-log">
          {verify.isPending ? t('audit.integrity.verifying') : t('audit.integrity.verify')}
        </Button>
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => void downloadBundle()} disabled={bundle.busy} data-testid="download-bundle">
          {bundle.busy ? t('audit.integrity.bundleDownloading') : t('audit.integrity.bundle')}
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('audit.integrity.bundleTip')}{' '}
        <Box component="code" sx={{ fontFamily: 'monospace', bgcolor: 'action.hover', px: 0.5, borderRadius: 0.5, wordBreak: 'break-all' }}>
          ./cloudwarden verify-log bundle.zip
        </Box>
      </Typography>
      <Stack spacing={1} aria-live="polite">
        {verify.isSuccess && <VerificationResult report={verify.data} />}
        {verify.isError && (
          <Box data-testid="verify-result">
            <ErrorState error={verify.error} compact />
          </Box>
        )}
        {bundle.error !== null && <ErrorState error={bundle.error} compact />}
      </Stack>
    </Section>
  );
}

function KeysSection() {
  const { t } = useTranslation();
  const keys = useAuditKeys();
  const list = keys.data?.verifierKeys ?? [];
  return (
    <Section id="integrity-keys-title" title={t('audit.integrity.keysTitle')} intro={t('audit.integrity.keysIntro')}>
      {keys.isError ? (
        <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />
      ) : keys.isPending ? (
        <LinesSkeleton lines={2} />
      ) : list.length === 0 ? (
        <EmptyState>{t('audit.integrity.keysEmpty')}</EmptyState>
      ) : (
        <Stack component="ul" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {list.map((k, i) => (
            <Stack
              component="li"
              key={k}
              direction="row"
              alignItems="center"
              spacing={0.5}
              data-testid="audit-key"
              sx={{ bgcolor: 'action.hover', borderRadius: 1, px: 1, py: 0.5 }}
            >
              <Box component="code" sx={{ fontFamily: 'monospace', fontSize: 13, wordBreak: 'break-all', flex: 1, minWidth: 0 }}>
                {k}
              </Box>
              <CopyButton value={k} label={t('audit.integrity.copyKey', { n: i + 1 })} />
            </Stack>
          ))}
        </Stack>
      )}
    </Section>
  );
}

export function IntegrityTab() {
  return (
    <Stack spacing={2}>
      <LogSection />
      <VerifySection />
      <AnchorsSection />
      <KeysSection />
    </Stack>
  );
}
