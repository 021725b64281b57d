import { Button, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';

export default function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack spacing={2} alignItems="flex-start" sx={{ py: 4 }}>
      <Typography variant="h1">404</Typography>
      <Typography>{t('common.notFound')}</Typography>
      <Button component={RouterLink} to="/" variant="outlined">
        {t('common.goHome')}
      </Button>
    </Stack>
  );
}
