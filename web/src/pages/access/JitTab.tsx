import { useState, type FormEvent, type ReactNode } from 'react';
import {
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { accessApi, BUILT_IN_ROLES, type AccessGrant, type AccessRequest } from '../../api/identity';
import { asApiError } from '../../api/errors';
import { useMe } from '../../api/queries';
import { ProblemAlert } from '../../components/AuthCard';
import { ScrollableTable } from '../../components/ScrollableTable';
import { SrOnly } from '../../components/SrOnly';
import { EmptyState, ErrorState, LinesSkeleton } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { can } from '../../lib/permissions';
import { DURATIONS, durationLabel, formatRemaining, isOwnRequest, useNow } from './jit';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card variant="outlined" component="section" aria-labelledby={`${id}-title`} data-testid={`jit-${id}`}>
      <CardContent>
        <Typography variant="h2" id={`${id}-title`} sx={{ fontSize: 18, mb: 2 }}>{title}</Typography>
        {children}
      </CardContent>
    </Card>
  );
}

const invalidateAccess = (qc: ReturnType<typeof useQueryClient>) => qc.invalidateQueries({ queryKey: ['access'] });

function RequestForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [role, setRole] = useState('ADMIN');
  const [minutes, setMinutes] = useState(60);
  const [reason, setReason] = useState('');
  const send = useMutation({
    mutationFn: () => accessApi.request({ role, durationMinutes: minutes, reason: reason.trim() }),
    onSuccess: () => {
      setReason('');
      void invalidateAccess(qc);
    },
  });
  return (
    <Box component="form" noValidate onSubmit={(e: FormEvent) => (e.preventDefault(), send.mutate())}>
      <Stack spacing={2} sx={{ maxWidth: 560 }}>
        {send.error && <ProblemAlert error={asApiError(send.error)} testId="jit-error" />}
        {send.isSuccess && <Chip color="success" label={t('identity.jit.sent')} data-testid="jit-sent" sx={{ alignSelf: 'flex-start' }} />}
        <TextField select label={t('identity.jit.role')} value={role} onChange={(e) => setRole(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'jit-role' } }}>
          {BUILT_IN_ROLES.map((r) => <MenuItem key={r} value={r}>{r}</MenuItem>)}
        </TextField>
        <TextField select label={t('identity.jit.duration')} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}
          slotProps={{ htmlInput: { 'data-testid': 'jit-duration' } }}>
          {DURATIONS.map((d) => <MenuItem key={d} value={d}>{durationLabel(d)}</MenuItem>)}
        </TextField>
        <TextField label={t('identity.jit.reason')} required multiline minRows={2} value={reason} onChange={(e) => setReason(e.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'jit-reason' } }} />
        <Box><Button type="submit" variant="contained" disabled={send.isPending || !reason.trim()} data-testid="jit-submit">{t('identity.jit.submit')}</Button></Box>
      </Stack>
    </Box>
  );
}

function StatusChip({ status }: { status: string }) {
  const { t } = useTranslation();
  const color = status === 'APPROVED' ? 'success' : status === 'PENDING' ? 'warning' : status === 'DENIED' ? 'error' : 'default';
  return <Chip size="small" color={color} label={t(`identity.jit.status.${status}` as 'identity.jit.status.PENDING', { defaultValue: status })} />;
}

function RequestsTable({ rows, label, actions }: { rows: AccessRequest[]; label: string; actions?: (r: AccessRequest) => ReactNode }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <EmptyState>{t('identity.jit.noRequests')}</EmptyState>;
  return (
    <ScrollableTable label={label}>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('identity.jit.requester')}</TableCell>
            <TableCell>{t('identity.jit.role')}</TableCell>
            <TableCell>{t('identity.jit.duration')}</TableCell>
            <TableCell>{t('identity.jit.reason')}</TableCell>
            <TableCell>{t('identity.jit.statusLabel')}</TableCell>
            {actions && <TableCell><SrOnly>{t('identity.common.actions')}</SrOnly></TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id} data-testid={`jit-request-${r.id}`}>
              <TableCell>{r.username}</TableCell>
              <TableCell>{r.role}</TableCell>
              <TableCell>{durationLabel(r.durationMinutes)}</TableCell>
              <TableCell sx={{ maxWidth: 320, wordBreak: 'break-word' }}>{r.reason}</TableCell>
              <TableCell><StatusChip status={r.status} /></TableCell>
              {actions && <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{actions(r)}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollableTable>
  );
}

