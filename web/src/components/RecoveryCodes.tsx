import { Alert, Box, Button, Stack } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useTranslation } from 'react-i18next';
import { CopyButton } from './CopyButton';
import { saveBlob } from '../lib/download';

/** Recovery codes, shown once: a list, copy all, download as a text file. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const text = codes.join('\n') + '\n';
  return (
    <Stack spacing={1.5} data-testid="recovery-codes">
      <Alert severity="warning">{t('identity.mfa.codesOnce')}</Alert>
      <Box
        component="ol"
        aria-label={t('identity.mfa.recoveryCodes')}
        sx={{ fontFamily: 'monospace', columns: 2, m: 0, pl: 3, fontSize: 15, '& li': { py: 0.25 } }}
      >
        {codes.map((c) => (
          <li key={c} data-testid="recovery-code">
            {c}
          </li>
        ))}
      </Box>
      <Stack direction="row" spacing={1} alignItems="center">
        <CopyButton value={text} label={t('identity.mfa.copyCodes')} data-testid="copy-recovery-codes" />
        <Button
          size="small"
          startIcon={<DownloadIcon />}
          onClick={() => saveBlob(new Blob([text], { type: 'text/plain' }), 'cloudwarden-recovery-codes.txt')}
          data-testid="download-recovery-codes"
        >
          {t('identity.mfa.downloadCodes')}
        </Button>
      </Stack>
    </Stack>
  );
}
