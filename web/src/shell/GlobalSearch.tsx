import { useEffect, useState } from 'react';
import { Autocomplete, Box, InputAdornment, TextField, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useResources } from '../api/queries';
import type { ResourceSummary } from '../api/types';

export function useDebounced<T>(value: T, delay = 250): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), delay);
    return () => clearTimeout(id);
  }, [value, delay]);
  return v;
}

/** Search resources by name or id from anywhere; Enter or click opens the resource page. */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [input, setInput] = useState('');
  const [open, setOpen] = useState(false);
  const q = useDebounced(input.trim(), 250);
  const enabled = q.length >= 2;
  const { data, isFetching } = useResources({ q, limit: '8' }, enabled);
  const options: ResourceSummary[] = enabled ? (data?.items ?? []) : [];

  return (
    <Autocomplete<ResourceSummary, false, false, true>
      freeSolo
      autoHighlight
      open={open && enabled}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      options={options}
      filterOptions={(o) => o}
      loading={isFetching}
      loadingText={t('topbar.searching')}
      noOptionsText={t('topbar.noResults', { q })}
      getOptionLabel={(o) => (typeof o === 'string' ? o : (o.name ?? o.nativeId ?? ''))}
      getOptionKey={(o) => (typeof o === 'string' ? o : (o.id ?? ''))}
      inputValue={input}
      onInputChange={(_, v, reason) => {
        if (reason !== 'reset') setInput(v);
      }}
      value={null}
      onChange={(_, v) => {
        if (!v) return;
        if (typeof v === 'string') {
          const first = options[0];
          if (first?.id) navigate(`/inventory/${first.id}`);
          else if (v.trim()) navigate(`/inventory?q=${encodeURIComponent(v.trim())}`);
        } else if (v.id) {
          navigate(`/inventory/${v.id}`);
        }
        setInput('');
        setOpen(false);
      }}
      renderOption={({ key, ...props }, o) => (
        <li key={key} {...props}>
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="body2" noWrap>
              {o.name || o.nativeId}
            </Typography>
            <Typography variant="caption" color="text.secondary" noWrap component="div">
              {o.provider} · {o.type} · {o.region}
            </Typography>
          </Box>
        </li>
      )}
      sx={{ flex: 1, maxWidth: 520, minWidth: 120 }}
      renderInput={(params) => (
        <TextField
          {...params}
          size="small"
          placeholder={t('topbar.searchShort')}
          slotProps={{
            input: {
              ...params.InputProps,
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" aria-hidden />
                </InputAdornment>
              ),
            },
            htmlInput: {
              ...params.inputProps,
              'aria-label': t('topbar.search'),
              'data-testid': 'global-search',
            },
          }}
          sx={{
            '& .MuiInputBase-root': { bgcolor: 'background.paper' },
          }}
        />
      )}
    />
  );
}
