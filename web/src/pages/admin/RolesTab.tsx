import { useState, type FormEvent } from 'react';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  FormGroup,
  FormLabel,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import AddIcon from '@mui/icons-material/Add';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { adminApi, type Role, type RoleInput } from '../../api/identity';
import { asApiError } from '../../api/errors';
import { ProblemAlert } from '../../components/AuthCard';
import { ErrorState, LinesSkeleton } from '../../components/States';
import { customRoleKey, groupPermissions, usePermissions, useRoles } from './adminQueries';

/** The custom role editor: name, description and a permission checklist grouped by area. */
function RoleEditor({ role, onDone }: { role: Role | null; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const perms = usePermissions();
  const [name, setName] = useState(role?.name ?? '');
  const [description, setDescription] = useState(role?.description ?? '');
  const [selected, setSelected] = useState<Set<string>>(new Set(role?.permissions ?? ['self:manage']));
  const save = useMutation({
    mutationFn: () => {
      const body: RoleInput = { name: name.trim(), description: description.trim(), permissions: [...selected].sort() };
      return role ? adminApi.updateRole(role.key, body) : adminApi.createRole({ ...body, key: customRoleKey(name) });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['admin', 'roles'] });
      onDone();
    },
  });
  const toggle = (key: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(key)) n.delete(key);
      else n.add(key);
      return n;
    });

  return (
    <Box component="form" noValidate onSubmit={(e: FormEvent) => (e.preventDefault(), save.mutate())} data-testid="role-editor"
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }}>
      <Stack spacing={2}>
        <Typography variant="h3" sx={{ fontSize: 17 }}>{role ? t('identity.roles.edit', { name: role.name }) : t('identity.roles.new')}</Typography>
        {save.error && <ProblemAlert error={asApiError(save.error)} testId="role-error" />}
        <TextField label={t('identity.fields.name')} required value={name} onChange={(e) => setName(e.target.value)}
          helperText={role ? role.key : name ? customRoleKey(name) : undefined} slotProps={{ htmlInput: { 'data-testid': 'role-name' } }} />
        <TextField label={t('identity.fields.description')} value={description} onChange={(e) => setDescription(e.target.value)} multiline
          slotProps={{ htmlInput: { 'data-testid': 'role-description' } }} />
        {perms.isPending ? <LinesSkeleton /> : perms.isError ? <ErrorState error={perms.error} compact /> : (
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
            {groupPermissions(perms.data).map(([area, list]) => (
              <Box component="fieldset" key={area} sx={{ border: 0, m: 0, p: 0 }}>
                <FormLabel component="legend" sx={{ fontWeight: 600, textTransform: 'capitalize' }}>{area}</FormLabel>
                <FormGroup>
                  {list.map((p) => (
                    <FormControlLabel key={p.key}
                      control={<Checkbox size="small" checked={selected.has(p.key)} onChange={() => toggle(p.key)}
                        slotProps={{ input: { 'data-testid': `perm-${p.key}` } as object }} />}
                      label={<><Typography variant="body2" component="span" sx={{ fontFamily: 'monospace' }}>{p.key}</Typography>
                        <Typography variant="caption" component="span" color="text.secondary" sx={{ display: 'block' }}>{p.description}</Typography></>} />
                  ))}
                </FormGroup>
              </Box>
            ))}
          </Box>
        )}
        <Stack direction="row" spacing={1} justifyContent="flex-end">
          <Button onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={save.isPending || !name.trim() || selected.size === 0} data-testid="role-save">
            {t('identity.common.save')}
          </Button>
        </Stack>
      </Stack>
    </Box>
  );
}

export default function RolesTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const roles = useRoles();
  const [editing, setEditing] = useState<Role | 'new' | null>(null);
  const remove = useMutation({ mutationFn: adminApi.deleteRole, onSettled: () => qc.invalidateQueries({ queryKey: ['admin', 'roles'] }) });

  if (roles.isPending) return <LinesSkeleton lines={6} />;
  if (roles.isError) return <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />;
  return (
    <Stack spacing={2}>
      {canManage && !editing && (
        <Box><Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')} data-testid="role-new">{t('identity.roles.new')}</Button></Box>
      )}
      {editing && <RoleEditor key={editing === 'new' ? 'new' : editing.key} role={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      {remove.error && <ErrorState error={remove.error} compact />}
      <Box>
        {roles.data.map((r) => (
          <Accordion key={r.key} disableGutters data-testid={`role-${r.key}`}>
            <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls={`role-${r.key}-perms`} id={`role-${r.key}-head`}>
              <Stack direction="row" spacing={1} alignItems="center" sx={{ flexWrap: 'wrap' }}>
                <Typography sx={{ fontWeight: 600 }}>{r.name}</Typography>
                <Typography variant="caption" sx={{ fontFamily: 'monospace' }} color="text.secondary">{r.key}</Typography>
                <Chip size="small" label={r.builtIn ? t('identity.roles.builtIn') : t('identity.roles.custom')} variant="outlined" />
                <Typography variant="caption" color="text.secondary">{t('identity.roles.count', { count: r.permissions.length })}</Typography>
              </Stack>
            </AccordionSummary>
            <AccordionDetails id={`role-${r.key}-perms`}>
              {r.description && <Typography variant="body2" sx={{ mb: 1 }}>{r.description}</Typography>}
              <Stack direction="row" flexWrap="wrap" useFlexGap spacing={0.5}>
                {r.permissions.map((p) => <Chip key={p} size="small" label={p} sx={{ fontFamily: 'monospace' }} />)}
              </Stack>
              {canManage && !r.builtIn && (
                <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
                  <Button size="small" onClick={() => setEditing(r)} data-testid={`role-edit-${r.key}`}>{t('identity.common.edit')}</Button>
                  <Button size="small" color="error" onClick={() => remove.mutate(r.key)} disabled={remove.isPending}>{t('identity.common.delete')}</Button>
                </Stack>
              )}
            </AccordionDetails>
          </Accordion>
        ))}
      </Box>
    </Stack>
  );
}
