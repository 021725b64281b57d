import { useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BUILT_IN_ROLES, meApi } from '../../api/identity';
import { asApiError } from '../../api/errors';
import { qk, useMe } from '../../api/queries';
import { ApiKeysPanel } from '../../components/ApiKeysPanel';
import { ProblemAlert } from '../../components/AuthCard';
import { MfaEnrolment } from '../../components/MfaEnrolment';
import { NewPasswordField } from '../../components/NewPasswordField';
import { RecoveryCodes } from '../../components/RecoveryCodes';
import { ScrollableTable } from '../../components/ScrollableTable';
import { SrOnly } from '../../components/SrOnly';
import { EmptyState, ErrorState, LinesSkeleton } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { weakPasswordReason } from '../../lib/passwordRules';
import { identityOf } from '../../lib/permissions';
import { describeUserAgent } from '../../lib/userAgent';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card component="section" aria-labelledby={`${id}-title`} data-testid={`profile-${id}`}>
      <CardContent>
        <Typography variant="h2" id={`${id}-title`} sx={{ fontSize: 20, mb: 2 }}>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

/** A code-confirmed MFA action (disable, new recovery codes). */
function CodeAction({ label, testId, color, action }: {
  label: string;
  testId: string;
  color?: 'error' | 'primary';
  action: (code: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const run = useMutation({ mutationFn: () => action(code.replace(/\s/g, '')), onSuccess: () => setOpen(false) });
  if (!open) return <Button color={color} variant="outlined" onClick={() => setOpen(true)} data-testid={testId}>{label}</Button>;
  return (
    <Box component="form" noValidate onSubmit={(e: FormEvent) => (e.preventDefault(), run.mutate())}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} alignItems={{ sm: 'flex-start' }}>
        <TextField size="small" label={t('identity.mfa.code')} value={code} onChange={(e) => setCode(e.target.value)} autoFocus
          autoComplete="one-time-code" slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': `${testId}-code` } }} />
        <Button type="submit" color={color} variant="contained" disabled={run.isPending || code.trim().length < 6} data-testid={`${testId}-submit`}>
          {label}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
      </Stack>
      {run.error && <Box sx={{ mt: 1 }}><ProblemAlert error={asApiError(run.error)} testId="mfa-error" /></Box>}
    </Box>
  );
}

function MfaSection() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useMe();
  const enabled = identityOf(me.data)?.mfaEnabled === true;
  const [enrolling, setEnrolling] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const refreshMe = () => qc.invalidateQueries({ queryKey: qk.me });

  return (
    <Section id="mfa" title={t('identity.mfa.title')}>
      <Stack spacing={2}>
        <Box>
          <Chip color={enabled ? 'success' : 'default'} label={enabled ? t('identity.mfa.on') : t('identity.mfa.off')} data-testid="mfa-status" />
        </Box>
        {codes && (
          <>
            <RecoveryCodes codes={codes} />
            <Box><Button onClick={() => setCodes(null)} data-testid="codes-saved">{t('identity.mfa.codesSaved')}</Button></Box>
          </>
        )}
        {!codes && !enabled && !enrolling && (
          <Box><Button variant="contained" onClick={() => setEnrolling(true)} data-testid="mfa-enable">{t('identity.mfa.enable')}</Button></Box>
        )}
        {!codes && enrolling && (
          <MfaEnrolment
            onCancel={() => setEnrolling(false)}
            onEnrolled={(c) => {
              setEnrolling(false);
              setCodes(c);
              void refreshMe();
            }}
          />
        )}
        {!codes && enabled && (
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <CodeAction label={t('identity.mfa.regenerate')} testId="mfa-regenerate"
              action={async (code) => setCodes((await meApi.regenerateRecoveryCodes(code)).recoveryCodes)} />
            <CodeAction label={t('identity.mfa.disable')} testId="mfa-disable" color="error"
              action={async (code) => {
                await meApi.disableMfa(code);
                await refreshMe();
              }} />
          </Stack>
        )}
      </Stack>
    </Section>
  );
}

