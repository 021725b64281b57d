import { useEffect, useState, type FormEvent } from 'react';
import { Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { meApi, type TotpEnrolment } from '../api/identity';
import { asApiError, type ApiError } from '../api/errors';
import { ProblemAlert } from './AuthCard';
import { LinesSkeleton } from './States';
import { CopyButton } from './CopyButton';

/**
 * TOTP enrolment: asks the server for a secret (QR code and the secret in text for manual entry), then
 * confirms with a code from the app; the server answers with the recovery codes, handed to onEnrolled.
 * With an enrolmentToken (a login that requires MFA first) the calls carry that token instead of the session.
 */
export function MfaEnrolment({ enrolmentToken, onEnrolled, onCancel }: {
  enrolmentToken?: string;
  onEnrolled: (codes: string[]) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    meApi.startTotp(enrolmentToken).then(
      (e) => live && setEnrolment(e),
      (e) => live && setError(asApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [enrolmentToken]);

  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await meApi.confirmTotp(code.replace(/\s/g, ''), enrolmentToken);
      onEnrolled(res.recoveryCodes ?? []);
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  };

  if (!enrolment && !error) return <LinesSkeleton lines={3} />;
  return (
    <Box component="form" onSubmit={confirm} noValidate data-testid="mfa-enrolment">
      <Stack spacing={2}>
        {error && <ProblemAlert error={error} testId="mfa-error" />}
        {enrolment && (
          <>
            <Typography variant="body2">{t('identity.mfa.scan')}</Typography>
            <Box
              component="img"
              src={enrolment.qrPng}
              alt={t('identity.mfa.qrAlt')}
              data-testid="mfa-qr"
              sx={{ width: 200, height: 200, alignSelf: 'center', bgcolor: '#fff', p: 1, borderRadius: 1 }}
            />
            <Stack direction="row" alignItems="center" spacing={1}>
              <Typography variant="caption" color="text.secondary">
                {t('identity.mfa.manual')}
              </Typography>
              <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} data-testid="mfa-secret">
                {enrolment.secret}
              </Typography>
              <CopyButton value={enrolment.secret} label={t('identity.mfa.copySecret')} />
            </Stack>
            <TextField
              label={t('identity.mfa.code')}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoComplete="one-time-code"
              required
              slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'mfa-confirm-code' } }}
            />
            <Stack direction="row" spacing={1} justifyContent="flex-end">
              {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
              <Button type="submit" variant="contained" disabled={busy || code.trim().length < 6} data-testid="mfa-confirm">
                {t('identity.mfa.confirm')}
              </Button>
            </Stack>
          </>
        )}
      </Stack>
    </Box>
  );
}