function Approvals({ userId }: { userId?: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const pending = useQuery({ queryKey: ['access', 'requests', 'PENDING'], queryFn: () => accessApi.requests({ status: 'PENDING' }) });
  const decide = useMutation({
    mutationFn: ({ id, approve }: { id: string; approve: boolean }) =>
      approve ? accessApi.approve(id) : accessApi.deny(id, t('identity.jit.deniedComment')),
    onSettled: () => invalidateAccess(qc),
  });
  if (pending.isPending) return <LinesSkeleton />;
  if (pending.isError) return <ErrorState error={pending.error} onRetry={() => void pending.refetch()} />;
  return (
    <Stack spacing={1}>
      {decide.error && <ErrorState error={decide.error} compact />}
      <RequestsTable rows={pending.data} label={t('identity.jit.approvals')} actions={(r) => {
        const own = isOwnRequest(r, userId);
        const buttons = (
          <span>
            <Button size="small" color="success" disabled={own || decide.isPending} onClick={() => decide.mutate({ id: r.id, approve: true })} data-testid="jit-approve">
              {t('identity.jit.approve')}
            </Button>
            <Button size="small" color="error" disabled={own || decide.isPending} onClick={() => decide.mutate({ id: r.id, approve: false })} data-testid="jit-deny">
              {t('identity.jit.deny')}
            </Button>
          </span>
        );
        // a disabled button gets no pointer events: the tooltip sits on a focusable wrapper that names the reason
        return own ? <Tooltip title={t('identity.jit.ownRequest')}><span tabIndex={0} aria-label={t('identity.jit.ownRequest')} data-testid="jit-own">{buttons}</span></Tooltip> : buttons;
      }} />
    </Stack>
  );
}

function GrantsTable({ rows, active, onRevoke }: { rows: AccessGrant[]; active: boolean; onRevoke?: (g: AccessGrant) => void }) {
  const { t } = useTranslation();
  const now = useNow(active ? 1000 : 60_000);
  if (rows.length === 0) return <EmptyState>{active ? t('identity.jit.noActive') : t('identity.jit.noExpired')}</EmptyState>;
  return (
    <ScrollableTable label={active ? t('identity.jit.active') : t('identity.jit.expired')}>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('identity.fields.username')}</TableCell>
            <TableCell>{t('identity.jit.role')}</TableCell>
            <TableCell>{active ? t('identity.jit.remaining') : t('identity.jit.ended')}</TableCell>
            {onRevoke && <TableCell><SrOnly>{t('identity.common.actions')}</SrOnly></TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((g) => (
            <TableRow key={g.id} data-testid={`jit-grant-${g.id}`}>
              <TableCell>{g.username}</TableCell>
              <TableCell>{g.role}</TableCell>
              <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {active ? <span title={formatDateTime(g.expiresAt)} data-testid="jit-countdown">{formatRemaining(g.expiresAt, now)}</span> : formatDateTime(g.revokedAt ?? g.expiresAt)}
              </TableCell>
              {onRevoke && (
                <TableCell align="right">
                  <Button size="small" color="error" onClick={() => onRevoke(g)} data-testid="jit-revoke">{t('identity.common.revoke')}</Button>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollableTable>
  );
}

export default function JitTab() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useMe();
  const canRequest = can(me.data, 'access:request');
  const canApprove = can(me.data, 'access:approve');
  const mine = useQuery({ queryKey: ['access', 'requests', 'mine'], queryFn: () => accessApi.requests({ mine: true }), enabled: canRequest });
  const active = useQuery({ queryKey: ['access', 'grants', 'ACTIVE'], queryFn: () => accessApi.grants('ACTIVE'), refetchInterval: 60_000 });
  const expired = useQuery({ queryKey: ['access', 'grants', 'EXPIRED'], queryFn: () => accessApi.grants('EXPIRED') });
  const revoke = useMutation({
    mutationFn: (g: AccessGrant) => accessApi.revoke(g.id),
    onSettled: () => invalidateAccess(qc),
  });
  const list = <T,>(q: { isPending: boolean; isError: boolean; error: unknown; data?: T[]; refetch: () => unknown }, render: (rows: T[]) => ReactNode) =>
    q.isPending ? <LinesSkeleton /> : q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : render(q.data ?? []);

  return (
    <Stack spacing={3}>
      {canRequest && <Section id="request" title={t('identity.jit.requestTitle')}><RequestForm /></Section>}
      {canRequest && <Section id="mine" title={t('identity.jit.mine')}>{list(mine, (rows) => <RequestsTable rows={rows} label={t('identity.jit.mine')} />)}</Section>}
      {canApprove && <Section id="approvals" title={t('identity.jit.approvals')}><Approvals userId={me.data?.userId} /></Section>}
      <Section id="active" title={t('identity.jit.active')}>
        {revoke.error && <ErrorState error={revoke.error} compact />}
        {list(active, (rows) => <GrantsTable rows={rows} active onRevoke={canApprove ? (g) => revoke.mutate(g) : undefined} />)}
      </Section>
      <Section id="expired" title={t('identity.jit.expired')}>{list(expired, (rows) => <GrantsTable rows={rows} active={false} />)}</Section>
    </Stack>
  );
}
