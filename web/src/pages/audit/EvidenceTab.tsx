import { useState, type FormEvent } from 'react';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Chip,
  MenuItem,
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
import DownloadIcon from '@mui/icons-material/Download';
import { useTranslation } from 'react-i18next';
import { ApiError, asApiError } from '../../api/errors';
import { useEvidenceItems, useEvidencePacks, useFrameworkControls, useFrameworks, useGeneratePack, useGenerateReport } from '../../api/queries';
import type { Control, EvidencePack } from '../../api/types';
import { CopyButton } from '../../components/CopyButton';
import { ScrollableTable } from '../../components/ScrollableTable';
import { EmptyState, ErrorState, LinesSkeleton } from '../../components/States';
import { useUrlState } from '../../hooks/useUrlState';
import { downloadAuthenticated, saveBlob } from '../../lib/download';
import {
  initialPackForm,
  shortHash,
  sortFrameworks,
  toPackRequest,
  toReportRequest,
  validatePackForm,
  type PackForm,
} from '../../lib/evidence';
import { formatDateTime, formatNumber } from '../../lib/format';
import { CursorPager } from '../../components/CursorPager';

const PACK_COLUMNS = ['framework', 'controls', 'period', 'items', 'createdBy', 'createdAt', 'sha256', 'actions'] as const;

function packFileName(p: EvidencePack): string {
  return `evidence-pack-${p.framework ?? 'pack'}-${(p.id ?? '').slice(0, 8)}.zip`;
}

function PackRow({ pack }: { pack: EvidencePack }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const controls = pack.controls ?? [];
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadAuthenticated(`/api/v1/evidence/packs/${encodeURIComponent(pack.id ?? '')}/download`, packFileName(pack), 'application/zip, application/problem+json');
    } catch (e) {
      const err = asApiError(e);
      setError(t('audit.evidence.downloadFailed', { message: `${err.message} (${err.code})` }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <TableRow data-testid="pack-row">
      <TableCell>{pack.framework}</TableCell>
      <TableCell title={controls.join(', ') || undefined}>{controls.length ? formatNumber(controls.length) : t('audit.evidence.allControls')}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{t('audit.evidence.periodRange', { from: formatDateTime(pack.from), to: formatDateTime(pack.to) })}</TableCell>
      <TableCell>{formatNumber(pack.itemCount)}</TableCell>
      <TableCell>{pack.createdBy || '—'}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(pack.createdAt)}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <Box component="span" title={pack.sha256} sx={{ fontFamily: 'monospace' }}>
          {shortHash(pack.sha256)}
        </Box>
        {pack.sha256 && <CopyButton value={pack.sha256} label={t('audit.evidence.copySha', { framework: pack.framework ?? '' })} />}
      </TableCell>
      <TableCell>
        <Button
          size="small"
          variant="outlined"
          startIcon={<DownloadIcon />}
          onClick={() => void download()}
          disabled={busy || !pack.id}
          aria-label={t('audit.evidence.downloadLabel', { framework: pack.framework ?? '', when: formatDateTime(pack.createdAt) })}
          data-testid="pack-download"
        >
          {busy ? t('audit.evidence.downloading') : t('audit.evidence.download')}
        </Button>
        {error && (
          <Typography variant="caption" color="error" component="div" role="alert">
            {error}
          </Typography>
        )}
      </TableCell>
    </TableRow>
  );
}

