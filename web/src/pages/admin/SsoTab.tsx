import { useState, type FormEvent } from 'react';
import {
  Box,
  Button,
  Chip,
  FormControlLabel,
  IconButton,
  MenuItem,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { adminApi, type SsoPreset, type SsoProvider } from '../../api/identity';
import { asApiError } from '../../api/errors';
import { ProblemAlert } from '../../components/AuthCard';
import { ScrollableTable } from '../../components/ScrollableTable';
import { SrOnly } from '../../components/SrOnly';
import { EmptyState, ErrorState, LinesSkeleton } from '../../components/States';
import { useRoleKeys } from './adminQueries';
import { applyPreset, emptyProvider, PRESETS, providerBody } from './ssoPresets';

function ProviderForm({ initial, onDone }: { initial: SsoProvider; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const roleKeys = useRoleKeys();
  const [p, setP] = useState<SsoProvider>({
    ...initial,
    clientSecret: '',
    scopes: Array.isArray(initial.scopes) ? initial.scopes.join(' ') : initial.scopes,
  });
  const editing = Boolean(initial.id);
  const save = useMutation({
    mutationFn: () => (editing ? adminApi.updateSso(initial.id!, providerBody(p)) : adminApi.createSso(providerBody(p))),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['admin', 'sso'] });
      onDone();
    },
  });
  const set = <K extends keyof SsoProvider>(k: K, v: SsoProvider[K]) => setP((x) => ({ ...x, [k]: v }));
  const fieldErrors = save.error ? asApiError(save.error).fieldMap() : {};
  const text = (k: 'name' | 'issuer' | 'clientId' | 'groupsClaim' | 'scopes', required = false) => (
    <TextField label={t(`identity.sso.fields.${k}`)} required={required} value={(p[k] as string | null | undefined) ?? ''}
      onChange={(e) => set(k, e.target.value)} error={Boolean(fieldErrors[k])} helperText={fieldErrors[k]}
      slotProps={{ htmlInput: { 'data-testid': `sso-${k}` } }} />
  );

  return (
    <Box component="form" noValidate onSubmit={(e: FormEvent) => (e.preventDefault(), save.mutate())} data-testid="sso-form"
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }}>
      <Stack spacing={2}>
        <Typography variant="h3" sx={{ fontSize: 17 }}>{editing ? t('identity.sso.edit', { name: initial.name }) : t('identity.sso.add')}</Typography>
        {save.error && <ProblemAlert error={asApiError(save.error)} testId="sso-error" />}
        <TextField select label={t('identity.sso.fields.preset')} value={p.preset}
          onChange={(e) => setP((x) => applyPreset(x, e.target.value as SsoPreset))} slotProps={{ htmlInput: { 'data-testid': 'sso-preset' } }}>
          {PRESETS.map((pr) => <MenuItem key={pr} value={pr}>{t(`identity.sso.presets.${pr}`)}</MenuItem>)}
        </TextField>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
          {text('name', true)}
          {p.kind === 'OIDC' ? text('issuer', true) : <Box />}
          {text('clientId', true)}
          <TextField label={t('identity.sso.fields.clientSecret')} type="password" autoComplete="new-password" required={!editing}
            value={p.clientSecret ?? ''} onChange={(e) => set('clientSecret', e.target.value)}
            helperText={editing ? t('identity.sso.secretKept') : t('identity.sso.secretWriteOnly')}
            slotProps={{ htmlInput: { 'data-testid': 'sso-clientSecret' } }} />
          {text('scopes')}
          {text('groupsClaim')}
        </Box>
        <FormControlLabel control={<Switch checked={p.enabled} onChange={(e) => set('enabled', e.target.checked)} />} label={t('identity.sso.fields.enabled')} />
        <Box component="fieldset" sx={{ border: 0, m: 0, p: 0 }}>
          <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>{t('identity.sso.mappings')}</Typography>
          <Stack spacing={1}>
            {p.roleMappings.map((m, i) => (
              <Stack key={i} direction={{ xs: 'column', sm: 'row' }} spacing={1} data-testid="sso-mapping">
                <TextField size="small" label={t('identity.sso.fields.claim')} value={m.claim}
                  onChange={(e) => set('roleMappings', p.roleMappings.map((x, j) => (j === i ? { ...x, claim: e.target.value } : x)))} />
                <TextField size="small" label={t('identity.sso.fields.value')} value={m.value}
                  onChange={(e) => set('roleMappings', p.roleMappings.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} />
                <TextField select size="small" label={t('identity.sso.fields.role')} value={m.role} sx={{ minWidth: 160 }}
                  onChange={(e) => set('roleMappings', p.roleMappings.map((x, j) => (j === i ? { ...x, role: e.target.value } : x)))}>
                  {roleKeys.map((r) => <MenuItem key={r} value={r}>{r}</MenuItem>)}
                </TextField>
                <IconButton aria-label={t('identity.sso.removeMapping', { n: i + 1 })}
                  onClick={() => set('roleMappings', p.roleMappings.filter((_, j) => j !== i))}>
                  <DeleteOutlineIcon />
                </IconButton>
              </Stack>
            ))}
            <Box>
              <Button size="small" startIcon={<AddIcon />} data-testid="sso-add-mapping"
                onClick={() => set('roleMappings', [...p.roleMappings, { claim: p.groupsClaim || 'groups', value: '', role: 'VIEWER' }])}>
                {t('identity.sso.addMapping')}
              </Button>
            </Box>
          </Stack>
        </Box>
        <Stack direction="row" spacing={1} justifyContent="flex-end">
          <Button onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={save.isPending || !p.name.trim() || !p.clientId.trim()} data-testid="sso-save">
            {t('identity.common.save')}
          </Button>
        </Stack>
      </Stack>
    </Box>
  );
}

