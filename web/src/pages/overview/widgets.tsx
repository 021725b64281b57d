import { useMemo } from 'react';
import {
  Box,
  Button,
  Chip,
  LinearProgress,
  Link,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAccounts, useFacets, useResources } from '../../api/queries';
import type { CloudAccount, FacetCount } from '../../api/types';
import EChart from '../../components/EChart';
import { EmptyState, ErrorState, LinesSkeleton } from '../../components/States';
import { StatusChip } from '../../components/StatusChip';
import { formatNumber, formatRelative } from '../../lib/format';

export type SyncBucket = 'SUCCEEDED' | 'FAILED' | 'RUNNING' | 'NEVER' | 'OTHER';

export function syncBucket(a: CloudAccount): SyncBucket {
  if (a.syncRunning) return 'RUNNING';
  const s = a.lastSync?.status?.toUpperCase();
  if (!s) return 'NEVER';
  if (s === 'SUCCEEDED' || s === 'FAILED' || s === 'RUNNING') return s;
  return 'OTHER';
}

export function syncHealth(accounts: CloudAccount[]) {
  const counts: Record<SyncBucket, number> = { SUCCEEDED: 0, FAILED: 0, RUNNING: 0, NEVER: 0, OTHER: 0 };
  for (const a of accounts) counts[syncBucket(a)]++;
  const failing = accounts.filter((a) => a.lastSync?.status?.toUpperCase() === 'FAILED' && !a.syncRunning);
  return { counts, failing };
}

/** Share of resources that have an owner tag, from the two facet totals. */
export function ownerCoverage(total?: number, missing?: number): number | null {
  if (total === undefined || missing === undefined || total <= 0) return null;
  return Math.max(0, Math.min(1, (total - missing) / total));
}

function facetLabel(f: FacetCount): string {
  return f.label || f.value || '—';
}

export function ResourcesWidget() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const facets = useFacets({});
  const data = facets.data;
  const providerOption = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['45%', '72%'],
          center: ['50%', '44%'],
          label: { show: false },
          data: (data?.provider ?? []).map((p) => ({ name: facetLabel(p), value: p.count, id: p.value })),
        },
      ],
    }),
    [data],
  );
  const types = useMemo(() => (data?.type ?? []).slice(0, 8).reverse(), [data]);
  const typeOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        data: types.map(facetLabel),
        axisLabel: { width: 150, overflow: 'truncate' },
      },
      series: [{ type: 'bar', data: types.map((x) => x.count), barMaxWidth: 18 }],
    }),
    [types],
  );

  if (facets.isPending) return <LinesSkeleton lines={5} height={36} />;
  if (facets.isError) return <ErrorState error={facets.error} onRetry={() => void facets.refetch()} compact />;
  if (!data?.total) return <EmptyState>{t('overview.noResources')}</EmptyState>;

  const providerSummary = (data.provider ?? []).map((p) => `${facetLabel(p)} ${p.count}`).join(', ');
  const typeSummary = types.map((p) => `${facetLabel(p)} ${p.count}`).join(', ');
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1.4fr' }, gap: 2 }}>
      <Box>
        <Typography variant="subtitle2" component="h3">
          {t('overview.byProvider')}
        </Typography>
        <EChart
          option={providerOption}
          height={240}
          ariaLabel={`${t('overview.byProvider')}: ${providerSummary}`}
          onClick={(e) => {
            const id = (e.data as { id?: string } | undefined)?.id;
            if (id) navigate(`/inventory?provider=${encodeURIComponent(id)}`);
          }}
        />
      </Box>
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="subtitle2" component="h3">
          {t('overview.byType')}
        </Typography>
        <EChart
          option={typeOption}
          height={240}
          ariaLabel={`${t('overview.byType')}: ${typeSummary}`}
          onClick={(e) => {
            const f = types[e.dataIndex];
            if (f?.value) navigate(`/inventory?type=${encodeURIComponent(f.value)}`);
          }}
        />
      </Box>
    </Box>
  );
}

export function AccountsWidget() {
  const { t } = useTranslation();
  const accounts = useAccounts();
  if (accounts.isPending) return <LinesSkeleton lines={4} />;
  if (accounts.isError) return <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} compact />;
  const list = accounts.data;
  if (!list.length)
    return (
      <EmptyState
        action={
          <Button component={RouterLink} to="/accounts/new" size="small" variant="outlined">
            {t('overview.addAccount')}
          </Button>
        }
      >
        {t('overview.noAccounts')}
      </EmptyState>
    );
  const { counts, failing } = syncHealth(list);
  const buckets = (['SUCCEEDED', 'FAILED', 'RUNNING', 'NEVER', 'OTHER'] as const).filter((b) => counts[b] > 0);
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" component="ul" sx={{ p: 0, m: 0, listStyle: 'none' }}>
        {buckets.map((b) => (
          <li key={b}>
            <StatusChip status={b} label={`${t(`overview.syncStatus.${b}`)}: ${counts[b]}`} />
          </li>
        ))}
      </Stack>
      <Box>
        <Typography variant="subtitle2" component="h3">
          {t('overview.failingAccounts')}
        </Typography>
        {failing.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t('overview.allHealthy')}
          </Typography>
        ) : (
          <List dense disablePadding>
            {failing.slice(0, 6).map((a) => (
              <ListItem key={a.id} disableGutters>
                <ListItemText
                  primary={
                    <Link component={RouterLink} to={`/accounts/${a.id}`}>
                      {a.name}
                    </Link>
                  }
                  secondary={`${a.lastSync?.errorCode ?? ''} · ${formatRelative(a.lastSync?.finishedAt ?? a.lastSync?.startedAt)}`}
                />
              </ListItem>
            ))}
          </List>
        )}
      </Box>
    </Stack>
  );
}

