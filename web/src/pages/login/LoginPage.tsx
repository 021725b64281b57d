import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Divider, Link, Stack, TextField, Typography } from '@mui/material';
import { Link as RouterLink, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { authApi, ssoStartUrl } from '../../api/identity';
import { ApiError, asApiError } from '../../api/errors';
import { getToken, setTokens, type TokenResponse } from '../../api/session';
import { AuthCard, ProblemAlert } from '../../components/AuthCard';
import { MfaEnrolment } from '../../components/MfaEnrolment';
import { RecoveryCodes } from '../../components/RecoveryCodes';
import { formatDateTime } from '../../lib/format';
import { isStepChange, isTotp, lockedUntil, loginTenant, nextStep, safeRedirect, type Step } from './loginFlow';

function signedIn(res: TokenResponse | undefined): void {
  if (!res?.accessToken) throw new ApiError({ status: 500, code: 'INVALID_RESPONSE', detail: 'No access token' });
  setTokens(res);
}

function LoginError({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  const until = lockedUntil(error);
  if (until) {
    return (
      <Alert severity="error" role="alert" data-testid="login-error">
        {t('identity.login.lockedUntil', { when: formatDateTime(until.toISOString()) })}
      </Alert>
    );
  }
  return <ProblemAlert error={error} />;
}

function PasswordStep({ notice, onDone, onFailed }: { notice?: string; onDone: () => void; onFailed: (e: unknown) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      signedIn(await authApi.login({ username, password }));
      onDone();
    } catch (err) {
      setBusy(false);
      if (isStepChange(err)) onFailed(err);
      else setError(asApiError(err));
    }
  };

  return (
    <Box component="form" onSubmit={submit} noValidate aria-labelledby="auth-title">
      <Stack spacing={2}>
        {notice === 'mfaEnrolled' && <Alert severity="success">{t('identity.login.mfaEnrolled')}</Alert>}
        {notice === 'mfaExpired' && <Alert severity="info">{t('identity.login.mfaExpired')}</Alert>}
        {error && <LoginError error={error} />}
        <TextField
          label={t('login.username')}
          name="username"
          autoComplete="username"
          autoFocus
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'login-username' } }}
        />
        <TextField
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'login-password' } }}
        />
        <Button type="submit" variant="contained" size="large" disabled={busy || !username || !password} data-testid="login-submit">
          {busy ? t('login.signingIn') : t('login.submit')}
        </Button>
        <Link component={RouterLink} to="/login/reset" variant="body2" data-testid="forgot-password">
          {t('identity.login.forgot')}
        </Link>
      </Stack>
    </Box>
  );
}

