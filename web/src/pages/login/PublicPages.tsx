import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Box, Button, Chip, Link, Stack, TextField, Typography } from '@mui/material';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { authApi } from '../../api/identity';
import { asApiError, type ApiError } from '../../api/errors';
import { setTokens } from '../../api/session';
import { AuthCard, ProblemAlert } from '../../components/AuthCard';
import { NewPasswordField } from '../../components/NewPasswordField';
import { LinesSkeleton } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { weakPasswordReason } from '../../lib/passwordRules';
import { safeRedirect } from './loginFlow';

function BackToLogin() {
  const { t } = useTranslation();
  return (
    <Link component={RouterLink} to="/login" variant="body2" data-testid="back-to-login">
      {t('identity.login.backToLogin')}
    </Link>
  );
}

/** A form that submits once, shows the problem (and PASSWORD_TOO_WEAK on the password's rules). */
function useSubmit(action: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit, weak: weakPasswordReason(error) };
}

function Form({ onSubmit, children }: { onSubmit: (e: FormEvent) => void; children: ReactNode }) {
  return (
    <Box component="form" onSubmit={onSubmit} noValidate aria-labelledby="auth-title">
      <Stack spacing={2}>{children}</Stack>
    </Box>
  );
}

/** /login/sso#code=...: the one-time code from the SSO callback, exchanged for tokens. */
export function SsoCallbackPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<ApiError | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    // the server's callback puts the code and the page to go to in the fragment: /login/sso#code=...&redirect=/path
    const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    const code = fragment.get('code');
    const redirect = fragment.get('redirect') ?? params.get('redirect');
    // the code is single use: drop it from the address bar and history
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    if (!code) {
      setError(asApiError(new Error(t('identity.sso.noCode'))));
      return;
    }
    authApi.ssoExchange(code).then(
      (res) => {
        setTokens(res);
        navigate(safeRedirect(redirect), { replace: true });
      },
      (e) => setError(asApiError(e)),
    );
  }, [navigate, params, t]);

  return (
    <AuthCard title={t('identity.sso.title')}>
      {error ? <ProblemAlert error={error} /> : <LinesSkeleton lines={2} />}
      {error && <BackToLogin />}
    </AuthCard>
  );
}

/** /login/reset: ask for a reset link (the answer is the same whether the address is known or not). */
export function ResetRequestPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const { busy, error, submit } = useSubmit(async () => {
    await authApi.requestReset(email.trim());
    setSent(true);
  });
  return (
    <AuthCard title={t('identity.reset.title')} subtitle={t('identity.reset.intro')}>
      {sent ? (
        <Alert severity="success" data-testid="reset-sent">
          {t('identity.reset.sent')}
        </Alert>
      ) : (
        <Form onSubmit={submit}>
          {error && <ProblemAlert error={error} />}
          <TextField
            label={t('identity.fields.email')}
            type="email"
            autoComplete="email"
            autoFocus
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'reset-email' } }}
          />
          <Button type="submit" variant="contained" disabled={busy || !email.includes('@')} data-testid="reset-submit">
            {t('identity.reset.send')}
          </Button>
        </Form>
      )}
      <BackToLogin />
    </AuthCard>
  );
}

/** /login/reset/confirm?token=...: choose the new password. */
export function ResetConfirmPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, submit, weak } = useSubmit(async () => {
    await authApi.confirmReset(token, password);
    setDone(true);
  });
  return (
    <AuthCard title={t('identity.reset.confirmTitle')}>
      {!token ? (
        <Alert severity="error" role="alert">{t('identity.common.missingToken')}</Alert>
      ) : done ? (
        <Alert severity="success" data-testid="reset-done">{t('identity.reset.done')}</Alert>
      ) : (
        <Form onSubmit={submit}>
          {error && !weak && <ProblemAlert error={error} />}
          <NewPasswordField value={password} onChange={setPassword} weakReason={weak} />
          <Button type="submit" variant="contained" disabled={busy || !password} data-testid="reset-confirm">
            {t('identity.reset.save')}
          </Button>
        </Form>
      )}
      <BackToLogin />
    </AuthCard>
  );
}

