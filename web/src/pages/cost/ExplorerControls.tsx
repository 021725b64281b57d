import { useState } from 'react';
import {
  Autocomplete,
  Box,
  Button,
  Chip,
  FormControl,
  FormControlLabel,
  InputLabel,
  MenuItem,
  Popover,
  Select,
  Stack,
  Switch,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import { useDimensions, useDimensionValues } from '../../api/cost';
import { useUrlState } from '../../hooks/useUrlState';
import { formatMoney } from '../../lib/format';
import { SaveFilterButton, SavedFilterPicker } from './SavedFilterControls';
import { GRANULARITIES, METRICS, parseFilter, PRESETS, TOPS, type ExplorerState } from './explorerModel';

function useDimensionOptions(): string[] {
  const dims = useDimensions();
  const base = (dims.data?.dimensions ?? []).filter((d) => !d.startsWith('tag'));
  return [...base, ...(dims.data?.tagKeys ?? []).map((k) => `tag:${k}`)];
}

function FilterAdder({ state }: { state: ExplorerState }) {
  const { t } = useTranslation();
  const [, update] = useUrlState();
  const options = useDimensionOptions();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [dimension, setDimension] = useState<string | null>(null);
  const [negate, setNegate] = useState(false);
  const values = useDimensionValues(anchor ? dimension : null, state.from, state.to);
  const close = () => {
    setAnchor(null);
    setDimension(null);
    setNegate(false);
  };
  return (
    <>
      <Button size="small" startIcon={<AddIcon />} onClick={(e) => setAnchor(e.currentTarget)} data-testid="cost-add-filter">
        {t('cost.explorer.addFilter')}
      </Button>
      <Popover open={Boolean(anchor)} anchorEl={anchor} onClose={close} anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}>
        <Stack spacing={2} sx={{ p: 2, width: 320 }}>
          <Autocomplete
            options={options}
            value={dimension}
            onChange={(_, v) => setDimension(v)}
            renderInput={(p) => <TextField {...p} label={t('cost.explorer.dimension')} inputProps={{ ...p.inputProps, 'data-testid': 'cost-filter-dimension' }} />}
            getOptionLabel={(o) => t(`cost.dim.${o}`, { defaultValue: o })}
            size="small"
          />
          <FormControlLabel
            control={<Switch checked={negate} onChange={(e) => setNegate(e.target.checked)} />}
            label={t('cost.explorer.exclude')}
          />
          <Autocomplete
            options={values.data ?? []}
            loading={values.isFetching}
            disabled={!dimension}
            onChange={(_, v) => {
              if (!v || !dimension) return;
              const f = `${dimension}${negate ? '!=' : '='}${v.value ?? ''}`;
              update((p) => {
                if (!p.getAll('f').includes(f)) p.append('f', f);
              });
              close();
            }}
            getOptionLabel={(o) => o.value || t('cost.none')}
            renderOption={(props, o) => (
              <li {...props} key={o.value ?? ''}>
                <Box sx={{ flex: 1 }}>{o.value || t('cost.none')}</Box>
                <Box sx={{ color: 'text.secondary', ml: 1 }}>{formatMoney(o.effectiveCost, undefined, 0)}</Box>
              </li>
            )}
            renderInput={(p) => <TextField {...p} label={t('cost.explorer.value')} inputProps={{ ...p.inputProps, 'data-testid': 'cost-filter-value' }} />}
            size="small"
          />
        </Stack>
      </Popover>
    </>
  );
}