function PacksList() {
  const { t } = useTranslation();
  const [params] = useUrlState();
  const cursors = params.getAll('pc');
  const packs = useEvidencePacks(cursors.at(-1));
  const items = packs.data?.items ?? [];
  return (
    <Paper variant="outlined" component="section" aria-labelledby="packs-title">
      <Typography variant="h2" id="packs-title" sx={{ p: 2, pb: 1 }}>
        {t('audit.evidence.packsTitle')}
      </Typography>
      {packs.isError ? (
        <Box sx={{ p: 2 }}>
          <ErrorState error={packs.error} onRetry={() => void packs.refetch()} />
        </Box>
      ) : packs.isPending ? (
        <Box sx={{ p: 2 }}>
          <LinesSkeleton lines={3} />
        </Box>
      ) : items.length === 0 && cursors.length === 0 ? (
        <EmptyState>{t('audit.evidence.packsEmpty')}</EmptyState>
      ) : (
        <>
          <ScrollableTable label={t('audit.evidence.packsTable')}>
            <Table size="small" aria-labelledby="packs-title" data-testid="pack-table">
              <TableHead>
                <TableRow>
                  {PACK_COLUMNS.map((c) => (
                    <TableCell key={c}>{t(`audit.evidence.col.${c}`)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {items.map((p) => (
                  <PackRow key={p.id} pack={p} />
                ))}
              </TableBody>
            </Table>
          </ScrollableTable>
          <CursorPager param="pc" nextCursor={packs.data?.nextCursor} />
        </>
      )}
    </Paper>
  );
}

function GenerateForm() {
  const { t } = useTranslation();
  const [form, setForm] = useState<PackForm>(() => initialPackForm());
  const [touched, setTouched] = useState(false);
  const frameworks = useFrameworks();
  const controls = useFrameworkControls(form.framework);
  const generate = useGeneratePack();
  const report = useGenerateReport();
  const errors = touched ? validatePackForm(form) : {};
  const serverFields = generate.error instanceof ApiError ? generate.error.fieldMap() : {};
  const result = generate.data;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (Object.keys(validatePackForm(form)).length) return;
    generate.mutate(toPackRequest(form));
  };
  // one click: the report for the form's period (and framework, if one is chosen) is generated and saved
  const generateReport = () => {
    setTouched(true);
    const { framework: _optional, ...periodErrors } = validatePackForm(form);
    if (Object.keys(periodErrors).length) return;
    report.mutate(toReportRequest(form), {
      onSuccess: (r) => saveBlob(r.blob, r.fileName || 'evidence-report.zip'),
    });
  };
  const save = () => {
    if (!result) return;
    saveBlob(result.blob, result.fileName || `evidence-pack-${form.framework}-${(result.id ?? '').slice(0, 8)}.zip`);
  };
  const fieldHelp = (field: keyof PackForm, help?: string) => {
    const err = errors[field];
    return err ? t(`audit.evidence.errors.${err}`) : (serverFields[field] ?? help);
  };
  const options: Control[] = controls.data ?? [];
  const selected = form.controls.map((id) => options.find((c) => c.id === id) ?? { id });

  return (
    <Paper variant="outlined" component="section" aria-labelledby="pack-generate-title" sx={{ p: 2 }}>
      <Typography variant="h2" id="pack-generate-title" sx={{ mb: 1 }}>
        {t('audit.evidence.generateTitle')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('audit.evidence.generateIntro')}
      </Typography>
      {frameworks.isError && <ErrorState error={frameworks.error} onRetry={() => void frameworks.refetch()} compact />}
      <Box component="form" noValidate onSubmit={submit} aria-labelledby="pack-generate-title" data-testid="pack-generate-form">
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, minmax(0, 1fr))', lg: 'minmax(0, 1fr) minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1fr)' }, gap: 1.5 }}>
          <TextField
            select
            size="small"
            required
            label={t('audit.evidence.framework')}
            value={form.framework}
            onChange={(e) => setForm({ ...form, framework: e.target.value, controls: [] })}
            error={Boolean(errors.framework || serverFields.framework)}
            helperText={fieldHelp('framework', frameworks.isPending ? t('common.loading') : undefined)}
            slotProps={{ htmlInput: { 'data-testid': 'pack-framework' } }}
          >
            {sortFrameworks(frameworks.data ?? []).map((f) => (
              <MenuItem key={f.id} value={f.id} disabled={!f.available}>
                {f.name && f.name !== f.id ? `${f.name} (${f.id})` : f.id}
                {f.version ? ` ${f.version}` : ''}
                {!f.available && ` — ${t('audit.evidence.noCatalogue')}`}
              </MenuItem>
            ))}
          </TextField>
          <Autocomplete
            multiple
            size="small"
            options={options}
            value={selected}
            disabled={!form.framework}
            loading={controls.isFetching}
            loadingText={t('common.loading')}
            noOptionsText={t('audit.evidence.noControls')}
            getOptionLabel={(c) => (c.title ? `${c.id} — ${c.title}` : (c.id ?? ''))}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            onChange={(_, v) => setForm({ ...form, controls: v.map((c) => c.id ?? '').filter(Boolean) })}
            renderValue={(value, getItemProps) =>
              value.map((c, index) => {
                const { key, ...itemProps } = getItemProps({ index });
                return <Chip key={key} size="small" label={c.id} {...itemProps} />;
              })
            }
            renderInput={(params) => (
              <TextField
                {...params}
                label={t('audit.evidence.controls')}
                helperText={fieldHelp('controls', t('audit.evidence.controlsHelp'))}
                error={Boolean(serverFields.controls)}
                slotProps={{
                  input: params.InputProps,
                  inputLabel: params.InputLabelProps,
                  htmlInput: { ...params.inputProps, 'data-testid': 'pack-controls' },
                  // the hint stays readable (full contrast) while the field waits for a framework
                  formHelperText: { disabled: false },
                }}
              />
            )}
          />
          <TextField
            size="small"
            type="date"
            required
            label={t('audit.evidence.from')}
            value={form.from}
            onChange={(e) => setForm({ ...form, from: e.target.value })}
            error={Boolean(errors.from || serverFields.from)}
            helperText={fieldHelp('from')}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'pack-from' } }}
          />
          <TextField
            size="small"
            type="date"
            required
            label={t('audit.evidence.to')}
            value={form.to}
            onChange={(e) => setForm({ ...form, to: e.target.value })}
            error={Boolean(errors.to || serverFields.to)}
            helperText={fieldHelp('to', t('audit.evidence.toHelp'))}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'pack-to' } }}
          />
        </Box>
        <Stack direction="row" spacing={1} sx={{ mt: 1.5 }}>
          <Button type="submit" variant="contained" disabled={generate.isPending} data-testid="pack-generate">
            {generate.isPending ? t('audit.evidence.generating') : t('audit.evidence.generate')}
          </Button>
          <Button variant="outlined" onClick={generateReport} disabled={report.isPending} data-testid="report-generate">
            {report.isPending ? t('audit.evidence.generating') : t('audit.evidence.report')}
          </Button>
        </Stack>
      </Box>
      <Box aria-live="polite" sx={{ mt: 2, '&:empty': { mt: 0 } }}>
        {report.isSuccess && (
          <Alert severity="success" data-testid="report-result">
            <Box>{t('audit.evidence.reportSaved')}</Box>
            <Box component="span" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
              {t('audit.evidence.sha', { sha: report.data.sha256 ?? '—' })}
            </Box>
          </Alert>
        )}
        {report.isError && <ErrorState error={report.error} compact />}
        {generate.isSuccess && result && (
          <Alert
            severity="success"
            data-testid="pack-result"
            action={
              <Button color="inherit" size="small" startIcon={<DownloadIcon />} onClick={save} data-testid="pack-save">
                {t('audit.evidence.save')}
              </Button>
            }
          >
            <Box>{t('audit.evidence.generated')}</Box>
            <Stack direction="row" alignItems="center" spacing={0.5} sx={{ minWidth: 0 }}>
              <Box component="span" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                {t('audit.evidence.sha', { sha: result.sha256 ?? '—' })}
              </Box>
              {result.sha256 && <CopyButton value={result.sha256} label={t('audit.evidence.copyResultSha')} />}
            </Stack>
          </Alert>
        )}
        {generate.isError && (
          <Box data-testid="pack-error">
            <ErrorState error={generate.error} compact />
          </Box>
        )}
      </Box>
    </Paper>
  );
}

