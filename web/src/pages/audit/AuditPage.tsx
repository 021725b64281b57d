import { useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Drawer,
  IconButton,
  Paper,
  Skeleton,
  Stack,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import VerifiedIcon from '@mui/icons-material/Verified';
import { useTranslation } from 'react-i18next';
import { rawFetch } from '../../api/client';
import { asApiError } from '../../api/errors';
import { useAuditEntries } from '../../api/queries';
import type { AuditQuery, EntryView, InclusionView } from '../../api/types';
import { JsonViewer } from '../../components/JsonViewer';
import { EmptyState, ErrorState } from '../../components/States';
import { StatusChip } from '../../components/StatusChip';
import { useUrlState } from '../../hooks/useUrlState';
import { formatDateTime } from '../../lib/format';
import { verifyInclusion } from '../../lib/merkle';
import { ScrollableTable } from '../../components/ScrollableTable';
import { EvidenceTab } from './EvidenceTab';
import { IntegrityTab } from './IntegrityTab';
import { AUDIT_TABS, auditTabFrom, type AuditTab } from '../../lib/evidence';
import { CursorPager } from '../../components/CursorPager';

const FILTERS = ['actor', 'action', 'target', 'outcome', 'from', 'to'] as const;

type ProofState =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'ok'; size: number }
  | { state: 'failed'; reason: string };

function EntryDetail({ entry, onClose }: { entry: EntryView; onClose: () => void }) {
  const { t } = useTranslation();
  const [proof, setProof] = useState<ProofState>({ state: 'idle' });

  const verify = async () => {
    setProof({ state: 'busy' });
    try {
      const link = entry.proof ?? `/api/v1/audit/proofs/inclusion?index=${entry.index}`;
      const path = link.startsWith('http') ? new URL(link).pathname + new URL(link).search : link;
      const view = (await (await rawFetch(path)).json()) as InclusionView;
      const root = view.checkpoint?.rootHash ?? view.rootHash ?? '';
      const size = view.checkpoint?.treeSize ?? view.treeSize ?? 0;
      const result = await verifyInclusion({
        index: Number(view.index ?? entry.index),
        treeSize: Number(view.treeSize),
        canonical: view.canonical ?? entry.canonical,
        leafHash: view.leafHash ?? entry.leafHash ?? '',
        proof: view.proof ?? [],
        rootHash: root,
      });
      setProof(result.ok ? { state: 'ok', size } : { state: 'failed', reason: result.reason });
    } catch (e) {
      const err = asApiError(e);
      setProof({ state: 'failed', reason: `${err.message} (${err.code})` });
    }
  };

  return (
    <Box sx={{ p: 2, width: { xs: '100vw', sm: 520 } }} role="region" aria-labelledby="audit-entry-title">
      <Stack direction="row" justifyContent="space-between" alignItems="center">
        <Typography variant="h2" id="audit-entry-title">
          {t('audit.detail', { index: entry.index })}
        </Typography>
        <IconButton aria-label={t('common.close')} onClick={onClose}>
          <CloseIcon />
        </IconButton>
      </Stack>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, my: 2 }}>
        {[
          [t('audit.col.timestamp'), formatDateTime(entry.timestamp)],
          [t('audit.col.actor'), entry.actor],
          [t('audit.col.action'), entry.action],
          [t('audit.col.target'), entry.target],
          [t('audit.col.outcome'), entry.outcome],
          [t('audit.sourceIp'), entry.sourceIp],
          [t('audit.leafHash'), entry.leafHash],
        ].map(([k, v]) => (
          <Box key={k} sx={{ display: 'contents' }}>
            <Typography component="dt" variant="body2" color="text.secondary">
              {k}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0, wordBreak: 'break-all' }}>
              {v || '—'}
            </Typography>
          </Box>
        ))}
      </Box>
      <Stack spacing={1} sx={{ mb: 2 }}>
        <Button variant="outlined" startIcon={<VerifiedIcon />} onClick={() => void verify()} disabled={proof.state === 'busy'} data-testid="verify-proof">
          {proof.state === 'busy' ? t('audit.verifying') : t('audit.verify')}
        </Button>
        {proof.state === 'ok' && (
          <Alert severity="success" data-testid="proof-result">
            {t('audit.verified', { size: proof.size })}
          </Alert>
        )}
        {proof.state === 'failed' && (
          <Alert severity="error" data-testid="proof-result">
            {t('audit.verifyFailed', { reason: proof.reason })}
          </Alert>
        )}
      </Stack>
      {entry.details !== undefined && entry.details !== null && (
        <Box sx={{ mb: 2 }}>
          <Typography variant="h3" component="h3" sx={{ mb: 1 }}>
            {t('audit.details')}
          </Typography>
          <JsonViewer value={entry.details} label={t('audit.details')} />
        </Box>
      )}
      {entry.canonical && (
        <Box>
          <Typography variant="h3" component="h3" sx={{ mb: 1 }}>
            {t('audit.canonical')}
          </Typography>
          <Box component="pre" sx={{ fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all', bgcolor: 'action.hover', p: 1, borderRadius: 1 }}>
            {entry.canonical}
          </Box>
        </Box>
      )}
    </Box>
  );
}

