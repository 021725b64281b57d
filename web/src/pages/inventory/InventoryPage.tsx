import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Chip,
  Drawer,
  IconButton,
  InputAdornment,
  Link,
  ListItemText,
  Menu,
  MenuItem,
  Paper,
  Skeleton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TableSortLabel,
  TextField,
  Toolbar,
  Tooltip,
  Typography,
  useMediaQuery,
  useTheme,
  MenuItem as SelectItem,
} from '@mui/material';
import ViewColumnOutlinedIcon from '@mui/icons-material/ViewColumnOutlined';
import DownloadIcon from '@mui/icons-material/Download';
import FilterListIcon from '@mui/icons-material/FilterList';
import SearchIcon from '@mui/icons-material/Search';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFacets, useResources } from '../../api/queries';
import type { ResourceSummary } from '../../api/types';
import { asApiError } from '../../api/errors';
import { EmptyState, ErrorState } from '../../components/States';
import { useUrlState } from '../../hooks/useUrlState';
import { useDebounced } from '../../shell/GlobalSearch';
import { downloadAuthenticated } from '../../lib/download';
import { formatDateTime, formatRelative } from '../../lib/format';
import {
  activeFilterCount,
  FACET_KEYS,
  filtersFromParams,
  sortFromParams,
  toQuery,
  toQueryString,
  type FacetKey,
} from '../../lib/resourceFilters';
import { ALL_COLUMNS, loadColumns, saveColumns, SORTABLE, type ColumnId } from './columns';
import { FacetPanel } from './FacetPanel';
import { ScrollableTable } from '../../components/ScrollableTable';

const LIMITS = [25, 50, 100] as const;
const FACET_WIDTH = 280;

function cell(r: ResourceSummary, c: ColumnId) {
  switch (c) {
    case 'name':
      return (
        <Link component={RouterLink} to={`/inventory/${r.id}`} onClick={(e) => e.stopPropagation()} sx={{ wordBreak: 'break-word' }}>
          {r.name || r.nativeId}
        </Link>
      );
    case 'type': return r.type;
    case 'provider': return r.provider;
    case 'account': return r.accountName ?? r.accountId;
    case 'region': return r.region;
    case 'state': return r.deleted ? <Chip size="small" label={r.state ? `${r.state} · deleted` : 'deleted'} /> : r.state;
    case 'lastChanged': return <span title={formatDateTime(r.lastChanged)}>{formatRelative(r.lastChanged)}</span>;
    case 'tags': {
      const entries = Object.entries(r.tags ?? {});
      return (
        <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
          {entries.slice(0, 3).map(([k, v]) => (
            <Chip key={k} size="small" variant="outlined" label={`${k}=${v}`} />
          ))}
          {entries.length > 3 && <Chip size="small" label={`+${entries.length - 3}`} />}
        </Stack>
      );
    }
    case 'nativeId': return <Box component="span" sx={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}>{r.nativeId}</Box>;
    case 'version': return r.version;
  }
}

