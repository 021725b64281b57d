import type { ReactNode } from 'react';
import { Alert, AlertTitle, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/errors';

/** The centred card of the public pages (sign-in, reset, sign-up, invitation, e-mail verification). */
export function AuthCard({ title, subtitle, children, wide }: { title: string; subtitle?: ReactNode; children: ReactNode; wide?: boolean }) {
  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2, bgcolor: 'background.default' }}>
      <Card sx={{ width: '100%', maxWidth: wide ? 560 : 420 }}>
        <CardContent sx={{ p: { xs: 3, sm: 4 } }}>
          <Stack spacing={3}>
            <Box>
              <Typography variant="h1" id="auth-title">
                {title}
              </Typography>
              {subtitle ? (
                <Typography variant="body2" color="text.secondary" component="div">
                  {subtitle}
                </Typography>
              ) : null}
            </Box>
            {children}
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
}

/** A problem as an alert: its title, detail and stable code. */
export function ProblemAlert({ error, testId = 'login-error', title }: { error: ApiError; testId?: string; title?: string }) {
  const { t } = useTranslation();
  return (
    <Alert severity="error" role="alert" data-testid={testId}>
      <AlertTitle>{title || error.title || t('login.failed')}</AlertTitle>
      {error.detail && error.detail !== error.title ? <Box>{error.detail}</Box> : null}
      <Typography variant="caption" component="div" sx={{ fontFamily: 'monospace' }}>
        {t('common.errorCode', { code: error.code })}
      </Typography>
    </Alert>
  );
}
