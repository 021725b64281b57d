import { useState } from 'react';
import {
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  InputLabel,
  MenuItem,
  Select,
  Stack,
  Switch,
  TextField,
} from '@mui/material';
import BookmarkAddOutlinedIcon from '@mui/icons-material/BookmarkAddOutlined';
import { useTranslation } from 'react-i18next';
import { useCreateSavedFilter, useSavedFilters, type SavedFilter } from '../../api/cost';
import { asApiError } from '../../api/errors';
import { useMe } from '../../api/queries';
import { ProblemAlert } from '../../components/AuthCard';
import { useUrlState } from '../../hooks/useUrlState';
import { can } from '../../lib/permissions';
import { applySavedFilter, filtersToSave, type ExplorerState } from './explorerModel';

/** Picks a saved filter to apply (URL `sf`); shows the applied one as a chip that removes it. */
export function SavedFilterPicker({ state }: { state: ExplorerState }) {
  const { t } = useTranslation();
  const [, update] = useUrlState();
  const saved = useSavedFilters();
  const list = saved.data ?? [];
  const applied = list.find((f) => f.id === state.savedFilter);
  return (
    <>
      <FormControl size="small" sx={{ minWidth: 200 }}>
        <InputLabel id="cost-saved-filter">{t('cost.saved.pick')}</InputLabel>
        <Select
          labelId="cost-saved-filter"
          label={t('cost.saved.pick')}
          value={applied ? applied.id : ''}
          data-testid="cost-saved-filter"
          onChange={(e) => {
            const f = list.find((x) => x.id === e.target.value);
            update((p) => (f ? applySavedFilter(p, f) : p.delete('sf')));
          }}
        >
          <MenuItem value="">{saved.isPending ? t('common.loading') : list.length ? t('cost.saved.none') : t('cost.saved.empty')}</MenuItem>
          {list.map((f) => (
            <MenuItem key={f.id} value={f.id}>{f.name}</MenuItem>
          ))}
        </Select>
      </FormControl>
      {state.savedFilter && (
        <Chip
          size="small"
          color="primary"
          variant="outlined"
          data-testid="cost-saved-filter-chip"
          sx={{ maxWidth: '100%', height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', overflowWrap: 'anywhere', py: 0.25 } }}
          label={t('cost.saved.applied', { name: applied?.name ?? '…', filters: (applied?.filters ?? []).join(', ') })}
          onDelete={() => update((p) => p.delete('sf'))}
        />
      )}
    </>
  );
}

/** "Save filters": names the current filters (and, if wanted, the grouping, metric and granularity) as a saved filter. */
export function SaveFilterButton({ state }: { state: ExplorerState }) {
  const { t } = useTranslation();
  const me = useMe();
  const [, update] = useUrlState();
  const saved = useSavedFilters();
  const create = useCreateSavedFilter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [withView, setWithView] = useState(true);
  if (!can(me.data, 'cost:manage-budgets')) return null;
  const applied: SavedFilter | undefined = (saved.data ?? []).find((f) => f.id === state.savedFilter);
  const filters = filtersToSave(state.filters, applied);
  const errors = create.error ? asApiError(create.error).fieldMap() : {};
  const close = () => {
    setOpen(false);
    create.reset();
  };
  const submit = () =>
    create.mutate(
      {
        name,
        description: description || undefined,
        filters,
        ...(withView ? { groupBy: state.groupBy, metric: state.metric, granularity: state.granularity } : {}),
      },
      {
        onSuccess: (f) => {
          update((p) => {
            p.delete('f');
            if (f.id) p.set('sf', f.id);
          });
          setName('');
          setDescription('');
          close();
        },
      },
    );
  return (
    <>
      <Button size="small" startIcon={<BookmarkAddOutlinedIcon />} onClick={() => setOpen(true)} data-testid="cost-save-filter">
        {t('cost.saved.save')}
      </Button>
      {open && (
        <Dialog open onClose={close} maxWidth="sm" fullWidth aria-labelledby="save-filter-title">
          <DialogTitle id="save-filter-title">{t('cost.saved.saveTitle')}</DialogTitle>
          <DialogContent>
            <Stack spacing={2} component="form" id="save-filter-form" noValidate sx={{ pt: 1 }} onSubmit={(e) => (e.preventDefault(), submit())}>
              {create.error ? <ProblemAlert error={asApiError(create.error)} testId="save-filter-error" title={asApiError(create.error).title} /> : null}
              <DialogContentText>
                {filters.length ? t('cost.saved.saving', { filters: filters.join(', ') }) : t('cost.saved.savingNone')}
              </DialogContentText>
              <TextField label={t('cost.saved.name')} required autoFocus value={name} onChange={(e) => setName(e.target.value)}
                error={Boolean(errors.name)} helperText={errors.name} slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'save-filter-name' } }} />
              <TextField label={t('cost.saved.description')} value={description} onChange={(e) => setDescription(e.target.value)} multiline minRows={2}
                error={Boolean(errors.description)} helperText={errors.description} slotProps={{ htmlInput: { maxLength: 1000 } }} />
              <FormControlLabel control={<Switch checked={withView} onChange={(e) => setWithView(e.target.checked)} />} label={t('cost.saved.withView')} />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="submit" form="save-filter-form" variant="contained" disabled={create.isPending || !name.trim()} data-testid="save-filter-submit">
              {t('cost.saved.saveAction')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}
