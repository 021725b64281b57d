import { useState } from 'react';
import { Box, Button, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/identity';
import { ScrollableTable } from '../../components/ScrollableTable';
import { SrOnly } from '../../components/SrOnly';
import { EmptyState, ErrorState, LinesSkeleton } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { InviteDialog } from './UsersTab';

export default function InvitationsTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [inviting, setInviting] = useState(false);
  const invitations = useQuery({ queryKey: ['admin', 'invitations'], queryFn: adminApi.invitations });
  const revoke = useMutation({ mutationFn: adminApi.revokeInvitation, onSettled: () => qc.invalidateQueries({ queryKey: ['admin', 'invitations'] }) });
  const pending = invitations.data?.filter((i) => i.status === 'PENDING') ?? [];
  return (
    <Stack spacing={2}>
      {canManage && <Box><Button variant="contained" onClick={() => setInviting(true)} data-testid="invite-open">{t('identity.users.invite')}</Button></Box>}
      {revoke.error && <ErrorState error={revoke.error} compact />}
      {invitations.isPending ? <LinesSkeleton /> : invitations.isError ? (
        <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : pending.length === 0 ? (
        <EmptyState>{t('identity.invitations.empty')}</EmptyState>
      ) : (
        <ScrollableTable label={t('identity.admin.tabs.invitations')}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('identity.fields.email')}</TableCell>
                <TableCell>{t('identity.fields.roles')}</TableCell>
                <TableCell>{t('identity.invitations.expires')}</TableCell>
                {canManage && <TableCell><SrOnly>{t('identity.common.actions')}</SrOnly></TableCell>}
              </TableRow>
            </TableHead>
            <TableBody>
              {pending.map((i) => (
                <TableRow key={i.id} data-testid={`invitation-row-${i.email}`}>
                  <TableCell>{i.email}</TableCell>
                  <TableCell>{i.roles.map((r) => <Chip key={r} size="small" label={r} sx={{ mr: 0.5 }} />)}</TableCell>
                  <TableCell>{formatDateTime(i.expiresAt)}</TableCell>
                  {canManage && (
                    <TableCell align="right">
                      <Button size="small" color="error" disabled={revoke.isPending} onClick={() => revoke.mutate(i.id)}
                        aria-label={t('identity.invitations.revokeFor', { email: i.email })}>
                        {t('identity.common.revoke')}
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollableTable>
      )}
      {inviting && <InviteDialog open onClose={() => setInviting(false)} />}
    </Stack>
  );
}
