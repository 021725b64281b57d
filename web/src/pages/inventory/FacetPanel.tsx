import { useState } from 'react';
import {
  Box,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  Skeleton,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { FacetCount, ResourceFacets } from '../../api/types';
import { FACET_KEYS, type FacetKey, type ResourceFilters } from '../../lib/resourceFilters';
import { formatNumber } from '../../lib/format';

const VISIBLE = 8;

export function FacetGroup({
  name,
  title,
  values,
  selected,
  loading,
  onToggle,
}: {
  name: FacetKey;
  title: string;
  values: FacetCount[] | undefined;
  selected: string[];
  loading: boolean;
  onToggle: (value: string, on: boolean) => void;
}) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const list = [...(values ?? [])];
  // a selected value always stays visible, even when the other filters leave it no resources
  for (const s of selected) if (!list.some((v) => v.value === s)) list.push({ value: s, label: s, count: 0 });
  list.sort((a, b) => Number(selected.includes(b.value ?? '')) - Number(selected.includes(a.value ?? '')));
  const shown = expanded ? list : list.slice(0, VISIBLE);
  const headingId = `facet-${name}-title`;
  return (
    <Box component="fieldset" data-testid={`facet-${name}`} sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
      <Typography component="legend" variant="subtitle2" id={headingId} sx={{ mb: 0.5 }}>
        {title}
      </Typography>
      {loading && !values ? (
        <Stack spacing={0.5}>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} variant="rounded" height={22} />
          ))}
        </Stack>
      ) : list.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('inventory.facetEmpty')}
        </Typography>
      ) : (
        <Stack spacing={0}>
          {shown.map((v) => {
            const value = v.value ?? '';
            const on = selected.includes(value);
            return (
              <FormControlLabel
                key={value}
                sx={{ mr: 0, '& .MuiFormControlLabel-label': { flex: 1, minWidth: 0 } }}
                control={
                  <Checkbox
                    size="small"
                    checked={on}
                    onChange={(e) => onToggle(value, e.target.checked)}
                    slotProps={{ input: { 'data-testid': `facet-${name}-option` } as Record<string, string> }}
                    sx={{ py: 0.25 }}
                  />
                }
                label={
                  <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline', minWidth: 0 }}>
                    <Typography variant="body2" noWrap title={v.label || value} sx={{ flex: 1, minWidth: 0 }}>
                      {v.label || value}
                    </Typography>
                    <Typography variant="caption" color="text.secondary">
                      {formatNumber(v.count)}
                    </Typography>
                  </Box>
                }
              />
            );
          })}
          {list.length > VISIBLE && (
            <Button size="small" onClick={() => setExpanded(!expanded)} sx={{ alignSelf: 'flex-start' }}>
              {expanded ? t('inventory.showLess') : t('inventory.showMore', { count: list.length - VISIBLE })}
            </Button>
          )}
        </Stack>
      )}
    </Box>
  );
}

function TagInput({
  label,
  help,
  values,
  testId,
  onAdd,
  onRemove,
}: {
  label: string;
  help: string;
  values: string[];
  testId: string;
  onAdd: (v: string) => void;
  onRemove: (v: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  return (
    <Box data-testid={testId}>
      <TextField
        size="small"
        fullWidth
        label={label}
        helperText={help}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && text.trim()) {
            e.preventDefault();
            onAdd(text.trim());
            setText('');
          }
        }}
        slotProps={{ htmlInput: { 'data-testid': `${testId}-input` } }}
      />
      {values.length > 0 && (
        <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap" sx={{ mt: 0.5 }}>
          {values.map((v) => (
            <Chip
              key={v}
              size="small"
              label={v}
              onDelete={() => onRemove(v)}
              title={t('inventory.removeFilter', { value: v })}
            />
          ))}
        </Stack>
      )}
    </Box>
  );
}

export function FacetPanel({
  filters,
  facetsFor,
  loading,
  onToggle,
  onAdd,
  onRemove,
  onIncludeDeleted,
}: {
  filters: ResourceFilters;
  facetsFor: (k: FacetKey) => ResourceFacets | undefined;
  loading: boolean;
  onToggle: (k: FacetKey, value: string, on: boolean) => void;
  onAdd: (k: 'tag' | 'tagMissing', value: string) => void;
  onRemove: (k: 'tag' | 'tagMissing', value: string) => void;
  onIncludeDeleted: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack spacing={2.5} component="form" role="search" aria-label={t('inventory.facets')} onSubmit={(e) => e.preventDefault()}>
      {FACET_KEYS.map((k) => (
        <FacetGroup
          key={k}
          name={k}
          title={t(`inventory.facet.${k}`)}
          values={facetsFor(k)?.[k]}
          selected={filters[k]}
          loading={loading}
          onToggle={(v, on) => onToggle(k, v, on)}
        />
      ))}
      <TagInput
        label={t('inventory.tag')}
        help={t('inventory.tagHelp')}
        values={filters.tag}
        testId="facet-tags"
        onAdd={(v) => onAdd('tag', v)}
        onRemove={(v) => onRemove('tag', v)}
      />
      <TagInput
        label={t('inventory.tagMissing')}
        help={t('inventory.tagMissingHelp')}
        values={filters.tagMissing}
        testId="facet-tagMissing"
        onAdd={(v) => onAdd('tagMissing', v)}
        onRemove={(v) => onRemove('tagMissing', v)}
      />
      <FormControlLabel
        control={<Switch checked={filters.includeDeleted} onChange={(e) => onIncludeDeleted(e.target.checked)} />}
        label={t('inventory.includeDeleted')}
      />
    </Stack>
  );
}
