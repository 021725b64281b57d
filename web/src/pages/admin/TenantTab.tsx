import { useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  FormControlLabel,
  List,
  ListItem,
  ListItemText,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { adminApi, type TenantRef, type TenantSettings } from '../../api/identity';
import { asApiError } from '../../api/errors';
import { ProblemAlert } from '../../components/AuthCard';
import { EmptyState, ErrorState, LinesSkeleton } from '../../components/States';
import { childKind, tenantTree } from '../../lib/tenant';

/** Whether a string is an IPv4 or IPv6 address or CIDR block (the server validates it again). */
export function isCidr(v: string): boolean {
  const [addr, bits, ...rest] = v.trim().split('/');
  if (rest.length || !addr) return false;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(addr)) {
    if (addr.split('.').some((o) => Number(o) > 255)) return false;
    return bits === undefined || (/^\d{1,2}$/.test(bits) && Number(bits) <= 32);
  }
  if (/^[0-9a-f:]+$/i.test(addr) && addr.includes(':')) return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= 128);
  return false;
}

function SettingsForm({ initial, canEdit }: { initial: TenantSettings; canEdit: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [s, setS] = useState<TenantSettings>(initial);
  const [ip, setIp] = useState('');
  const sso = useQuery({ queryKey: ['admin', 'sso'], queryFn: adminApi.ssoProviders, enabled: canEdit, retry: false });
  const save = useMutation({
    mutationFn: () => adminApi.saveSettings(s),
    onSuccess: (saved) => {
      if (saved) setS(saved);
      void qc.invalidateQueries({ queryKey: ['admin', 'settings'] });
    },
  });
  const fe = save.error ? asApiError(save.error).fieldMap() : {};
  const addIp = () => {
    const v = ip.trim();
    if (v && isCidr(v) && !s.ipAllowList.includes(v)) setS({ ...s, ipAllowList: [...s.ipAllowList, v] });
    if (isCidr(v)) setIp('');
  };
  // null retention days mean the installation default (shown empty); null is sent as "keep the stored value"
  const num = <N extends number | null | undefined>(label: string, value: N, onChange: (n: N) => void, testId: string, field: string, hint?: string) => (
    <TextField type="number" label={label} value={value ?? ''} disabled={!canEdit}
      onChange={(e) => onChange((e.target.value === '' ? null : Number(e.target.value)) as N)}
      error={Boolean(fe[field])} helperText={fe[field] ?? hint} slotProps={{ htmlInput: { min: 1, 'data-testid': testId } }} />
  );
  const providers = sso.data ?? [];

  return (
    <Box component="form" noValidate onSubmit={(e: FormEvent) => (e.preventDefault(), save.mutate())} data-testid="tenant-settings">
      <Stack spacing={2}>
        {save.isSuccess && <Alert severity="success">{t('identity.tenant.saved')}</Alert>}
        {save.error && <ProblemAlert error={asApiError(save.error)} testId="settings-error" />}
        <FormControlLabel disabled={!canEdit} label={t('identity.tenant.mfaRequired')}
          control={<Switch checked={s.mfaRequired} onChange={(e) => setS({ ...s, mfaRequired: e.target.checked })} slotProps={{ input: { 'data-testid': 'settings-mfa' } as object }} />} />
        <FormControlLabel disabled={!canEdit} label={t('identity.tenant.selfSignup')}
          control={<Switch checked={s.selfSignupEnabled} onChange={(e) => setS({ ...s, selfSignupEnabled: e.target.checked })} />} />
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' } }}>
          {num(t('identity.tenant.sessionLifetime'), s.sessionLifetimeMinutes, (n) => setS({ ...s, sessionLifetimeMinutes: n }), 'settings-session', 'sessionLifetimeMinutes')}
          {num(t('identity.tenant.auditDays'), s.dataRetention.auditOnlineDays, (n) => setS({ ...s, dataRetention: { ...s.dataRetention, auditOnlineDays: n } }), 'settings-audit-days', 'dataRetention.auditOnlineDays', t('identity.tenant.retentionDefault'))}
          {num(t('identity.tenant.evidenceDays'), s.dataRetention.evidenceDays, (n) => setS({ ...s, dataRetention: { ...s.dataRetention, evidenceDays: n } }), 'settings-evidence-days', 'dataRetention.evidenceDays', t('identity.tenant.retentionDefault'))}
        </Box>
        <Autocomplete
          multiple
          disabled={!canEdit}
          options={providers.map((p) => p.id ?? '')}
          getOptionLabel={(id) => providers.find((p) => p.id === id)?.name ?? id}
          value={s.allowedSsoProviders}
          onChange={(_, v) => setS({ ...s, allowedSsoProviders: v })}
          renderInput={(params) => <TextField {...params} label={t('identity.tenant.allowedSso')} helperText={t('identity.tenant.allowedSsoHelp')} />}
        />
        <Box>
          <Typography variant="subtitle2" id="ip-allow-label">{t('identity.tenant.ipAllowList')}</Typography>
          {/* a list holds list items only (axe aria-required-children): the "any address" note sits outside it */}
          {s.ipAllowList.length === 0 && <Typography variant="body2" color="text.secondary" sx={{ my: 1 }} data-testid="ip-any">{t('identity.tenant.ipAny')}</Typography>}
          {s.ipAllowList.length > 0 && <Stack direction="row" flexWrap="wrap" useFlexGap spacing={0.5} sx={{ my: 1 }} aria-labelledby="ip-allow-label" role="list">
            {s.ipAllowList.map((c) => (
              <Chip key={c} role="listitem" label={c} data-testid="ip-chip" sx={{ fontFamily: 'monospace' }}
                onDelete={canEdit ? () => setS({ ...s, ipAllowList: s.ipAllowList.filter((x) => x !== c) }) : undefined} />
            ))}
          </Stack>}
          {canEdit && (
            <Stack direction="row" spacing={1} alignItems="flex-start">
              <TextField size="small" label={t('identity.tenant.addCidr')} value={ip} onChange={(e) => setIp(e.target.value)}
                error={Boolean(ip.trim()) && !isCidr(ip)} helperText={ip.trim() && !isCidr(ip) ? t('identity.tenant.badCidr') : ' '}
                onKeyDown={(e: KeyboardEvent) => e.key === 'Enter' && (e.preventDefault(), addIp())}
                slotProps={{ htmlInput: { 'data-testid': 'ip-input' } }} />
              <Button onClick={addIp} disabled={!isCidr(ip)}>{t('identity.common.add')}</Button>
            </Stack>
          )}
        </Box>
        {canEdit && (
          <Box><Button type="submit" variant="contained" disabled={save.isPending} data-testid="settings-save">{t('identity.common.save')}</Button></Box>
        )}
      </Stack>
    </Box>
  );
}

function ChildTenants({ canManage, activeTenantId }: { canManage: boolean; activeTenantId?: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const tenants = useQuery({ queryKey: ['admin', 'tenants'], queryFn: adminApi.tenants });
  const [name, setName] = useState('');
  const active: TenantRef | undefined = tenants.data?.find((x) => x.id === activeTenantId) ?? tenants.data?.find((x) => !x.parentId);
  const kind = childKind(active?.kind ?? undefined);
  const create = useMutation({
    mutationFn: () => adminApi.createTenant({ name: name.trim(), kind: kind! }),
    onSuccess: () => {
      setName('');
      void qc.invalidateQueries({ queryKey: ['admin', 'tenants'] });
      void qc.invalidateQueries({ queryKey: ['me'] });
    },
  });
  if (tenants.isPending) return <LinesSkeleton />;
  if (tenants.isError) return <ErrorState error={tenants.error} onRetry={() => void tenants.refetch()} />;
  const tree = tenantTree(tenants.data);
  return (
    <Stack spacing={2}>
      {tree.length === 0 ? <EmptyState>{t('identity.tenant.noChildren')}</EmptyState> : (
        <List dense aria-label={t('identity.tenant.tree')} data-testid="tenant-tree">
          {tree.map((n) => (
            <ListItem key={n.id} sx={{ pl: 2 + n.depth * 3 }} data-testid={`tenant-node-${n.name}`}>
              <ListItemText primary={n.name} secondary={t(`identity.tenantKind.${n.kind}` as 'identity.tenantKind.MSP', { defaultValue: String(n.kind ?? '') })} />
            </ListItem>
          ))}
        </List>
      )}
      {canManage && kind && (
        <Box component="form" noValidate onSubmit={(e: FormEvent) => (e.preventDefault(), create.mutate())}>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} alignItems={{ sm: 'flex-start' }}>
            <TextField size="small" label={t(kind === 'CUSTOMER' ? 'identity.tenant.newCustomer' : 'identity.tenant.newUnit')} value={name}
              onChange={(e) => setName(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'child-tenant-name' } }} />
            <Button type="submit" variant="contained" disabled={create.isPending || !name.trim()} data-testid="child-tenant-add">
              {t(kind === 'CUSTOMER' ? 'identity.tenant.addCustomer' : 'identity.tenant.addUnit')}
            </Button>
          </Stack>
          {create.error && <Box sx={{ mt: 1 }}><ProblemAlert error={asApiError(create.error)} testId="tenant-error" /></Box>}
        </Box>
      )}
    </Stack>
  );
}

export default function TenantTab({ canEdit, canManageChildren, activeTenantId }: { canEdit: boolean; canManageChildren: boolean; activeTenantId?: string }) {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: ['admin', 'settings'], queryFn: adminApi.settings });
  return (
    <Stack spacing={3}>
      <Card variant="outlined" component="section" aria-labelledby="settings-title">
        <CardContent>
          <Typography variant="h2" id="settings-title" sx={{ fontSize: 18, mb: 2 }}>{t('identity.tenant.settings')}</Typography>
          {settings.isPending ? <LinesSkeleton /> : settings.isError ? (
            <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
          ) : (
            <SettingsForm initial={settings.data} canEdit={canEdit} />
          )}
        </CardContent>
      </Card>
      <Card variant="outlined" component="section" aria-labelledby="children-title">
        <CardContent>
          <Typography variant="h2" id="children-title" sx={{ fontSize: 18, mb: 2 }}>{t('identity.tenant.children')}</Typography>
          <ChildTenants canManage={canManageChildren} activeTenantId={activeTenantId} />
        </CardContent>
      </Card>
    </Stack>
  );
}