export default function InventoryPage() {
  const { t } = useTranslation();
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('lg'), { noSsr: true });
  const navigate = useNavigate();
  const [params, update] = useUrlState();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const sort = sortFromParams(params);
  const cursors = params.getAll('c');
  const cursor = cursors.at(-1);
  const limitParam = Number(params.get('limit'));
  const limit = (LIMITS as readonly number[]).includes(limitParam) ? limitParam : 50;

  const [columns, setColumns] = useState<ColumnId[]>(loadColumns);
  const [columnsAnchor, setColumnsAnchor] = useState<HTMLElement | null>(null);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  // the free-text filter is typed into local state and reaches the URL debounced
  const [qText, setQText] = useState(filters.q);
  const debouncedQ = useDebounced(qText, 300);
  useEffect(() => setQText(filters.q), [filters.q]);
  useEffect(() => {
    if (debouncedQ !== filters.q) {
      update((p) => {
        if (debouncedQ) p.set('q', debouncedQ);
        else p.delete('q');
        p.delete('c');
      }, { replace: true });
    }
  }, [debouncedQ]);

  const baseQuery = useMemo(() => toQuery(filters), [filters]);
  const listQuery = useMemo(
    () => ({ ...baseQuery, sort, limit: String(limit), ...(cursor ? { cursor } : {}) }),
    [baseQuery, sort, limit, cursor],
  );
  const list = useResources(listQuery);
  const facets = useFacets(baseQuery);
  // a facet's own counts ignore its own selection, so more values of it can be added (OR)
  const own = {
    provider: useFacets(toQuery(filters, 'provider'), filters.provider.length > 0),
    account: useFacets(toQuery(filters, 'account'), filters.account.length > 0),
    region: useFacets(toQuery(filters, 'region'), filters.region.length > 0),
    type: useFacets(toQuery(filters, 'type'), filters.type.length > 0),
    state: useFacets(toQuery(filters, 'state'), filters.state.length > 0),
  } satisfies Record<FacetKey, unknown>;
  const facetsFor = (k: FacetKey) => (filters[k].length ? own[k].data : facets.data);

  const setFilterValues = (k: string, values: string[]) =>
    update((p) => {
      p.delete(k);
      values.forEach((v) => p.append(k, v));
      p.delete('c');
    });

  const toggle = (k: FacetKey, value: string, on: boolean) =>
    setFilterValues(k, on ? [...filters[k], value] : filters[k].filter((v) => v !== value));

  const clearAll = () =>
    update((p) => {
      [...FACET_KEYS, 'tag', 'tagMissing', 'q', 'includeDeleted', 'c'].forEach((k) => p.delete(k));
    });

  const setSort = (col: ColumnId) => {
    const s = SORTABLE[col];
    if (!s) return;
    const next = sort === s.asc && s.desc ? s.desc : s.asc;
    update((p) => {
      p.set('sort', next);
      p.delete('c');
    });
  };

  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    try {
      await downloadAuthenticated(`/api/v1/resources/export?${toQueryString({ ...baseQuery, sort })}`, 'resources.csv');
    } catch (e) {
      const err = asApiError(e);
      setExportError(t('inventory.exportFailed', { message: `${err.message} (${err.code})` }));
    } finally {
      setExporting(false);
    }
  };

  const toggleColumn = (c: ColumnId) => {
    const next = columns.includes(c) ? columns.filter((x) => x !== c) : ALL_COLUMNS.filter((x) => x === c || columns.includes(x));
    if (next.length === 0) return;
    setColumns(next);
    saveColumns(next);
  };

  const panel = (
    <FacetPanel
      filters={filters}
      facetsFor={facetsFor}
      loading={facets.isPending}
      onToggle={toggle}
      onAdd={(k, v) => !filters[k].includes(v) && setFilterValues(k, [...filters[k], v])}
      onRemove={(k, v) => setFilterValues(k, filters[k].filter((x) => x !== v))}
      onIncludeDeleted={(on) =>
        update((p) => {
          if (on) p.set('includeDeleted', 'true');
          else p.delete('includeDeleted');
          p.delete('c');
        })
      }
    />
  );

  const active = activeFilterCount(filters);
  const items = list.data?.items ?? [];
  const nextCursor = list.data?.nextCursor;
  const page = cursors.length + 1;

  return (
    <Box>
      <Stack direction="row" alignItems="baseline" spacing={2} sx={{ mb: 2 }}>
        <Typography variant="h1">{t('inventory.title')}</Typography>
        {facets.data?.total !== undefined && (
          <Typography color="text.secondary" data-testid="inventory-total">
            {new Intl.NumberFormat().format(facets.data.total)}
          </Typography>
        )}
      </Stack>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
        {wide ? (
          <Paper variant="outlined" sx={{ width: FACET_WIDTH, flexShrink: 0, p: 2 }} component="aside" aria-label={t('inventory.facets')}>
            {panel}
          </Paper>
        ) : (
          <Drawer sx={{ zIndex: (th) => th.zIndex.modal }} open={filtersOpen} onClose={() => setFiltersOpen(false)} slotProps={{ paper: { sx: { width: 300, p: 2 } } }}>
            {panel}
          </Drawer>
        )}
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Paper variant="outlined">
            <Toolbar sx={{ gap: 1, flexWrap: 'wrap', py: 1 }}>
              {!wide && (
                <Button
                  startIcon={
                    <Badge badgeContent={active} color="primary">
                      <FilterListIcon />
                    </Badge>
                  }
                  onClick={() => setFiltersOpen(true)}
                  data-testid="open-filters"
                >
                  {t('inventory.showFilters')}
                </Button>
              )}
              <TextField
                size="small"
                value={qText}
                onChange={(e) => setQText(e.target.value)}
                placeholder={t('inventory.search')}
                sx={{ flex: 1, minWidth: 180 }}
                slotProps={{
                  htmlInput: { 'aria-label': t('inventory.search'), 'data-testid': 'inventory-search' },
                  input: {
                    startAdornment: (
                      <InputAdornment position="start">
                        <SearchIcon fontSize="small" aria-hidden />
                      </InputAdornment>
                    ),
                  },
                }}
              />
              {active > 0 && (
                <Button size="small" onClick={clearAll}>
                  {t('inventory.clearFilters')}
                </Button>
              )}
              <Tooltip title={t('inventory.chooseColumns')}>
                <IconButton
                  aria-label={t('inventory.chooseColumns')}
                  aria-haspopup="menu"
                  onClick={(e) => setColumnsAnchor(e.currentTarget)}
                  data-testid="column-chooser"
                >
                  <ViewColumnOutlinedIcon />
                </IconButton>
              </Tooltip>
              <Menu anchorEl={columnsAnchor} open={Boolean(columnsAnchor)} onClose={() => setColumnsAnchor(null)}>
                {ALL_COLUMNS.map((c) => (
                  <MenuItem key={c} role="menuitemcheckbox" aria-checked={columns.includes(c)} onClick={() => toggleColumn(c)} dense>
                    <Checkbox size="small" checked={columns.includes(c)} tabIndex={-1} disableRipple slotProps={{ input: { 'aria-hidden': true } }} />
                    <ListItemText>{t(`inventory.col.${c}`)}</ListItemText>
                  </MenuItem>
                ))}
              </Menu>
              <Button
                variant="outlined"
                startIcon={<DownloadIcon />}
                onClick={() => void exportCsv()}
                disabled={exporting}
                data-testid="export-csv"
              >
                {exporting ? t('inventory.exporting') : t('inventory.exportCsv')}
              </Button>
            </Toolbar>
            {exportError && (
              <Alert severity="error" onClose={() => setExportError(null)} sx={{ mx: 2, mb: 1 }}>
                {exportError}
              </Alert>
            )}
            {list.isError ? (
              <Box sx={{ p: 2 }}>
                <ErrorState error={list.error} onRetry={() => void list.refetch()} />
              </Box>
            ) : (
              <ScrollableTable sx={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
                <Table size="small" data-testid="inventory-table" aria-label={t('inventory.tableLabel')} aria-busy={list.isFetching}>
                  <TableHead>
                    <TableRow>
                      {columns.map((c) => {
                        const s = SORTABLE[c];
                        const activeSort = s && (sort === s.asc || sort === s.desc);
                        const dir = sort.startsWith('-') ? 'desc' : 'asc';
                        return (
                          <TableCell key={c} sortDirection={activeSort ? dir : false}>
                            {s ? (
                              <TableSortLabel
                                active={Boolean(activeSort)}
                                direction={activeSort ? dir : 'asc'}
                                onClick={() => setSort(c)}
                                data-testid={`sort-${c}`}
                              >
                                {t(`inventory.col.${c}`)}
                              </TableSortLabel>
                            ) : (
                              t(`inventory.col.${c}`)
                            )}
                          </TableCell>
                        );
                      })}
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {list.isPending
                      ? Array.from({ length: 8 }, (_, i) => (
                          <TableRow key={i}>
                            {columns.map((c) => (
                              <TableCell key={c}>
                                <Skeleton variant="text" />
                              </TableCell>
                            ))}
                          </TableRow>
                        ))
                      : items.map((r) => (
                          <TableRow
                            key={r.id}
                            hover
                            data-testid="inventory-row"
                            onClick={() => navigate(`/inventory/${r.id}`)}
                            sx={{ cursor: 'pointer', opacity: r.deleted ? 0.7 : 1 }}
                          >
                            {columns.map((c) => (
                              <TableCell
                                key={c}
                                sx={{
                                  maxWidth: c === 'name' ? 300 : 240,
                                  minWidth: c === 'name' ? 160 : undefined,
                                  whiteSpace: c === 'name' || c === 'type' || c === 'tags' || c === 'nativeId' ? undefined : 'nowrap',
                                }}
                              >
                                {cell(r, c)}
                              </TableCell>
                            ))}
                          </TableRow>
                        ))}
                  </TableBody>
                </Table>
              </ScrollableTable>
            )}
            {!list.isPending && !list.isError && items.length === 0 && <EmptyState>{t('inventory.noResults')}</EmptyState>}
            <Stack direction="row" alignItems="center" justifyContent="flex-end" spacing={1} sx={{ p: 1, flexWrap: 'wrap' }}>
              <TextField
                select
                size="small"
                label={t('inventory.rowsPerPage')}
                value={limit}
                onChange={(e) =>
                  update((p) => {
                    p.set('limit', e.target.value);
                    p.delete('c');
                  })
                }
                sx={{ width: 140 }}
              >
                {LIMITS.map((l) => (
                  <SelectItem key={l} value={l}>
                    {l}
                  </SelectItem>
                ))}
              </TextField>
              <Typography variant="body2" sx={{ px: 1 }} aria-live="polite">
                {t('common.page', { n: page })}
              </Typography>
              <Button
                startIcon={<ChevronLeftIcon />}
                disabled={cursors.length === 0}
                onClick={() =>
                  update((p) => {
                    const stack = p.getAll('c').slice(0, -1);
                    p.delete('c');
                    stack.forEach((c) => p.append('c', c));
                  })
                }
                data-testid="page-previous"
              >
                {t('common.previous')}
              </Button>
              <Button
                endIcon={<ChevronRightIcon />}
                disabled={!nextCursor || list.isPlaceholderData}
                onClick={() => nextCursor && update((p) => p.append('c', nextCursor))}
                data-testid="page-next"
              >
                {t('common.next')}
              </Button>
            </Stack>
          </Paper>
        </Box>
      </Box>
    </Box>
  );
}
