import { Chip } from '@mui/material';

const COLORS: Record<string, 'success' | 'error' | 'warning' | 'info' | 'default'> = {
  SUCCEEDED: 'success',
  FAILED: 'error',
  REFUSED: 'error',
  RUNNING: 'info',
  PENDING: 'info',
  QUEUED: 'info',
  CANCELLED: 'warning',
  PARTIAL: 'warning',
};

/** A job status as a chip; the colour only adds to the text. */
export function StatusChip({ status, label }: { status?: string | null; label?: string }) {
  const s = (status ?? '').toUpperCase();
  return <Chip size="small" color={COLORS[s] ?? 'default'} label={label ?? (status || '—')} variant="filled" />;
}
