import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ResourceDiff } from '../../api/types';
import { ScrollableTable } from '../../components/ScrollableTable';

export function renderValue(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  return JSON.stringify(v, null, 2);
}

const KIND_COLOR: Record<string, 'success' | 'error' | 'info' | 'default'> = {
  ADDED: 'success',
  REMOVED: 'error',
  CHANGED: 'info',
  MODIFIED: 'info',
  REPLACED: 'info',
};

/** The changed paths between two versions, old and new value side by side. */
export function DiffView({ diff }: { diff: ResourceDiff }) {
  const { t } = useTranslation();
  const changes = diff.changes ?? [];
  const from = diff.fromVersion;
  const to = diff.toVersion;
  return (
    <Box data-testid="diff-view" component="section" aria-labelledby="diff-title">
      <Typography variant="h2" id="diff-title" sx={{ mb: 1 }}>
        {t('resource.diff.title', { from, to })}
      </Typography>
      {changes.length === 0 ? (
        <Typography color="text.secondary">{t('resource.diff.none')}</Typography>
      ) : (
        <ScrollableTable>
          <Table size="small" aria-labelledby="diff-title" sx={{ tableLayout: 'fixed', minWidth: 560 }}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: '26%' }}>{t('resource.diff.path')}</TableCell>
                <TableCell sx={{ width: 110 }}>{t('resource.diff.kind')}</TableCell>
                <TableCell>{t('resource.diff.old', { v: from })}</TableCell>
                <TableCell>{t('resource.diff.new', { v: to })}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {changes.map((c, i) => {
                const kind = (c.kind ?? '').toUpperCase();
                const absent = <Typography component="span" variant="body2" color="text.secondary" sx={{ fontStyle: 'italic' }}>{t('resource.diff.absent')}</Typography>;
                const mono = { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-word', m: 0 } as const;
                return (
                  <TableRow key={`${c.path}-${i}`} data-testid="diff-row">
                    <TableCell sx={{ ...mono }}>{c.path}</TableCell>
                    <TableCell>
                      <Chip size="small" label={c.kind} color={KIND_COLOR[kind] ?? 'default'} variant="outlined" />
                    </TableCell>
                    <TableCell sx={{ bgcolor: (th) => (c.oldValue !== undefined && kind !== 'ADDED' ? (th.palette.mode === 'dark' ? 'rgba(239,83,80,0.12)' : '#fdecea') : undefined) }}>
                      {kind === 'ADDED' || c.oldValue === undefined ? absent : <Box component="pre" sx={mono}>{renderValue(c.oldValue)}</Box>}
                    </TableCell>
                    <TableCell sx={{ bgcolor: (th) => (c.newValue !== undefined && kind !== 'REMOVED' ? (th.palette.mode === 'dark' ? 'rgba(102,187,106,0.12)' : '#e8f5e9') : undefined) }}>
                      {kind === 'REMOVED' || c.newValue === undefined ? absent : <Box component="pre" sx={mono}>{renderValue(c.newValue)}</Box>}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </ScrollableTable>
      )}
    </Box>
  );
}