export default function SsoTab() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const providers = useQuery({ queryKey: ['admin', 'sso'], queryFn: adminApi.ssoProviders });
  const [editing, setEditing] = useState<SsoProvider | null>(null);
  const remove = useMutation({ mutationFn: adminApi.deleteSso, onSettled: () => qc.invalidateQueries({ queryKey: ['admin', 'sso'] }) });
  return (
    <Stack spacing={2}>
      {!editing && <Box><Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing(emptyProvider())} data-testid="sso-new">{t('identity.sso.add')}</Button></Box>}
      {editing && <ProviderForm key={editing.id ?? 'new'} initial={editing} onDone={() => setEditing(null)} />}
      {remove.error && <ErrorState error={remove.error} compact />}
      {providers.isPending ? <LinesSkeleton /> : providers.isError ? (
        <ErrorState error={providers.error} onRetry={() => void providers.refetch()} />
      ) : providers.data.length === 0 ? (
        <EmptyState>{t('identity.sso.empty')}</EmptyState>
      ) : (
        <ScrollableTable label={t('identity.admin.tabs.sso')}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('identity.sso.fields.name')}</TableCell>
                <TableCell>{t('identity.sso.fields.preset')}</TableCell>
                <TableCell>{t('identity.sso.fields.issuer')}</TableCell>
                <TableCell>{t('identity.sso.mappings')}</TableCell>
                <TableCell>{t('identity.sso.fields.enabled')}</TableCell>
                <TableCell><SrOnly>{t('identity.common.actions')}</SrOnly></TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {providers.data.map((p) => (
                <TableRow key={p.id} data-testid={`sso-row-${p.name}`}>
                  <TableCell>{p.name}</TableCell>
                  <TableCell>{t(`identity.sso.presets.${p.preset}`)}</TableCell>
                  <TableCell sx={{ wordBreak: 'break-all' }}>{p.issuer || t('common.none')}</TableCell>
                  <TableCell>{p.roleMappings?.length ?? 0}</TableCell>
                  <TableCell><Chip size="small" label={p.enabled ? t('common.yes') : t('common.no')} color={p.enabled ? 'success' : 'default'} /></TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Button size="small" onClick={() => setEditing(p)}>{t('identity.common.edit')}</Button>
                    <Button size="small" color="error" onClick={() => p.id && remove.mutate(p.id)} disabled={remove.isPending}>{t('identity.common.delete')}</Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollableTable>
      )}
    </Stack>
  );
}
