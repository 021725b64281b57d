import { useState, type FormEvent } from 'react';
import { Box, Button, Card, CardContent, Chip, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { accessApi } from '../../api/identity';
import { asApiError } from '../../api/errors';
import { ProblemAlert } from '../../components/AuthCard';
import { ScrollableTable } from '../../components/ScrollableTable';
import { EmptyState, ErrorState, LinesSkeleton } from '../../components/States';
import { formatDateTime } from '../../lib/format';

/** The due date (a day) as the end of that day in UTC. */
export function dueAtOf(day: string): string {
  return new Date(`${day}T23:59:59Z`).toISOString();
}

function inDays(n: number): string {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

function CreateCampaign({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [due, setDue] = useState(inDays(14));
  const create = useMutation({
    mutationFn: () => accessApi.createReview({ name: name.trim(), dueAt: dueAtOf(due) }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['access', 'reviews'] });
      onClose();
    },
  });
  return (
    <Card variant="outlined">
      <CardContent>
        <Box component="form" noValidate onSubmit={(e: FormEvent) => (e.preventDefault(), create.mutate())} data-testid="review-create">
          <Stack spacing={2} sx={{ maxWidth: 520 }}>
            <Typography variant="h2" sx={{ fontSize: 18 }}>{t('identity.reviews.new')}</Typography>
            {create.error && <ProblemAlert error={asApiError(create.error)} testId="review-error" />}
            <TextField label={t('identity.fields.name')} required value={name} onChange={(e) => setName(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'review-name' } }} />
            <TextField label={t('identity.reviews.due')} type="date" required value={due} onChange={(e) => setDue(e.target.value)}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: inDays(0), 'data-testid': 'review-due' } }} />
            <Stack direction="row" spacing={1}>
              <Button type="submit" variant="contained" disabled={create.isPending || !name.trim() || !due} data-testid="review-submit">{t('identity.reviews.start')}</Button>
              <Button onClick={onClose}>{t('common.cancel')}</Button>
            </Stack>
          </Stack>
        </Box>
      </CardContent>
    </Card>
  );
}

export default function ReviewsTab({ canRun }: { canRun: boolean }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const reviews = useQuery({ queryKey: ['access', 'reviews'], queryFn: accessApi.reviews });
  return (
    <Stack spacing={2}>
      {canRun && !creating && <Box><Button variant="contained" onClick={() => setCreating(true)} data-testid="review-new">{t('identity.reviews.new')}</Button></Box>}
      {creating && <CreateCampaign onClose={() => setCreating(false)} />}
      {reviews.isPending ? <LinesSkeleton /> : reviews.isError ? (
        <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : reviews.data.length === 0 ? (
        <EmptyState>{t('identity.reviews.empty')}</EmptyState>
      ) : (
        <ScrollableTable label={t('identity.access.tabs.reviews')}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('identity.fields.name')}</TableCell>
                <TableCell>{t('identity.reviews.due')}</TableCell>
                <TableCell>{t('identity.jit.statusLabel')}</TableCell>
                <TableCell>{t('identity.reviews.decided')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {reviews.data.map((r) => (
                <TableRow key={r.id} data-testid={`review-row-${r.name}`}>
                  <TableCell><Link component={RouterLink} to={`/access/reviews/${r.id}`}>{r.name}</Link></TableCell>
                  <TableCell>{formatDateTime(r.dueAt)} {r.overdue && <Chip size="small" color="error" label={t('identity.reviews.overdue')} />}</TableCell>
                  <TableCell>{r.status === 'COMPLETED' ? t('identity.reviews.completed') : t('identity.reviews.open')}</TableCell>
                  <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>{t('identity.reviews.progress', { decided: r.items - r.pending, total: r.items })}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollableTable>
      )}
    </Stack>
  );
}