export function ChangesWidget() {
  const { t } = useTranslation();
  const recent = useResources({ sort: '-lastChanged', limit: '10' });
  if (recent.isPending) return <LinesSkeleton lines={6} />;
  if (recent.isError) return <ErrorState error={recent.error} onRetry={() => void recent.refetch()} compact />;
  const items = recent.data.items ?? [];
  if (!items.length) return <EmptyState>{t('overview.noChanges')}</EmptyState>;
  return (
    <List dense disablePadding>
      {items.map((r) => (
        <ListItem key={r.id} disableGutters sx={{ alignItems: 'flex-start' }}>
          <ListItemText
            primary={
              <Link component={RouterLink} to={`/inventory/${r.id}`} sx={{ wordBreak: 'break-word' }}>
                {r.name || r.nativeId}
              </Link>
            }
            secondary={`${r.type} · ${r.accountName ?? ''} · ${formatRelative(r.lastChanged)}`}
          />
          {r.deleted ? <Chip size="small" label={t('inventory.deleted')} sx={{ ml: 1 }} /> : null}
        </ListItem>
      ))}
    </List>
  );
}

export function TagsWidget() {
  const { t } = useTranslation();
  const all = useFacets({});
  const missing = useFacets({ tagMissing: ['owner'] });
  if (all.isPending || missing.isPending) return <LinesSkeleton lines={3} />;
  if (all.isError || missing.isError) {
    const retry = () => {
      void all.refetch();
      void missing.refetch();
    };
    return <ErrorState error={all.error ?? missing.error} onRetry={retry} compact />;
  }
  const total = all.data.total ?? 0;
  const miss = missing.data.total ?? 0;
  const share = ownerCoverage(total, miss);
  if (share === null) return <EmptyState>{t('overview.noResources')}</EmptyState>;
  const pct = Math.round(share * 1000) / 10;
  return (
    <Stack spacing={1.5}>
      <Box>
        <Typography variant="h3" component="p" sx={{ fontSize: '2rem' }} data-testid="tag-coverage">
          {pct} %
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('overview.coverage')}
        </Typography>
      </Box>
      <LinearProgress
        variant="determinate"
        value={share * 100}
        aria-label={t('overview.kpi.ownerCoverage')}
        color={share >= 0.9 ? 'success' : share >= 0.6 ? 'warning' : 'error'}
        sx={{ height: 8, borderRadius: 4 }}
      />
      <Typography variant="body2">{t('overview.missingOwner', { missing: formatNumber(miss), total: formatNumber(total) })}</Typography>
      {miss > 0 && (
        <Box>
          <Button component={RouterLink} to="/inventory?tagMissing=owner" size="small" variant="outlined">
            {t('overview.viewMissing')}
          </Button>
        </Box>
      )}
    </Stack>
  );
}

export function PlaceholderWidget({ id }: { id: 'cost' | 'compliance' | 'alerts' }) {
  const { t } = useTranslation();
  return (
    <Stack spacing={1} alignItems="flex-start">
      <Chip size="small" label={t('overview.comingSoon')} variant="outlined" />
      <Typography variant="body2" color="text.secondary">
        {t(`overview.placeholder.${id}`)}
      </Typography>
    </Stack>
  );
}

/** The figures on top of the page (from the same cached queries as the cards). */
export function KpiStrip() {
  const { t } = useTranslation();
  const all = useFacets({});
  const missing = useFacets({ tagMissing: ['owner'] });
  const accounts = useAccounts();
  const health = accounts.data ? syncHealth(accounts.data) : undefined;
  const share = ownerCoverage(all.data?.total, missing.data?.total);
  const kpis: { id: string; label: string; value: string | undefined; to: string }[] = [
    { id: 'resources', label: t('overview.kpi.resources'), value: all.data ? formatNumber(all.data.total ?? 0) : undefined, to: '/inventory' },
    { id: 'accounts', label: t('overview.kpi.accounts'), value: accounts.data ? formatNumber(accounts.data.length) : undefined, to: '/accounts' },
    { id: 'failing', label: t('overview.kpi.failing'), value: health ? formatNumber(health.counts.FAILED) : undefined, to: '/accounts' },
    {
      id: 'owner',
      label: t('overview.kpi.ownerCoverage'),
      value: all.data && missing.data ? (share === null ? '—' : `${Math.round(share * 1000) / 10} %`) : undefined,
      to: '/inventory?tagMissing=owner',
    },
  ];
  return (
    <Box
      component="ul"
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: 'repeat(2, 1fr)', md: 'repeat(4, 1fr)' },
        gap: 2,
        p: 0,
        m: 0,
        mb: 2,
        listStyle: 'none',
      }}
    >
      {kpis.map((k) => (
        <Box
          component="li"
          key={k.id}
          data-testid={`kpi-${k.id}`}
          sx={{ border: 1, borderColor: 'divider', borderRadius: 2, bgcolor: 'background.paper' }}
        >
          <Link
            component={RouterLink}
            to={k.to}
            underline="none"
            color="inherit"
            sx={{ display: 'block', p: 2, borderRadius: 2, '&:hover': { bgcolor: 'action.hover' } }}
          >
            <Typography variant="body2" color="text.secondary">
              {k.label}
            </Typography>
            <Typography variant="h3" component="p" sx={{ fontSize: '1.6rem', mt: 0.5 }}>
              {k.value ?? '…'}
            </Typography>
          </Link>
        </Box>
      ))}
    </Box>
  );
}
