import { useState, type FormEvent } from 'react';
import {
  Autocomplete,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import PersonAddAltIcon from '@mui/icons-material/PersonAddAlt';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { adminApi, type User, type UserStatus } from '../../api/identity';
import { asApiError } from '../../api/errors';
import { ProblemAlert } from '../../components/AuthCard';
import { CursorPager } from '../../components/CursorPager';
import { ScrollableTable } from '../../components/ScrollableTable';
import { SrOnly } from '../../components/SrOnly';
import { EmptyState, ErrorState, LinesSkeleton } from '../../components/States';
import { useUrlState } from '../../hooks/useUrlState';
import { formatDateTime } from '../../lib/format';
import { useRoleKeys } from './adminQueries';

const STATUSES: UserStatus[] = ['ACTIVE', 'INVITED', 'DEACTIVATED', 'LOCKED'];
const PAGE = 25;

/** Roles chosen from the tenant's roles (built-in and custom). */
export function RolePicker({ value, onChange, testId }: { value: string[]; onChange: (v: string[]) => void; testId: string }) {
  const { t } = useTranslation();
  const roles = useRoleKeys();
  return (
    <Autocomplete
      multiple
      // several roles are usual: the list stays open while picking (Escape closes the list, not the dialog)
      disableCloseOnSelect
      options={roles}
      value={value}
      onChange={(_, v) => onChange(v)}
      renderInput={(params) => (
        <TextField {...params} label={t('identity.fields.roles')} slotProps={{ htmlInput: { ...params.inputProps, 'data-testid': testId } }} />
      )}
    />
  );
}

export function InviteDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<string[]>(['VIEWER']);
  const invite = useMutation({
    mutationFn: () => adminApi.invite({ email: email.trim(), roles, displayName: displayName.trim() || undefined }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['admin', 'invitations'] });
      void qc.invalidateQueries({ queryKey: ['admin', 'users'] });
      onClose();
    },
  });
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="invite-title">
      <Box component="form" noValidate onSubmit={(e: FormEvent) => (e.preventDefault(), invite.mutate())}>
        <DialogTitle id="invite-title">{t('identity.users.invite')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {invite.error && <ProblemAlert error={asApiError(invite.error)} testId="invite-error" />}
            <TextField label={t('identity.fields.email')} type="email" required value={email} onChange={(e) => setEmail(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'invite-email' } }} />
            <TextField label={t('identity.fields.displayName')} value={displayName} onChange={(e) => setDisplayName(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'invite-display-name' } }} />
            <RolePicker value={roles} onChange={setRoles} testId="invite-roles" />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={invite.isPending || !email.includes('@') || roles.length === 0} data-testid="invite-submit">
            {t('identity.users.sendInvite')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}

function EditRolesDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [roles, setRoles] = useState<string[]>(user?.roles ?? []);
  const save = useMutation({
    mutationFn: () => adminApi.updateUser(user!.id, { roles }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['admin', 'users'] });
      onClose();
    },
  });
  return (
    <Dialog open={Boolean(user)} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="roles-title">
      <DialogTitle id="roles-title">{t('identity.users.editRoles', { name: user?.username ?? '' })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {save.error && <ProblemAlert error={asApiError(save.error)} testId="roles-error" />}
          <RolePicker value={roles} onChange={setRoles} testId="user-roles" />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" onClick={() => save.mutate()} disabled={save.isPending || roles.length === 0} data-testid="user-roles-save">
          {t('identity.common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The actions a user's status allows. */
export function userActions(status: UserStatus): ('deactivate' | 'reactivate' | 'unlock')[] {
  switch (status) {
    case 'ACTIVE': return ['deactivate'];
    case 'LOCKED': return ['unlock', 'deactivate'];
    case 'DEACTIVATED': return ['reactivate'];
    default: return [];
  }
}

export default function UsersTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [params, update] = useUrlState();
  const roleKeys = useRoleKeys();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const role = params.get('role') ?? '';
  const cursor = params.getAll('c').at(-1);
  const [search, setSearch] = useState(q);
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const query = { q: q || undefined, status: status || undefined, role: role || undefined, cursor, limit: PAGE };
  const users = useQuery({ queryKey: ['admin', 'users', query], queryFn: () => adminApi.users(query), placeholderData: keepPreviousData });
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'deactivate' | 'reactivate' | 'unlock' }) => adminApi.userAction(id, action),
    onSettled: () => qc.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
  const setFilter = (key: string, value: string) =>
    update((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
      p.delete('c');
    });

  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} alignItems={{ md: 'center' }}>
        <Box component="form" role="search" onSubmit={(e: FormEvent) => (e.preventDefault(), setFilter('q', search.trim()))} sx={{ flex: 1 }}>
          <TextField size="small" fullWidth label={t('identity.users.search')} value={search} onChange={(e) => setSearch(e.target.value)}
            onBlur={() => search.trim() !== q && setFilter('q', search.trim())} slotProps={{ htmlInput: { 'data-testid': 'users-q' } }} />
        </Box>
        <TextField select size="small" label={t('identity.users.status')} value={status} onChange={(e) => setFilter('status', e.target.value)} sx={{ minWidth: 160 }}
          slotProps={{ htmlInput: { 'data-testid': 'users-status' } }}>
          <MenuItem value="">{t('identity.common.all')}</MenuItem>
          {STATUSES.map((s) => <MenuItem key={s} value={s}>{t(`identity.userStatus.${s}`)}</MenuItem>)}
        </TextField>
        <TextField select size="small" label={t('identity.users.role')} value={role} onChange={(e) => setFilter('role', e.target.value)} sx={{ minWidth: 160 }}>
          <MenuItem value="">{t('identity.common.all')}</MenuItem>
          {roleKeys.map((r) => <MenuItem key={r} value={r}>{r}</MenuItem>)}
        </TextField>
        {canManage && (
          <Button variant="contained" startIcon={<PersonAddAltIcon />} onClick={() => setInviting(true)} data-testid="invite-open">
            {t('identity.users.invite')}
          </Button>
        )}
      </Stack>
      {act.error && <ErrorState error={act.error} compact />}
      {users.isPending ? (
        <LinesSkeleton lines={6} />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        <EmptyState>{t('identity.users.empty')}</EmptyState>
      ) : (
        <ScrollableTable label={t('identity.admin.tabs.users')}>
          <Table size="small" aria-busy={users.isFetching}>
            <TableHead>
              <TableRow>
                <TableCell>{t('identity.fields.username')}</TableCell>
                <TableCell>{t('identity.fields.email')}</TableCell>
                <TableCell>{t('identity.fields.roles')}</TableCell>
                <TableCell>{t('identity.users.status')}</TableCell>
                <TableCell>{t('identity.users.mfa')}</TableCell>
                <TableCell>{t('identity.users.lastLogin')}</TableCell>
                {canManage && <TableCell><SrOnly>{t('identity.common.actions')}</SrOnly></TableCell>}
              </TableRow>
            </TableHead>
            <TableBody>
              {users.data.items.map((u) => (
                <TableRow key={u.id} data-testid={`user-row-${u.username}`}>
                  <TableCell>{u.displayName ? `${u.displayName} (${u.username})` : u.username}</TableCell>
                  <TableCell>{u.email ?? t('common.none')}</TableCell>
                  <TableCell>{u.roles.map((r) => <Chip key={r} size="small" label={r} sx={{ mr: 0.5, mb: 0.25 }} />)}</TableCell>
                  <TableCell><Chip size="small" variant="outlined" label={t(`identity.userStatus.${u.status}`)} color={u.status === 'ACTIVE' ? 'success' : u.status === 'LOCKED' ? 'warning' : 'default'} /></TableCell>
                  <TableCell>{u.mfaEnabled ? t('common.yes') : t('common.no')}</TableCell>
                  <TableCell>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('common.never')}</TableCell>
                  {canManage && (
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      <Button size="small" onClick={() => setEditing(u)} data-testid={`user-edit-${u.username}`}
                        aria-label={t('identity.users.editRoles', { name: u.username })}>
                        {t('identity.users.roles')}
                      </Button>
                      {userActions(u.status).map((a) => (
                        <Button key={a} size="small" color={a === 'deactivate' ? 'error' : 'primary'} disabled={act.isPending}
                          onClick={() => act.mutate({ id: u.id, action: a })} data-testid={`user-${a}-${u.username}`}>
                          {t(`identity.users.${a}`)}
                        </Button>
                      ))}
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollableTable>
      )}
      <CursorPager nextCursor={users.data?.nextCursor} disabled={users.isFetching} />
      {inviting && <InviteDialog open onClose={() => setInviting(false)} />}
      {editing && <EditRolesDialog key={editing.id} user={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
