import {
  Alert,
  Box,
  Breadcrumbs,
  Chip,
  Link,
  Paper,
  Stack,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tabs,
  Typography,
} from '@mui/material';
import { Link as RouterLink, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/queries';
import type { ResourceDetail } from '../../api/types';
import { JsonViewer } from '../../components/JsonViewer';
import { EmptyState, ErrorState, PageSkeleton } from '../../components/States';
import { useUrlState } from '../../hooks/useUrlState';
import { formatDateTime, formatRelative } from '../../lib/format';
import { HistoryTab } from './HistoryTab';
import { RelationshipGraph } from './RelationshipGraph';
import { CostSection } from './CostSection';

const TABS = ['configuration', 'tags', 'relationships', 'history'] as const;
type TabId = (typeof TABS)[number];

function TagsTab({ r }: { r: ResourceDetail }) {
  const { t } = useTranslation();
  const tags = Object.entries(r.tags ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const raw = Object.entries(r.tagsRaw ?? {});
  const differs = raw.length > 0 && JSON.stringify(Object.fromEntries(raw)) !== JSON.stringify(r.tags ?? {});
  if (!tags.length) return <EmptyState>{t('resource.noTags')}</EmptyState>;
  const table = (rows: [string, string][], label: string) => (
    <Table size="small" aria-label={label} sx={{ maxWidth: 800 }}>
      <TableHead>
        <TableRow>
          <TableCell>{t('resource.tagKey')}</TableCell>
          <TableCell>{t('resource.tagValue')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(([k, v]) => (
          <TableRow key={k}>
            <TableCell sx={{ fontWeight: 600 }}>{k}</TableCell>
            <TableCell sx={{ wordBreak: 'break-word' }}>{v}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
  return (
    <Stack spacing={3}>
      {table(tags, t('resource.tabs.tags'))}
      {differs && (
        <Box>
          <Typography variant="h3" component="h3" sx={{ mb: 1 }}>
            {t('resource.rawTags')}
          </Typography>
          {table(raw, t('resource.rawTags'))}
        </Box>
      )}
    </Stack>
  );
}

function Field({ label, children, wide }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <Box sx={{ minWidth: 0, ...(wide ? { gridColumn: '1 / -1' } : {}) }}>
      <Typography variant="caption" color="text.secondary" component="dt">
        {label}
      </Typography>
      <Typography variant="body2" component="dd" sx={{ m: 0, wordBreak: 'break-word' }}>
        {children || '—'}
      </Typography>
    </Box>
  );
}

export default function ResourcePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [params, update] = useUrlState();
  const tabParam = params.get('tab');
  const tab: TabId = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as TabId) : 'configuration';
  const resource = useResource(id);

  if (resource.isPending) return <PageSkeleton />;
  if (resource.isError) return <ErrorState error={resource.error} onRetry={() => void resource.refetch()} />;
  const r = resource.data;
  const title = r.name || r.nativeId || r.id;

  return (
    <Box>
      <Breadcrumbs sx={{ mb: 1 }} aria-label="breadcrumb">
        <Link component={RouterLink} to="/inventory">
          {t('inventory.title')}
        </Link>
        <Typography color="text.primary" noWrap sx={{ maxWidth: 360 }}>
          {title}
        </Typography>
      </Breadcrumbs>
      <Paper variant="outlined" sx={{ p: { xs: 2, md: 3 }, mb: 2 }}>
        <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 2 }}>
          <Typography variant="h1" data-testid="resource-title" sx={{ wordBreak: 'break-word' }}>
            {title}
          </Typography>
          {r.state && <Chip size="small" label={r.state} color={r.deleted ? 'default' : 'primary'} variant="outlined" />}
          {r.deleted && <Chip size="small" label={t('inventory.deleted')} color="error" />}
        </Stack>
        {r.deleted && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {t('resource.deleted', { when: formatDateTime(r.deletedAt) })}
          </Alert>
        )}
        <Box
          component="dl"
          sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 2, m: 0 }}
        >
          <Field label={t('resource.field.type')}>{r.type}</Field>
          <Field label={t('resource.field.provider')}>{r.provider}</Field>
          <Field label={t('resource.field.account')}>
            {r.accountId ? (
              <Link component={RouterLink} to={`/accounts/${r.accountId}`}>
                {r.accountName ?? r.accountId}
              </Link>
            ) : null}
          </Field>
          <Field label={t('resource.field.region')}>{r.region}</Field>
          <Field label={t('resource.field.state')}>{r.state}</Field>
          <Field label={t('resource.field.version')}>{r.version}</Field>
          <Field label={t('resource.field.lastChanged')}>
            <span title={formatDateTime(r.lastChanged)}>{formatRelative(r.lastChanged)}</span>
          </Field>
          <Field label={t('resource.field.firstSeen')}>{formatDateTime(r.firstSeen)}</Field>
          <Field label={t('resource.field.nativeId')} wide>
            <Box component="span" sx={{ fontFamily: 'monospace' }}>
              {r.nativeId}
            </Box>
          </Field>
        </Box>
      </Paper>
      <CostSection nativeId={r.nativeId} />
      <Paper variant="outlined">
        <Tabs
          value={tab}
          onChange={(_, v: TabId) =>
            update((p) => {
              p.set('tab', v);
            }, { replace: true })
          }
          variant="scrollable"
          allowScrollButtonsMobile
          aria-label={title}
          sx={{ borderBottom: 1, borderColor: 'divider', px: 1 }}
        >
          {TABS.map((k) => (
            <Tab key={k} value={k} label={t(`resource.tabs.${k}`)} id={`tab-${k}`} aria-controls={`panel-${k}`} data-testid={`resource-tab-${k}`} />
          ))}
        </Tabs>
        <Box role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} sx={{ p: { xs: 1.5, md: 3 } }}>
          {tab === 'configuration' &&
            (r.configuration === undefined || r.configuration === null ? (
              <EmptyState>{t('resource.noConfiguration')}</EmptyState>
            ) : (
              <JsonViewer key={r.id} value={r.configuration} />
            ))}
          {tab === 'tags' && <TagsTab r={r} />}
          {tab === 'relationships' && <RelationshipGraph resource={r} />}
          {tab === 'history' && <HistoryTab id={r.id ?? id} />}
        </Box>
      </Paper>
    </Box>
  );
}