/** Metric, view, grouping, range, granularity, top N, compare and filters; every change goes to the URL. */
export function ExplorerControls({ state }: { state: ExplorerState }) {
  const { t } = useTranslation();
  const [, update] = useUrlState();
  const options = useDimensionOptions();
  const set = (key: string, value: string | null) =>
    update((p) => {
      if (value === null || value === '') p.delete(key);
      else p.set(key, value);
    });
  const setGroup = (level: number, value: string | null) =>
    update((p) => {
      const g = [...state.groupBy];
      if (value) g[level] = value;
      else g.splice(level, 1);
      p.delete('g');
      g.filter(Boolean).forEach((d) => p.append('g', d));
    });
  const dimLabel = (d: string) => t(`cost.dim.${d}`, { defaultValue: d });
  return (
    <Stack spacing={2} sx={{ mb: 2 }}>
      <Stack direction="row" spacing={2} useFlexGap flexWrap="wrap" alignItems="center">
        <ToggleButtonGroup
          size="small"
          exclusive
          value={state.view}
          onChange={(_, v: string | null) => v && set('view', v === 'amortized' ? null : v)}
          aria-label={t('cost.explorer.view')}
        >
          <ToggleButton value="amortized" data-testid="cost-view-amortized">{t('cost.explorer.amortized')}</ToggleButton>
          <ToggleButton value="actual" data-testid="cost-view-actual">{t('cost.explorer.actual')}</ToggleButton>
        </ToggleButtonGroup>
        <FormControl size="small" sx={{ minWidth: 170 }}>
          <InputLabel id="cost-metric" shrink>{t('cost.explorer.metric')}</InputLabel>
          <Select labelId="cost-metric" label={t('cost.explorer.metric')} displayEmpty notched value={state.metric ?? ''} onChange={(e) => set('metric', e.target.value)}>
            <MenuItem value="">{t('cost.explorer.metricFromView')}</MenuItem>
            {METRICS.map((m) => (
              <MenuItem key={m} value={m}>{m}</MenuItem>
            ))}
          </Select>
        </FormControl>
        {[0, 1].map((level) => (
          <Autocomplete
            key={level}
            size="small"
            sx={{ minWidth: 200 }}
            options={options.filter((o) => o !== state.groupBy[1 - level])}
            value={state.groupBy[level] ?? null}
            disableClearable={level === 0}
            disabled={level === 1 && !state.groupBy[0]}
            onChange={(_, v) => setGroup(level, v)}
            getOptionLabel={dimLabel}
            renderInput={(p) => (
              <TextField
                {...p}
                label={t(level === 0 ? 'cost.explorer.groupBy' : 'cost.explorer.thenBy')}
                inputProps={{ ...p.inputProps, 'data-testid': `cost-group-${level}` }}
              />
            )}
          />
        ))}
      </Stack>
      <Stack direction="row" spacing={2} useFlexGap flexWrap="wrap" alignItems="center">
        <FormControl size="small" sx={{ minWidth: 170 }}>
          <InputLabel id="cost-range">{t('cost.explorer.range')}</InputLabel>
          <Select
            labelId="cost-range"
            label={t('cost.explorer.range')}
            value={state.preset}
            data-testid="cost-range"
            onChange={(e) =>
              update((p) => {
                p.set('range', e.target.value);
                if (e.target.value === 'custom') {
                  p.set('from', state.from);
                  p.set('to', state.to);
                } else {
                  p.delete('from');
                  p.delete('to');
                }
              })
            }
          >
            {PRESETS.map((r) => (
              <MenuItem key={r} value={r}>{t(`cost.preset.${r}`)}</MenuItem>
            ))}
          </Select>
        </FormControl>
        {state.preset === 'custom' && (
          <>
            <TextField size="small" type="date" label={t('cost.explorer.from')} value={state.from} onChange={(e) => set('from', e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
            <TextField size="small" type="date" label={t('cost.explorer.toExclusive')} value={state.to} onChange={(e) => set('to', e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          </>
        )}
        <FormControl size="small" sx={{ minWidth: 130 }}>
          <InputLabel id="cost-gran">{t('cost.explorer.granularity')}</InputLabel>
          <Select labelId="cost-gran" label={t('cost.explorer.granularity')} value={state.granularity} onChange={(e) => set('gran', e.target.value)} data-testid="cost-granularity">
            {GRANULARITIES.map((g) => (
              <MenuItem key={g} value={g}>{t(`cost.granularity.${g}`)}</MenuItem>
            ))}
          </Select>
        </FormControl>
        <FormControl size="small" sx={{ minWidth: 100 }}>
          <InputLabel id="cost-top">{t('cost.explorer.top')}</InputLabel>
          <Select labelId="cost-top" label={t('cost.explorer.top')} value={String(state.top)} onChange={(e) => set('top', e.target.value)}>
            {[...new Set([...TOPS, state.top])].sort((a, b) => a - b).map((n) => (
              <MenuItem key={n} value={String(n)}>{n}</MenuItem>
            ))}
          </Select>
        </FormControl>
        <FormControlLabel
          data-testid="cost-compare"
          control={<Switch checked={state.compare} onChange={(e) => set('cmp', e.target.checked ? '1' : null)} />}
          label={t('cost.explorer.compare')}
        />
      </Stack>
      <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" alignItems="center" data-testid="cost-filters">
        <SavedFilterPicker state={state} />
        {state.filters.map((f) => {
          const { dimension, negate, value } = parseFilter(f);
          return (
            <Chip
              key={f}
              size="small"
              label={`${dimLabel(dimension)} ${negate ? '≠' : '='} ${value || t('cost.none')}`}
              onDelete={() =>
                update((p) => {
                  const rest = p.getAll('f').filter((x) => x !== f);
                  p.delete('f');
                  rest.forEach((x) => p.append('f', x));
                })
              }
            />
          );
        })}
        <FilterAdder state={state} />
        <SaveFilterButton state={state} />
      </Stack>
    </Stack>
  );
}
