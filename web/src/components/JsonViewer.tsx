import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { Box, Button, ButtonBase, Stack } from '@mui/material';
import ArrowRightIcon from '@mui/icons-material/ArrowRight';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import { useTranslation } from 'react-i18next';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isContainer(v: unknown): v is Json[] | Record<string, Json> {
  return typeof v === 'object' && v !== null;
}

/** Every container's path (used by "expand all"). */
export function containerPaths(value: unknown, path = '$', out: string[] = []): string[] {
  if (!isContainer(value)) return out;
  out.push(path);
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [k, v] of entries) containerPaths(v, `${path}/${k}`, out);
  return out;
}

/** Container paths down to a depth, for the initial view. */
function pathsToDepth(value: unknown, depth: number, path = '$', out: string[] = []): string[] {
  if (!isContainer(value) || depth <= 0) return out;
  out.push(path);
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [k, v] of entries) pathsToDepth(v, depth - 1, `${path}/${k}`, out);
  return out;
}

function Scalar({ value }: { value: unknown }) {
  if (value === null) return <Box component="span" sx={{ color: 'text.secondary' }}>null</Box>;
  if (typeof value === 'string')
    return <Box component="span" sx={{ color: (th) => (th.palette.mode === 'dark' ? '#a5d6a7' : '#1b5e20'), wordBreak: 'break-word' }}>"{value}"</Box>;
  if (typeof value === 'number') return <Box component="span" sx={{ color: (th) => (th.palette.mode === 'dark' ? '#90caf9' : '#0d47a1') }}>{value}</Box>;
  if (typeof value === 'boolean') return <Box component="span" sx={{ color: (th) => (th.palette.mode === 'dark' ? '#ce93d8' : '#6a1b9a') }}>{String(value)}</Box>;
  return <span>{String(value)}</span>;
}

/**
 * A collapsible JSON tree (nested lists, disclosure pattern): each object or array is a toggle
 * button (Enter/Space, aria-expanded), reachable with Tab; "Expand all" and "Collapse all" act on the whole document.
 */
export function JsonViewer({ value, initialDepth = 2, label }: { value: unknown; initialDepth?: number; label?: string }) {
  const { t } = useTranslation();
  const all = useMemo(() => containerPaths(value), [value]);
  const [open, setOpen] = useState<Set<string>>(() => new Set(pathsToDepth(value, initialDepth)));
  const toggle = useCallback(
    (p: string) =>
      setOpen((prev) => {
        const next = new Set(prev);
        if (next.has(p)) next.delete(p);
        else next.add(p);
        return next;
      }),
    [],
  );

  const render = (key: string | null, v: unknown, path: string, depth: number): ReactNode => {
    const keyLabel =
      key !== null ? (
        <Box component="span" sx={{ color: 'text.primary', fontWeight: 600 }}>
          {key}
          <Box component="span" sx={{ color: 'text.secondary', fontWeight: 400 }}>: </Box>
        </Box>
      ) : null;
    if (!isContainer(v)) {
      return (
        <Box component="li" key={path} sx={{ pl: 3, listStyle: 'none' }}>
          {keyLabel}
          <Scalar value={v} />
        </Box>
      );
    }
    const isArr = Array.isArray(v);
    const entries = isArr ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    const expanded = open.has(path);
    const summary = isArr ? t('resource.json.items', { count: entries.length }) : t('resource.json.keys', { count: entries.length });
    return (
      <Box component="li" key={path} sx={{ listStyle: 'none' }}>
        <ButtonBase
          onClick={() => toggle(path)}
          aria-expanded={expanded}
          data-testid="json-toggle"
          data-path={path}
          sx={{
            borderRadius: 0.5,
            px: 0.25,
            fontFamily: 'inherit',
            fontSize: 'inherit',
            textAlign: 'left',
            '&:hover': { bgcolor: 'action.hover' },
            '&.Mui-focusVisible': { outline: (th) => `2px solid ${th.palette.primary.main}` },
          }}
        >
          {expanded ? <ArrowDropDownIcon fontSize="small" aria-hidden /> : <ArrowRightIcon fontSize="small" aria-hidden />}
          {keyLabel}
          <Box component="span" sx={{ color: 'text.secondary' }}>
            {isArr ? '[' : '{'}
            {!expanded && ` ${summary} ${isArr ? ']' : '}'}`}
          </Box>
        </ButtonBase>
        {expanded && (
          <>
            <Box component="ul" sx={{ m: 0, pl: depth === 0 ? 1.5 : 2.5, borderLeft: 1, borderColor: 'divider', ml: 1.25 }}>
              {entries.map(([k, x]) => render(isArr ? `[${k}]` : k, x, `${path}/${k}`, depth + 1))}
            </Box>
            <Box sx={{ pl: 3, color: 'text.secondary' }}>{isArr ? ']' : '}'}</Box>
          </>
        )}
      </Box>
    );
  };

  return (
    <Box>
      {all.length > 1 && (
        <Stack direction="row" spacing={1} sx={{ mb: 1 }}>
          <Button size="small" onClick={() => setOpen(new Set(all))} data-testid="json-expand-all">
            {t('resource.json.expandAll')}
          </Button>
          <Button size="small" onClick={() => setOpen(new Set())} data-testid="json-collapse-all">
            {t('resource.json.collapseAll')}
          </Button>
        </Stack>
      )}
      <Box
        component="ul"
        aria-label={label ?? t('resource.json.label')}
        sx={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13, m: 0, p: 0, overflowX: 'auto' }}
      >
        {render(null, value, '$', 0)}
      </Box>
    </Box>
  );
}