/** /signup?tenant=...: self sign-up, when the tenant allows it; a verification e-mail follows. */
export function SignupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const tenantId = params.get('tenant') ?? '';
  const [form, setForm] = useState({ email: '', displayName: '', password: '' });
  const [done, setDone] = useState(false);
  const { busy, error, submit, weak } = useSubmit(async () => {
    await authApi.signup({ tenantId, email: form.email.trim(), displayName: form.displayName.trim(), password: form.password });
    setDone(true);
  });
  return (
    <AuthCard title={t('identity.signup.title')}>
      {!tenantId ? (
        <Alert severity="error" role="alert">{t('identity.signup.noTenant')}</Alert>
      ) : done ? (
        <Alert severity="success" data-testid="signup-done">{t('identity.signup.done', { email: form.email })}</Alert>
      ) : (
        <Form onSubmit={submit}>
          {error && !weak && <ProblemAlert error={error} />}
          <TextField label={t('identity.fields.displayName')} autoComplete="name" required value={form.displayName}
            onChange={(e) => setForm({ ...form, displayName: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'signup-name' } }} />
          <TextField label={t('identity.fields.email')} type="email" autoComplete="email" required value={form.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'signup-email' } }} />
          <NewPasswordField value={form.password} onChange={(password) => setForm({ ...form, password })} weakReason={weak} />
          <Button type="submit" variant="contained" disabled={busy || !form.email || !form.displayName || !form.password} data-testid="signup-submit">
            {t('identity.signup.submit')}
          </Button>
        </Form>
      )}
      <BackToLogin />
    </AuthCard>
  );
}

/** /verify-email?token=...: confirms the address once, on arrival. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [state, setState] = useState<'pending' | 'done' | ApiError>('pending');
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !token) return;
    started.current = true;
    authApi.verifyEmail(token).then(() => setState('done'), (e) => setState(asApiError(e)));
  }, [token]);
  return (
    <AuthCard title={t('identity.verify.title')}>
      {!token ? (
        <Alert severity="error" role="alert">{t('identity.common.missingToken')}</Alert>
      ) : state === 'pending' ? (
        <LinesSkeleton lines={1} />
      ) : state === 'done' ? (
        <Alert severity="success" data-testid="verify-done">{t('identity.verify.done')}</Alert>
      ) : (
        <ProblemAlert error={state} />
      )}
      <BackToLogin />
    </AuthCard>
  );
}

/** /invite/:token: who invites to which tenant with which roles; accepting sets the password and signs in. */
export function InvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const invitation = useQuery({ queryKey: ['invitation', token], queryFn: () => authApi.invitation(token), retry: false });
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit, weak } = useSubmit(async () => {
    setTokens(await authApi.acceptInvitation(token, { password, displayName: displayName.trim() }));
    navigate('/', { replace: true });
  });
  const inv = invitation.data;
  return (
    <AuthCard title={t('identity.invite.title')} subtitle={inv ? t('identity.invite.intro', { tenant: inv.tenantName }) : undefined}>
      {invitation.isPending && <LinesSkeleton lines={3} />}
      {invitation.isError && <ProblemAlert error={asApiError(invitation.error)} />}
      {inv && (
        <Form onSubmit={submit}>
          <Stack spacing={0.5} data-testid="invitation">
            <Typography variant="body2">{t('identity.invite.email', { email: inv.email })}</Typography>
            <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap aria-label={t('identity.fields.roles')}>
              {inv.roles.map((r) => <Chip key={r} size="small" label={r} />)}
            </Stack>
            <Typography variant="caption" color="text.secondary">
              {t('identity.invite.expires', { when: formatDateTime(inv.expiresAt) })}
            </Typography>
          </Stack>
          {error && !weak && <ProblemAlert error={error} />}
          <TextField label={t('identity.fields.displayName')} autoComplete="name" required value={displayName}
            onChange={(e) => setDisplayName(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'invite-name' } }} />
          <NewPasswordField value={password} onChange={setPassword} weakReason={weak} />
          <Button type="submit" variant="contained" disabled={busy || !password || !displayName.trim()} data-testid="invite-accept">
            {t('identity.invite.accept')}
          </Button>
        </Form>
      )}
      <BackToLogin />
    </AuthCard>
  );
}
