import type { ReactNode } from 'react';
import {
  Alert,
  Box,
  Breadcrumbs,
  Chip,
  LinearProgress,
  Link,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import CancelIcon from '@mui/icons-material/Cancel';
import { Link as RouterLink, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCostImport, useQuarantine, type ImportReport } from '../../api/cost';
import { CursorPager } from '../../components/CursorPager';
import { ScrollableTable } from '../../components/ScrollableTable';
import { EmptyState, ErrorState, PageSkeleton } from '../../components/States';
import { StatusChip } from '../../components/StatusChip';
import { useUrlState } from '../../hooks/useUrlState';
import { formatDateTime, formatMoney, formatNumber } from '../../lib/format';

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper variant="outlined" sx={{ p: { xs: 1.5, md: 2 }, mb: 2 }} data-testid={testId} component="section" aria-label={title}>
      <Typography variant="h3" component="h2" sx={{ mb: 1 }}>{title}</Typography>
      {children}
    </Paper>
  );
}

function Yes({ ok, label }: { ok?: boolean; label: string }) {
  return (
    <Chip
      size="small"
      color={ok ? 'success' : 'error'}
      icon={ok ? <CheckCircleIcon /> : <CancelIcon />}
      label={label}
    />
  );
}

function Reconciliation({ r }: { r: NonNullable<ImportReport['reconciliation']> }) {
  const { t } = useTranslation();
  return (
    <>
      <Box sx={{ mb: 1 }} data-testid="cost-reconciled">
        <Yes ok={r.reconciled} label={r.reconciled ? t('cost.import.reconciled') : t('cost.import.notReconciled')} />
      </Box>
      <ScrollableTable label={t('cost.import.reconciliation')}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('cost.import.currency')}</TableCell>
              <TableCell align="right">{t('cost.import.source')}</TableCell>
              <TableCell align="right">{t('cost.import.accepted')}</TableCell>
              <TableCell align="right">{t('cost.import.quarantined')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(r.currencies ?? []).map((c) => (
              <TableRow key={c.currency}>
                <TableCell>{c.currency}</TableCell>
                <TableCell align="right">{formatMoney(c.source, c.currency, 6)}</TableCell>
                <TableCell align="right">{formatMoney(c.accepted, c.currency, 6)}</TableCell>
                <TableCell align="right">{formatMoney(c.quarantined, c.currency, 6)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollableTable>
      {(r.notes ?? []).map((n) => (
        <Alert key={n} severity="info" variant="outlined" sx={{ mt: 1 }}>{n}</Alert>
      ))}
    </>
  );
}

function Conformance({ c }: { c: NonNullable<ImportReport['conformance']> }) {
  const { t } = useTranslation();
  return (
    <>
      <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" alignItems="center" sx={{ mb: 1 }}>
        <Yes ok={c.conformant} label={c.conformant ? t('cost.import.conformant') : t('cost.import.notConformant')} />
        <Typography variant="body2">
          {t('cost.import.rulesSummary', {
            rows: formatNumber(c.rowsChecked),
            passed: formatNumber(c.rulesPassed),
            failed: formatNumber(c.rulesFailed),
            na: formatNumber(c.rulesNotApplicable),
          })}
        </Typography>
      </Stack>
      {(c.failures?.length ?? 0) > 0 && (
        <ScrollableTable label={t('cost.import.failedRules')} sx={{ maxHeight: 480 }}>
          <Table size="small" stickyHeader data-testid="cost-failed-rules">
            <TableHead>
              <TableRow>
                <TableCell>{t('cost.import.rule')}</TableCell>
                <TableCell>{t('cost.import.description')}</TableCell>
                <TableCell align="right">{t('cost.import.failedCount')}</TableCell>
                <TableCell>{t('cost.import.firstRows')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(c.failures ?? []).map((f) => (
                <TableRow key={f.ruleId}>
                  <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{f.ruleId}</TableCell>
                  <TableCell sx={{ minWidth: 240 }}>{f.description}{f.note ? ` (${f.note})` : ''}</TableCell>
                  <TableCell align="right">{formatNumber(f.failed)}</TableCell>
                  <TableCell>{(f.firstFailingRows ?? []).join(', ') || '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollableTable>
      )}
    </>
  );
}

function Quarantine({ id }: { id: string }) {
  const { t } = useTranslation();
  const [params] = useUrlState();
  const cursors = params.getAll('qc');
  const page = useQuarantine(id, cursors[cursors.length - 1]);
  if (page.isPending) return <LinearProgress aria-label={t('common.loading')} />;
  if (page.isError) return <ErrorState error={page.error} compact />;
  const rows = page.data.items ?? [];
  if (!rows.length && !cursors.length) return <EmptyState>{t('cost.import.noQuarantine')}</EmptyState>;
  return (
    <>
      <ScrollableTable label={t('cost.import.quarantine')}>
        <Table size="small" data-testid="cost-quarantine">
          <TableHead>
            <TableRow>
              <TableCell>{t('cost.import.row')}</TableCell>
              <TableCell>{t('cost.import.reason')}</TableCell>
              <TableCell>{t('cost.import.raw')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.sourceRow}>
                <TableCell>{r.sourceRow}</TableCell>
                <TableCell sx={{ minWidth: 200 }}>{r.reason}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all', minWidth: 280 }}>
                  {Object.entries(r.raw ?? {}).filter(([, v]) => v !== '' && v !== null).slice(0, 12).map(([k, v]) => `${k}=${v}`).join('; ')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollableTable>
      <CursorPager param="qc" nextCursor={page.data.nextCursor} />
    </>
  );
}

/** One import: progress while it runs, then its report and quarantined rows. */
export default function ImportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const job = useCostImport(id);
  if (job.isPending) return <PageSkeleton />;
  if (job.isError) return <ErrorState error={job.error} onRetry={() => void job.refetch()} />;
  const j = job.data;
  const report = (j.report ?? undefined) as ImportReport | undefined;
  const running = j.status === 'QUEUED' || j.status === 'RUNNING';
  return (
    <Box>
      <Breadcrumbs sx={{ mb: 1 }} aria-label="breadcrumb">
        <Link component={RouterLink} to="/cost/imports">{t('cost.imports.title')}</Link>
        <Typography color="text.primary" noWrap sx={{ maxWidth: 360 }}>{j.fileName}</Typography>
      </Breadcrumbs>
      <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 2 }}>
        <Typography variant="h1" sx={{ wordBreak: 'break-all' }} data-testid="cost-import-title">{j.fileName}</Typography>
        <Box data-testid="cost-import-status"><StatusChip status={j.status} label={t(`cost.status.${j.status}`, { defaultValue: j.status ?? '' })} /></Box>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('cost.import.meta', { who: j.requestedBy ?? '—', when: formatDateTime(j.createdAt), source: j.source })}
        {j.location ? ` · ${j.location}` : ''}
      </Typography>
      {running && (
        <Box sx={{ mb: 2 }}>
          <LinearProgress variant={j.status === 'QUEUED' ? 'indeterminate' : 'determinate'} value={Math.round((j.progress ?? 0) * 100)} aria-label={t('cost.imports.progress')} />
          <Typography variant="caption">{t('cost.import.rowsSoFar', { rows: formatNumber(j.rowsRead) })}</Typography>
        </Box>
      )}
      {j.error && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="cost-import-refused">
          {j.error}
        </Alert>
      )}
      {report && (
        <>
          <Section title={t('cost.import.summary')} testId="cost-import-report">
            <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', gap: 2, m: 0 }}>
              {[
                [t('cost.import.format'), report.format?.label ?? report.format?.id],
                [t('cost.import.rowsRead'), formatNumber(report.rowsRead)],
                [t('cost.imports.rowsAccepted'), formatNumber(report.rowsAccepted)],
                [t('cost.imports.rowsQuarantined'), formatNumber(report.rowsQuarantined)],
                [t('cost.import.billingPeriods'), (report.billingPeriods ?? []).join(', ') || '—'],
              ].map(([k, v]) => (
                <Box key={k}>
                  <Typography variant="caption" color="text.secondary" component="dt">{k}</Typography>
                  <Typography variant="body2" component="dd" sx={{ m: 0 }}>{v || '—'}</Typography>
                </Box>
              ))}
            </Box>
            {report.format?.detectedBecause && (
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="cost-import-detected">
                {t('cost.import.detectedBecause', { why: report.format.detectedBecause })}
              </Typography>
            )}
            {(report.periodsReplaced?.length ?? 0) > 0 && (
              <Box sx={{ mt: 2 }}>
                <Typography variant="subtitle2" component="h3">{t('cost.import.periodsReplaced')}</Typography>
                <Box component="ul" sx={{ m: 0, pl: 3 }}>
                  {(report.periodsReplaced ?? []).map((p) => (
                    <li key={`${p.billingAccountId}-${p.billingPeriodStart}`}>
                      <Typography variant="body2">
                        {t('cost.import.periodReplaced', {
                          account: p.billingAccountId || '—',
                          period: String(p.billingPeriodStart ?? '').slice(0, 7),
                          rows: formatNumber(p.rows),
                          previous: formatNumber(p.previousRows),
                        })}
                      </Typography>
                    </li>
                  ))}
                </Box>
              </Box>
            )}
          </Section>
          {report.reconciliation && (
            <Section title={t('cost.import.reconciliation')} testId="cost-reconciliation">
              <Reconciliation r={report.reconciliation} />
            </Section>
          )}
          {report.conformance && (
            <Section title={t('cost.import.conformance')} testId="cost-conformance">
              <Conformance c={report.conformance} />
            </Section>
          )}
        </>
      )}
      {!running && (j.rowsQuarantined ?? 0) > 0 && (
        <Section title={t('cost.import.quarantine')} testId="cost-quarantine-section">
          <Quarantine id={id} />
        </Section>
      )}
    </Box>
  );
}
