import { useState, type FormEvent } from 'react';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiKey, ApiKeyCreate, ApiKeyCreated } from '../api/identity';
import { asApiError } from '../api/errors';
import { formatDateTime } from '../lib/format';
import { ProblemAlert } from './AuthCard';
import { CopyButton } from './CopyButton';
import { EmptyState, ErrorState, LinesSkeleton } from './States';
import { ScrollableTable } from './ScrollableTable';
import { SrOnly } from './SrOnly';

export interface ApiKeysSource {
  queryKey: readonly unknown[];
  list: () => Promise<ApiKey[]>;
  create: (body: ApiKeyCreate) => Promise<ApiKeyCreated>;
  revoke: (id: string) => Promise<void>;
}

/** An ISO instant at the end of a yyyy-mm-dd day (UTC), or null when no day is chosen. */
export function expiryOf(date: string): string | null {
  return date ? new Date(`${date}T23:59:59Z`).toISOString() : null;
}

/** The UTC day `days` from now, yyyy-mm-dd. */
export function dayIn(days: number, now = Date.now()): string {
  return new Date(now + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The server requires an expiry at most a year away (ADR 20), so the day is required, 90 days ahead by
 * default, and at most 364 days ahead (the end of day 365 could pass the year).
 */
export const DEFAULT_KEY_DAYS = 90;
export const MAX_KEY_DAYS = 364;

function CreateDialog({ open, roleOptions, onClose, onCreated, source }: {
  open: boolean;
  roleOptions: string[];
  onClose: () => void;
  onCreated: (k: ApiKeyCreated) => void;
  source: ApiKeysSource;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [expires, setExpires] = useState(() => dayIn(DEFAULT_KEY_DAYS));
  const create = useMutation({ mutationFn: source.create, onSuccess: onCreated });
  const fieldErrors = create.error ? asApiError(create.error).fieldMap() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name: name.trim(), roles, expiresAt: expiryOf(expires) });
  };
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="apikey-create-title">
      <Box component="form" onSubmit={submit} noValidate>
        <DialogTitle id="apikey-create-title">{t('identity.apiKeys.create')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {create.error && <ProblemAlert error={asApiError(create.error)} testId="apikey-error" />}
            <TextField label={t('identity.fields.name')} required value={name} onChange={(e) => setName(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'apikey-name' } }} />
            <Autocomplete
              multiple
              disableCloseOnSelect
              options={roleOptions}
              value={roles}
              onChange={(_, v) => setRoles(v)}
              renderInput={(params) => (
                <TextField {...params} label={t('identity.fields.roles')} slotProps={{ htmlInput: { ...params.inputProps, 'data-testid': 'apikey-roles' } }} />
              )}
            />
            <TextField label={t('identity.apiKeys.expires')} type="date" required value={expires} onChange={(e) => setExpires(e.target.value)}
              error={Boolean(fieldErrors.expiresAt)} helperText={fieldErrors.expiresAt ?? t('identity.apiKeys.expiresHelp')}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: dayIn(1), max: dayIn(MAX_KEY_DAYS), 'data-testid': 'apikey-expires' } }} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={create.isPending || !name.trim() || roles.length === 0 || !expires} data-testid="apikey-submit">
            {t('identity.apiKeys.createSubmit')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}

/** The secret of a new key, shown once, with copy. */
function CreatedDialog({ created, onClose }: { created: ApiKeyCreated | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={Boolean(created)} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="apikey-created-title">
      <DialogTitle id="apikey-created-title">{t('identity.apiKeys.createdTitle', { name: created?.name ?? '' })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Alert severity="warning">{t('identity.apiKeys.once')}</Alert>
          <Stack direction="row" alignItems="center" spacing={1}>
            <Typography sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} data-testid="apikey-secret">
              {created?.key}
            </Typography>
            <CopyButton value={created?.key ?? ''} label={t('identity.apiKeys.copy')} data-testid="apikey-copy" />
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {t('identity.apiKeys.usage')} <code>Authorization: ApiKey …</code>
          </Typography>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose} data-testid="apikey-done">
          {t('identity.apiKeys.stored')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** API keys (personal or the tenant's service accounts): list with prefix and last use, create, revoke. */
export function ApiKeysPanel({ source, roleOptions, showCreatedBy }: { source: ApiKeysSource; roleOptions: string[]; showCreatedBy?: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const keys = useQuery({ queryKey: source.queryKey, queryFn: source.list });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const revoke = useMutation({ mutationFn: source.revoke, onSettled: () => qc.invalidateQueries({ queryKey: source.queryKey }) });

  return (
    <Stack spacing={2} data-testid="api-keys">
      <Stack direction="row" justifyContent="flex-end">
        <Button startIcon={<AddIcon />} variant="contained" onClick={() => setCreating(true)} data-testid="apikey-new">
          {t('identity.apiKeys.create')}
        </Button>
      </Stack>
      {revoke.error && <ErrorState error={revoke.error} compact />}
      {keys.isPending ? (
        <LinesSkeleton />
      ) : keys.isError ? (
        <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <EmptyState>{t('identity.apiKeys.empty')}</EmptyState>
      ) : (
        <ScrollableTable label={t('identity.apiKeys.title')}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('identity.fields.name')}</TableCell>
                <TableCell>{t('identity.apiKeys.prefix')}</TableCell>
                <TableCell>{t('identity.fields.roles')}</TableCell>
                <TableCell>{t('identity.apiKeys.lastUsed')}</TableCell>
                <TableCell>{t('identity.apiKeys.expires')}</TableCell>
                {showCreatedBy && <TableCell>{t('identity.apiKeys.createdBy')}</TableCell>}
                <TableCell><SrOnly>{t('identity.common.actions')}</SrOnly></TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {keys.data.map((k) => (
                <TableRow key={k.id} data-testid={`apikey-row-${k.name}`}>
                  <TableCell>{k.name}</TableCell>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{k.prefix}</TableCell>
                  <TableCell>{k.roles.map((r) => <Chip key={r} size="small" label={r} sx={{ mr: 0.5 }} />)}</TableCell>
                  <TableCell>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : t('common.never')}</TableCell>
                  <TableCell>{k.expiresAt ? formatDateTime(k.expiresAt) : t('identity.apiKeys.noExpiry')}</TableCell>
                  {showCreatedBy && <TableCell>{k.createdBy ?? t('common.none')}</TableCell>}
                  <TableCell align="right">
                    {k.revokedAt ? (
                      <Chip size="small" label={t('identity.apiKeys.revoked')} />
                    ) : (
                      <Button size="small" color="error" disabled={revoke.isPending} onClick={() => revoke.mutate(k.id)}
                        aria-label={t('identity.apiKeys.revokeNamed', { name: k.name })} data-testid={`apikey-revoke-${k.name}`}>
                        {t('identity.common.revoke')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollableTable>
      )}
      <CreateDialog
        key={String(creating)}
        open={creating}
        roleOptions={roleOptions}
        source={source}
        onClose={() => setCreating(false)}
        onCreated={(k) => {
          setCreating(false);
          setCreated(k);
          void qc.invalidateQueries({ queryKey: source.queryKey });
        }}
      />
      <CreatedDialog created={created} onClose={() => setCreated(null)} />
    </Stack>
  );
}