function MfaStep({ mfaToken, onDone, onFailed, onRestart }: {
  mfaToken: string;
  onDone: () => void;
  onFailed: (e: unknown) => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const value = code.trim();
    try {
      const body = !useRecovery && isTotp(value) ? { mfaToken, code: value.replace(/\s/g, '') } : { mfaToken, recoveryCode: value };
      signedIn(await authApi.loginMfa(body));
      onDone();
    } catch (err) {
      setBusy(false);
      setError(asApiError(err));
      onFailed(err);
    }
  };

  return (
    <Box component="form" onSubmit={submit} noValidate aria-labelledby="mfa-title" data-testid="mfa-step">
      <Stack spacing={2}>
        <Typography variant="h2" id="mfa-title" sx={{ fontSize: 18 }}>
          {t('identity.login.mfaTitle')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {useRecovery ? t('identity.login.recoveryHelp') : t('identity.login.mfaHelp')}
        </Typography>
        {error && <ProblemAlert error={error} />}
        <TextField
          key={useRecovery ? 'recovery' : 'totp'}
          label={useRecovery ? t('identity.login.recoveryCode') : t('identity.mfa.code')}
          autoComplete="one-time-code"
          autoFocus
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
          slotProps={{ htmlInput: { inputMode: useRecovery ? 'text' : 'numeric', 'data-testid': 'mfa-code' } }}
        />
        <Button type="submit" variant="contained" size="large" disabled={busy || !code.trim()} data-testid="mfa-submit">
          {busy ? t('login.signingIn') : t('identity.login.verify')}
        </Button>
        <Button
          variant="text"
          size="small"
          onClick={() => {
            setUseRecovery((v) => !v);
            setCode('');
          }}
          data-testid="mfa-toggle-recovery"
        >
          {useRecovery ? t('identity.login.useTotp') : t('identity.login.useRecovery')}
        </Button>
        <Button variant="text" size="small" onClick={onRestart} data-testid="mfa-restart">
          {t('identity.login.backToLogin')}
        </Button>
      </Stack>
    </Box>
  );
}

/** The tenant's single sign-on providers, as buttons that leave for the identity provider. */
function SsoOptions({ tenant, redirect }: { tenant: string | null; redirect: string }) {
  const { t } = useTranslation();
  const providers = useQuery({
    queryKey: ['sso-options', tenant],
    queryFn: () => authApi.ssoProviders(tenant!),
    enabled: Boolean(tenant),
    retry: false,
    staleTime: 60_000,
  });
  if (!tenant || !providers.data?.length) return null;
  return (
    <Stack spacing={1} data-testid="sso-options">
      <Divider>{t('identity.login.or')}</Divider>
      {providers.data.map((p) => (
        <Button
          key={p.id}
          variant="outlined"
          href={ssoStartUrl(p.id, redirect)}
          data-testid={`sso-${p.id}`}
        >
          {t('identity.login.ssoWith', { name: p.name })}
        </Button>
      ))}
    </Stack>
  );
}

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const from = safeRedirect((location.state as { from?: string } | null)?.from ?? params.get('redirect'));
  const tenant = loginTenant(params.get('tenant'));
  const ssoError = params.get('ssoError');

  if (getToken() && step.kind !== 'recovery') return <Navigate to={from} replace />;
  const done = () => navigate(from, { replace: true });
  const failed = (error: unknown) => setStep((s) => nextStep(s, { type: 'failed', error }));

  return (
    <AuthCard title={t('login.title')} subtitle={t('login.subtitle')} wide={step.kind === 'enrol' || step.kind === 'recovery'}>
      {ssoError && step.kind === 'password' && (
        <Alert severity="error" role="alert" data-testid="sso-error">
          {t('identity.login.ssoError', { reason: ssoError })}
        </Alert>
      )}
      {step.kind === 'password' && <PasswordStep notice={step.notice} onDone={done} onFailed={failed} />}
      {step.kind === 'mfa' && (
        <MfaStep mfaToken={step.mfaToken} onDone={done} onFailed={failed} onRestart={() => setStep((s) => nextStep(s, { type: 'restart' }))} />
      )}
      {step.kind === 'enrol' && (
        <Stack spacing={2} data-testid="enrol-step">
          <Alert severity="info">{t('identity.login.enrolRequired')}</Alert>
          <MfaEnrolment
            enrolmentToken={step.enrolmentToken}
            onEnrolled={(codes) => setStep((s) => nextStep(s, { type: 'enrolled', codes }))}
            onCancel={() => setStep({ kind: 'password' })}
          />
        </Stack>
      )}
      {step.kind === 'recovery' && (
        <Stack spacing={2}>
          <RecoveryCodes codes={step.codes} />
          <Button variant="contained" onClick={() => setStep((s) => nextStep(s, { type: 'acknowledged' }))} data-testid="codes-saved">
            {t('identity.mfa.codesSaved')}
          </Button>
        </Stack>
      )}
      {step.kind === 'password' && <SsoOptions tenant={tenant} redirect={from} />}
      {step.kind === 'password' && tenant && (
        <Typography variant="body2" color="text.secondary">
          {t('identity.login.noAccount')}{' '}
          <Link component={RouterLink} to={`/signup?tenant=${encodeURIComponent(tenant)}`} data-testid="signup-link">
            {t('identity.login.signup')}
          </Link>
        </Typography>
      )}
    </AuthCard>
  );
}