function ItemsList() {
  const { t } = useTranslation();
  const items = useEvidenceItems();
  const rows = items.data?.items ?? [];
  return (
    <Paper variant="outlined" component="section" aria-labelledby="evidence-items-title">
      <Box sx={{ p: 2, pb: 1 }}>
        <Typography variant="h2" id="evidence-items-title">
          {t('audit.evidence.itemsTitle')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('audit.evidence.itemsIntro')}
        </Typography>
      </Box>
      {items.isError ? (
        <Box sx={{ p: 2 }}>
          <ErrorState error={items.error} onRetry={() => void items.refetch()} />
        </Box>
      ) : items.isPending ? (
        <Box sx={{ p: 2 }}>
          <LinesSkeleton lines={3} />
        </Box>
      ) : rows.length === 0 ? (
        <EmptyState>{t('audit.evidence.itemsEmpty')}</EmptyState>
      ) : (
        <ScrollableTable label={t('audit.evidence.itemsTitle')}>
          <Table size="small" aria-labelledby="evidence-items-title">
            <TableHead>
              <TableRow>
                {(['kind', 'title', 'controls', 'collectedAt'] as const).map((c) => (
                  <TableCell key={c}>{t(`audit.evidence.itemCol.${c}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((item) => (
                <TableRow key={item.id} data-testid="evidence-item-row">
                  <TableCell>{item.kind}</TableCell>
                  <TableCell sx={{ minWidth: 160, wordBreak: 'break-word' }}>{item.title}</TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap" component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
                      {(item.controls ?? []).map((c) => (
                        <Box component="li" key={c}>
                          <Chip size="small" variant="outlined" label={c} />
                        </Box>
                      ))}
                    </Stack>
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.collectedAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollableTable>
      )}
    </Paper>
  );
}

export function EvidenceTab() {
  return (
    <Stack spacing={2}>
      <GenerateForm />
      <PacksList />
      <ItemsList />
    </Stack>
  );
}