function TimelineTab() {
  const { t } = useTranslation();
  const [params, update] = useUrlState();
  const cursors = params.getAll('c');
  const query: AuditQuery = { limit: 50 };
  for (const f of FILTERS) {
    const v = params.get(f);
    if (v) (query as Record<string, string>)[f] = f === 'from' || f === 'to' ? new Date(v).toISOString() : v;
  }
  if (cursors.length) query.cursor = cursors.at(-1);
  const entries = useAuditEntries(query);
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])));
  const selectedIndex = params.get('entry');
  const items = entries.data?.items ?? [];
  const selected = items.find((e) => String(e.index) === selectedIndex);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    update((p) => {
      for (const f of FILTERS) {
        if (draft[f]) p.set(f, draft[f]);
        else p.delete(f);
      }
      p.delete('c');
      p.delete('entry');
    });
  };

  return (
    <Box>
      <Paper variant="outlined" sx={{ p: 2, mb: 2 }} component="form" role="search" aria-label={t('audit.filters')} onSubmit={apply}>
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 1.5, alignItems: 'center' }}>
          {FILTERS.map((f) => (
            <TextField
              key={f}
              size="small"
              label={t(`audit.${f}`)}
              type={f === 'from' || f === 'to' ? 'datetime-local' : 'text'}
              value={draft[f]}
              onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
              slotProps={{ inputLabel: f === 'from' || f === 'to' ? { shrink: true } : undefined, htmlInput: { 'data-testid': `audit-filter-${f}` } }}
            />
          ))}
          <Button type="submit" variant="contained">
            {t('audit.apply')}
          </Button>
        </Box>
      </Paper>
      <Paper variant="outlined">
        {entries.isError ? (
          <Box sx={{ p: 2 }}>
            <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
          </Box>
        ) : (
          <ScrollableTable>
            <Table size="small" aria-label={t('audit.tableLabel')} data-testid="audit-table">
              <TableHead>
                <TableRow>
                  {(['index', 'timestamp', 'actor', 'action', 'target', 'outcome'] as const).map((c) => (
                    <TableCell key={c}>{t(`audit.col.${c}`)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {entries.isPending
                  ? Array.from({ length: 6 }, (_, i) => (
                      <TableRow key={i}>
                        {Array.from({ length: 6 }, (_, j) => (
                          <TableCell key={j}>
                            <Skeleton variant="text" />
                          </TableCell>
                        ))}
                      </TableRow>
                    ))
                  : items.map((e) => (
                      <TableRow
                        key={e.index}
                        hover
                        selected={String(e.index) === selectedIndex}
                        data-testid="audit-row"
                        tabIndex={0}
                        sx={{ cursor: 'pointer' }}
                        onClick={() => update((p) => p.set('entry', String(e.index)))}
                        onKeyDown={(ev) => {
                          if (ev.key === 'Enter' || ev.key === ' ') {
                            ev.preventDefault();
                            update((p) => p.set('entry', String(e.index)));
                          }
                        }}
                      >
                        <TableCell>{e.index}</TableCell>
                        <TableCell>{formatDateTime(e.timestamp)}</TableCell>
                        <TableCell>{e.actor}</TableCell>
                        <TableCell>{e.action}</TableCell>
                        <TableCell sx={{ maxWidth: 260, wordBreak: 'break-word' }}>{e.target}</TableCell>
                        <TableCell>
                          <StatusChip
                            status={e.outcome?.toUpperCase() === 'SUCCESS' ? 'SUCCEEDED' : e.outcome?.toUpperCase() === 'FAILURE' ? 'FAILED' : e.outcome}
                            label={e.outcome}
                          />
                        </TableCell>
                      </TableRow>
                    ))}
              </TableBody>
            </Table>
          </ScrollableTable>
        )}
        {!entries.isPending && !entries.isError && items.length === 0 && <EmptyState>{t('audit.empty')}</EmptyState>}
        <CursorPager nextCursor={entries.data?.nextCursor} />
      </Paper>
      <Drawer anchor="right" sx={{ zIndex: (th) => th.zIndex.modal }} open={Boolean(selected)} onClose={() => update((p) => p.delete('entry'))}>
        {selected && <EntryDetail key={selected.index} entry={selected} onClose={() => update((p) => p.delete('entry'))} />}
      </Drawer>
    </Box>
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const [params, update] = useUrlState();
  const tab = auditTabFrom(params.get('tab'));

  return (
    <Box>
      <Typography variant="h1" sx={{ mb: 2 }}>
        {t('audit.title')}
      </Typography>
      <Tabs
        value={tab}
        onChange={(_, v: AuditTab) =>
          update((p) => {
            if (v === 'timeline') p.delete('tab');
            else p.set('tab', v);
            p.delete('entry');
          })
        }
        variant="scrollable"
        allowScrollButtonsMobile
        aria-label={t('audit.tabs.label')}
        sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
      >
        {AUDIT_TABS.map((k) => (
          <Tab key={k} value={k} label={t(`audit.tabs.${k}`)} id={`audit-tab-${k}`} aria-controls={`audit-panel-${k}`} data-testid={`audit-tab-${k}`} />
        ))}
      </Tabs>
      <Box role="tabpanel" id={`audit-panel-${tab}`} aria-labelledby={`audit-tab-${tab}`}>
        {tab === 'timeline' && <TimelineTab />}
        {tab === 'evidence' && <EvidenceTab />}
        {tab === 'integrity' && <IntegrityTab />}
      </Box>
    </Box>
  );
}
