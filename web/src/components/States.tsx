import type { ReactNode } from 'react';
import { Alert, AlertTitle, Box, Button, Skeleton, Stack, Typography } from '@mui/material';
import InboxOutlinedIcon from '@mui/icons-material/InboxOutlined';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../api/errors';

/** An error shows the problem's message and its stable code, with a retry when one is possible. */
export function ErrorState({ error, onRetry, compact }: { error: unknown; onRetry?: () => void; compact?: boolean }) {
  const { t } = useTranslation();
  const e = asApiError(error);
  return (
    <Alert
      severity="error"
      role="alert"
      variant={compact ? 'standard' : 'outlined'}
      action={
        onRetry ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{e.title || t('common.errorTitle')}</AlertTitle>
      {e.detail && e.detail !== e.title ? <Box>{e.detail}</Box> : null}
      <Typography variant="caption" component="div" sx={{ mt: 0.5, fontFamily: 'monospace' }}>
        {t('common.errorCode', { code: e.code })}
      </Typography>
    </Alert>
  );
}

export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <Stack alignItems="center" spacing={1} sx={{ py: 4, px: 2, color: 'text.secondary', textAlign: 'center' }}>
      <InboxOutlinedIcon aria-hidden />
      <Typography variant="body2">{children}</Typography>
      {action}
    </Stack>
  );
}

export function LinesSkeleton({ lines = 4, height = 24 }: { lines?: number; height?: number }) {
  const { t } = useTranslation();
  return (
    <Stack spacing={1} aria-busy="true" aria-label={t('common.loading')} role="status">
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} variant="rounded" height={height} />
      ))}
    </Stack>
  );
}

export function PageSkeleton() {
  return (
    <Box sx={{ p: 1 }}>
      <Skeleton variant="text" width="30%" height={40} />
      <LinesSkeleton lines={6} height={32} />
    </Box>
  );
}