function SessionsSection() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const sessions = useQuery({ queryKey: ['me', 'sessions'], queryFn: meApi.sessions });
  const revoke = useMutation({ mutationFn: meApi.revokeSession, onSettled: () => qc.invalidateQueries({ queryKey: ['me', 'sessions'] }) });
  return (
    <Section id="sessions" title={t('identity.sessions.title')}>
      {revoke.error && <ErrorState error={revoke.error} compact />}
      {sessions.isPending ? (
        <LinesSkeleton />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data.length === 0 ? (
        <EmptyState>{t('identity.sessions.empty')}</EmptyState>
      ) : (
        <ScrollableTable label={t('identity.sessions.title')}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('identity.sessions.device')}</TableCell>
                <TableCell>{t('identity.sessions.ip')}</TableCell>
                <TableCell>{t('identity.sessions.started')}</TableCell>
                <TableCell>{t('identity.sessions.lastUsed')}</TableCell>
                <TableCell><SrOnly>{t('identity.common.actions')}</SrOnly></TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {sessions.data.map((s) => (
                <TableRow key={s.id} data-testid="session-row" data-current={String(s.current)}>
                  <TableCell sx={{ maxWidth: 320, wordBreak: 'break-word' }}>
                    <span title={s.userAgent ?? undefined}>{describeUserAgent(s.userAgent) ?? t('common.none')}</span>{' '}
                    {s.current && <Chip size="small" color="primary" label={t('identity.sessions.current')} data-testid="session-current" />}
                  </TableCell>
                  <TableCell>{s.ip ?? t('common.none')}</TableCell>
                  <TableCell>{formatDateTime(s.createdAt)}</TableCell>
                  <TableCell>{s.lastUsedAt ? formatDateTime(s.lastUsedAt) : t('common.never')}</TableCell>
                  <TableCell align="right">
                    {!s.current && (
                      <Button size="small" color="error" disabled={revoke.isPending} onClick={() => revoke.mutate(s.id)} data-testid="session-revoke">
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
    </Section>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const change = useMutation({
    mutationFn: () => meApi.changePassword(current, next),
    onSuccess: () => {
      setCurrent('');
      setNext('');
    },
  });
  const weak = weakPasswordReason(change.error);
  return (
    <Section id="password" title={t('identity.password.change')}>
      <Box component="form" noValidate onSubmit={(e: FormEvent) => (e.preventDefault(), change.mutate())} sx={{ maxWidth: 420 }}>
        <Stack spacing={2}>
          {change.isSuccess && <Alert severity="success" data-testid="password-changed">{t('identity.password.changed')}</Alert>}
          {change.error && !weak && <ProblemAlert error={asApiError(change.error)} testId="password-error" />}
          <TextField label={t('identity.password.current')} type="password" autoComplete="current-password" required value={current}
            onChange={(e) => setCurrent(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'current-password' } }} />
          <NewPasswordField value={next} onChange={setNext} weakReason={weak} />
          <Box>
            <Button type="submit" variant="contained" disabled={change.isPending || !current || !next} data-testid="password-submit">
              {t('identity.password.change')}
            </Button>
          </Box>
        </Stack>
      </Box>
    </Section>
  );
}

/** /profile: the signed-in user's MFA, sessions, personal API keys and password. */
export default function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="h1">{t('identity.profile.title')}</Typography>
        <Typography variant="body2" color="text.secondary">{me.data?.username}</Typography>
      </Box>
      <MfaSection />
      <SessionsSection />
      <Section id="api-keys" title={t('identity.apiKeys.personal')}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{t('identity.apiKeys.personalHelp')}</Typography>
        <ApiKeysPanel
          source={{ queryKey: ['me', 'api-keys'], list: meApi.apiKeys, create: meApi.createApiKey, revoke: meApi.revokeApiKey }}
          roleOptions={identityOf(me.data)?.roles ?? [...BUILT_IN_ROLES]}
        />
      </Section>
      <PasswordSection />
    </Stack>
  );
}
