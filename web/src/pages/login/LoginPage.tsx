import { useState, type FormEvent } from 'react';
import { Alert, AlertTitle, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ApiError, asApiError } from '../../api/errors';
import { getToken, setSession } from '../../api/session';

/**
 * The sign-in flow is a sequence of steps. Today there is one (username and password);
 * a second factor (MfaStep) and single sign-on (SsoOptions) slot in without reshaping the page.
 */
type Step = { kind: 'password' } | { kind: 'mfa'; challenge: string };

function ProblemAlert({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  return (
    <Alert severity="error" role="alert" data-testid="login-error">
      <AlertTitle>{error.title || t('login.failed')}</AlertTitle>
      {error.detail && error.detail !== error.title ? <Box>{error.detail}</Box> : null}
      <Typography variant="caption" component="div" sx={{ fontFamily: 'monospace' }}>
        {t('common.errorCode', { code: error.code })}
      </Typography>
    </Alert>
  );
}

function PasswordStep({ onSignedIn }: { onSignedIn: () => void }) {
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
      const res = await unwrap(api.POST('/api/v1/auth/login', { body: { username, password } }));
      if (!res?.accessToken) throw new ApiError({ status: 500, code: 'INVALID_RESPONSE', detail: 'No access token' });
      setSession(res.accessToken, res.tokenType ?? 'Bearer', res.expiresIn ?? undefined);
      onSignedIn();
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  };

  return (
    <Box component="form" onSubmit={submit} noValidate aria-labelledby="login-title">
      <Stack spacing={2}>
        {error && <ProblemAlert error={error} />}
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
      </Stack>
    </Box>
  );
}

/** Second factor: filled in when the server offers MFA. */
function MfaStep(_props: { challenge: string; onSignedIn: () => void }) {
  return null;
}

/** Single sign-on buttons: filled in when the server lists identity providers. */
function SsoOptions() {
  return null;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [step] = useState<Step>({ kind: 'password' });
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (getToken()) return <Navigate to={from} replace />;
  const done = () => navigate(from.startsWith('/login') ? '/' : from, { replace: true });

  return (
    <Box
      component="main"
      sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2, bgcolor: 'background.default' }}
    >
      <Card sx={{ width: '100%', maxWidth: 420 }}>
        <CardContent sx={{ p: { xs: 3, sm: 4 } }}>
          <Stack spacing={3}>
            <Box>
              <Typography variant="h1" id="login-title">
                {t('login.title')}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {t('login.subtitle')}
              </Typography>
            </Box>
            {step.kind === 'password' && <PasswordStep onSignedIn={done} />}
            {step.kind === 'mfa' && <MfaStep challenge={step.challenge} onSignedIn={done} />}
            <SsoOptions />
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
}
