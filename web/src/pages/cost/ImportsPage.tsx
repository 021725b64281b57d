import { useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  LinearProgress,
  Link,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCostImports, useImportFromObjectStore, useUploadCost } from '../../api/cost';
import { CursorPager } from '../../components/CursorPager';
import { ScrollableTable } from '../../components/ScrollableTable';
import { EmptyState, ErrorState, LinesSkeleton } from '../../components/States';
import { StatusChip } from '../../components/StatusChip';
import { useUrlState } from '../../hooks/useUrlState';
import { formatDateTime, formatNumber } from '../../lib/format';
import { CostNav } from './CostNav';

function Progress({ status, progress }: { status?: string; progress?: number }) {
  const { t } = useTranslation();
  if (status === 'QUEUED') return <LinearProgress aria-label={t('cost.imports.queued')} />;
  const pct = Math.round((progress ?? 0) * 100);
  return (
    <Stack direction="row" spacing={1} alignItems="center">
      <LinearProgress variant="determinate" value={pct} sx={{ flex: 1, minWidth: 60 }} aria-label={t('cost.imports.progress')} />
      <Typography variant="caption">{pct} %</Typography>
    </Stack>
  );
}

function NewImport() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadCost();
  const fromStore = useImportFromObjectStore();
  const [location, setLocation] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (location.trim()) fromStore.mutate(location.trim(), { onSuccess: (job) => navigate(`/cost/imports/${job.id}`) });
  };
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} alignItems={{ md: 'flex-start' }}>
        <Box>
          <input
            ref={input}
            type="file"
            hidden
            accept=".csv,.gz,.json,.jsonl,.ndjson,text/csv,application/gzip"
            data-testid="cost-upload-input"
            aria-label={t('cost.imports.upload')}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) upload.mutate(file);
              e.target.value = '';
            }}
          />
          <Button variant="contained" startIcon={<UploadFileIcon />} onClick={() => input.current?.click()} disabled={upload.isPending} data-testid="cost-upload">
            {upload.isPending ? t('cost.imports.uploading') : t('cost.imports.upload')}
          </Button>
          <Typography variant="caption" component="p" color="text.secondary" sx={{ mt: 0.5, maxWidth: 320 }}>
            {t('cost.imports.uploadHelp')}
          </Typography>
        </Box>
        <Box component="form" onSubmit={submit} sx={{ flex: 1 }} aria-label={t('cost.imports.objectStore')}>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
            <TextField
              size="small"
              fullWidth
              label={t('cost.imports.location')}
              placeholder="s3://bucket/tenants/<tenant>/export.csv.gz"
              value={location}
              onChange={(e) => setLocation(e.target.value)}
              inputProps={{ 'data-testid': 'cost-location' }}
            />
            <Button type="submit" variant="outlined" disabled={!location.trim() || fromStore.isPending} data-testid="cost-location-submit">
              {t('cost.imports.importLocation')}
            </Button>
          </Stack>
        </Box>
      </Stack>
      {upload.isError && <Box sx={{ mt: 2 }}><ErrorState error={upload.error} compact /></Box>}
      {fromStore.isError && <Box sx={{ mt: 2 }}><ErrorState error={fromStore.error} compact /></Box>}
      {upload.isSuccess && (
        <Alert severity="success" sx={{ mt: 2 }} data-testid="cost-upload-accepted">
          {t('cost.imports.accepted', { name: upload.data.fileName })}{' '}
          <Link component={RouterLink} to={`/cost/imports/${upload.data.id}`}>{t('cost.imports.follow')}</Link>
        </Alert>
      )}
    </Paper>
  );
}

/** Cost imports: upload or name a file in the object store; the list polls while an import is queued or running. */
export default function ImportsPage() {
  const { t } = useTranslation();
  const [params] = useUrlState();
  const cursors = params.getAll('c');
  const imports = useCostImports(cursors[cursors.length - 1]);
  const items = imports.data?.items ?? [];
  return (
    <Box>
      <CostNav />
      <NewImport />
      {imports.isPending ? (
        <LinesSkeleton lines={5} />
      ) : imports.isError ? (
        <ErrorState error={imports.error} onRetry={() => void imports.refetch()} />
      ) : !items.length ? (
        <EmptyState>{t('cost.imports.none')}</EmptyState>
      ) : (
        <Paper variant="outlined">
          <ScrollableTable label={t('cost.imports.title')}>
            <Table size="small" data-testid="cost-imports">
              <TableHead>
                <TableRow>
                  <TableCell>{t('cost.imports.file')}</TableCell>
                  <TableCell>{t('cost.imports.status')}</TableCell>
                  <TableCell sx={{ minWidth: 140 }}>{t('cost.imports.progress')}</TableCell>
                  <TableCell>{t('cost.imports.format')}</TableCell>
                  <TableCell align="right">{t('cost.imports.rowsAccepted')}</TableCell>
                  <TableCell align="right">{t('cost.imports.rowsQuarantined')}</TableCell>
                  <TableCell>{t('cost.imports.created')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {items.map((i) => (
                  <TableRow key={i.id} data-testid="cost-import-row">
                    <TableCell sx={{ wordBreak: 'break-word', minWidth: 220, maxWidth: 420 }}>
                      <Link component={RouterLink} to={`/cost/imports/${i.id}`}>{i.fileName}</Link>
                      {i.error && (
                        <Typography
                          variant="caption"
                          component="div"
                          color="error"
                          data-testid="cost-import-error"
                          title={i.error}
                          sx={{ display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
                        >
                          {i.error}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell><StatusChip status={i.status} label={t(`cost.status.${i.status}`, { defaultValue: i.status ?? '' })} /></TableCell>
                    <TableCell>
                      {i.status === 'QUEUED' || i.status === 'RUNNING' ? <Progress status={i.status} progress={i.progress} /> : '—'}
                    </TableCell>
                    <TableCell>{i.format ?? '—'}</TableCell>
                    <TableCell align="right">{formatNumber(i.rowsAccepted)}</TableCell>
                    <TableCell align="right">{formatNumber(i.rowsQuarantined)}</TableCell>
                    <TableCell>{formatDateTime(i.createdAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollableTable>
          <CursorPager nextCursor={imports.data?.nextCursor} />
        </Paper>
      )}
    </Box>
  );
}
