import { useMemo, useState } from 'react';
import { Alert, Box, Button, Chip, IconButton, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { costApi, costKeys, DIMENSIONS, type SharedCostMethod, type SharedCostRule, type SharedCostTarget } from '../../../api/costAllocation';
import { asApiError } from '../../../api/errors';
import { ProblemAlert } from '../../../components/AuthCard';
import { EmptyState, ErrorState, LinesSkeleton } from '../../../components/States';
import { ConditionsEditor } from './ConditionsEditor';
import { describeProblem } from './RulesTab';
import { cleanSharedCost, moveItem, percentSum, splitValid } from './rules';

const METHODS: SharedCostMethod[] = ['EVEN', 'PROPORTIONAL', 'FIXED'];

function TargetsEditor({ pool, index, onChange }: { pool: SharedCostRule; index: number; onChange: (targets: SharedCostTarget[]) => void }) {
  const { t } = useTranslation();
  const targets = pool.targets ?? [];
  const fixed = pool.method === 'FIXED';
  const sum = percentSum(targets);
  const set = (i: number, patch: Partial<SharedCostTarget>) => onChange(targets.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <Stack spacing={1}>
      {targets.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {fixed ? t('cost2.shared.fixedNeedsTargets') : t('cost2.shared.allTargets')}
        </Typography>
      )}
      {targets.map((x, i) => (
        <Stack key={i} direction="row" spacing={1} alignItems="flex-start" role="group" aria-label={t('cost2.shared.target', { n: i + 1 })}>
          <TextField
            size="small"
            label={t('cost2.shared.targetValue')}
            value={x.value ?? ''}
            onChange={(e) => set(i, { value: e.target.value })}
            slotProps={{ htmlInput: { 'data-testid': `pool-${index}-target-${i}` } }}
            sx={{ flex: 1, maxWidth: 320 }}
          />
          {fixed && (
            <TextField
              size="small"
              type="number"
              label={t('cost2.shared.percent')}
              value={x.percent ?? ''}
              onChange={(e) => set(i, { percent: e.target.value === '' ? undefined : Number(e.target.value) })}
              slotProps={{ htmlInput: { min: 0, max: 100, step: 0.01, 'data-testid': `pool-${index}-percent-${i}` } }}
              sx={{ width: 120 }}
            />
          )}
          <IconButton aria-label={t('cost2.shared.removeTarget', { n: i + 1 })} onClick={() => onChange(targets.filter((_, j) => j !== i))}>
            <DeleteOutlineIcon />
          </IconButton>
        </Stack>
      ))}
      <Stack direction="row" spacing={2} alignItems="center">
        <Button size="small" startIcon={<AddIcon />} onClick={() => onChange([...targets, fixed ? { value: '', percent: 0 } : { value: '' }])} data-testid={`pool-${index}-add-target`}>
          {t('cost2.shared.addTarget')}
        </Button>
        {fixed && (
          <Typography variant="body2" color={sum === 100 ? 'success.main' : 'error'} role="status" data-testid={`pool-${index}-sum`}>
            {sum === 100 ? t('cost2.shared.sum', { sum }) : t('cost2.shared.sumMustBe100', { sum })}
          </Typography>
        )}
      </Stack>
    </Stack>
  );
}

function PoolEditor({ pool, index, count, onChange, onMove, onRemove }: {
  pool: SharedCostRule;
  index: number;
  count: number;
  onChange: (p: SharedCostRule) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const name = pool.name || t('cost2.shared.poolN', { n: index + 1 });
  return (
    <Paper variant="outlined" component="section" aria-label={name} sx={{ p: 2 }} data-testid={`pool-${index}`}>
      <Stack spacing={2}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} alignItems={{ sm: 'flex-start' }}>
          <Chip label={index + 1} size="small" color="primary" variant="outlined" aria-label={t('cost2.shared.poolN', { n: index + 1 })} sx={{ mt: 1 }} />
          <TextField size="small" label={t('cost2.shared.name')} required value={pool.name ?? ''} onChange={(e) => onChange({ ...pool, name: e.target.value })}
            slotProps={{ htmlInput: { 'data-testid': `pool-${index}-name` } }} sx={{ flex: 1 }} />
          <TextField select size="small" label={t('cost2.shared.dimension')} value={pool.dimension || 'team'} onChange={(e) => onChange({ ...pool, dimension: e.target.value })} sx={{ minWidth: 160 }}>
            {DIMENSIONS.map((d) => <MenuItem key={d} value={d}>{t(`cost2.dimensions.${d}`)}</MenuItem>)}
          </TextField>
          <TextField select size="small" label={t('cost2.shared.method')} value={pool.method ?? 'EVEN'} onChange={(e) => onChange({ ...pool, method: e.target.value as SharedCostMethod })}
            slotProps={{ htmlInput: { 'data-testid': `pool-${index}-method` } }} sx={{ minWidth: 220 }}>
            {METHODS.map((m) => <MenuItem key={m} value={m}>{t(`cost2.shared.methods.${m}`)}</MenuItem>)}
          </TextField>
          <Stack direction="row">
            <IconButton aria-label={t('cost2.shared.moveUp', { name })} disabled={index === 0} onClick={() => onMove(index - 1)}><ArrowUpwardIcon /></IconButton>
            <IconButton aria-label={t('cost2.shared.moveDown', { name })} disabled={index === count - 1} onClick={() => onMove(index + 1)}><ArrowDownwardIcon /></IconButton>
            <IconButton aria-label={t('cost2.shared.remove', { name })} onClick={onRemove}><DeleteOutlineIcon /></IconButton>
          </Stack>
        </Stack>
        <Box>
          <Typography variant="h3" sx={{ mb: 1 }}>{t('cost2.shared.matches')}</Typography>
          <ConditionsEditor idPrefix={`pool-${index}`} conditions={pool.conditions ?? []} onChange={(conditions) => onChange({ ...pool, conditions })} />
        </Box>
        <Box>
          <Typography variant="h3" sx={{ mb: 1 }}>{t('cost2.shared.targets')}</Typography>
          <TargetsEditor pool={pool} index={index} onChange={(targets) => onChange({ ...pool, targets })} />
        </Box>
      </Stack>
    </Paper>
  );
}

/** The ordered shared-cost pools (support, network, security …) and how each is split over a dimension's values. */
export function SharedCostsTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const poolsQ = useQuery({ queryKey: costKeys.sharedCosts, queryFn: costApi.sharedCosts });
  const saved = useMemo(() => poolsQ.data?.rules ?? [], [poolsQ.data]);
  const [draft, setDraft] = useState<SharedCostRule[] | null>(null);
  const pools = draft ?? saved;
  const dirty = draft !== null && JSON.stringify(draft.map(cleanSharedCost)) !== JSON.stringify(saved.map(cleanSharedCost));
  const save = useMutation({
    mutationFn: (list: SharedCostRule[]) => costApi.saveSharedCosts(list),
    onSuccess: (res) => {
      qc.setQueryData(costKeys.sharedCosts, res);
      setDraft(null);
      void qc.invalidateQueries({ queryKey: ['cost', 'chargeback'] });
    },
  });
  const change = (next: SharedCostRule[]) => {
    setDraft(next);
    save.reset();
  };
  if (poolsQ.isPending) return <LinesSkeleton lines={3} height={56} />;
  if (poolsQ.isError) return <ErrorState error={poolsQ.error} onRetry={() => void poolsQ.refetch()} />;
  const invalid = pools.some((p) => !splitValid(p) || !(p.name ?? '').trim());
  const error = save.error ? asApiError(save.error) : null;
  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} justifyContent="space-between">
        <Box>
          <Typography variant="h2">
            {t('cost2.shared.title')} {dirty && <Chip size="small" color="warning" label={t('cost2.rules.unsaved')} sx={{ ml: 1 }} />}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 900 }}>{t('cost2.shared.intro')}</Typography>
        </Box>
        {canManage && (
          <Button startIcon={<AddIcon />} variant="outlined" sx={{ alignSelf: { xs: 'flex-start', md: 'center' }, flexShrink: 0 }} data-testid="pool-add"
            onClick={() => change([...pools, { name: '', conditions: [{ field: 'SERVICE_NAME', op: 'EQUALS', values: [] }], dimension: 'team', method: 'EVEN', targets: [] }])}>
            {t('cost2.shared.add')}
          </Button>
        )}
      </Stack>
      {!canManage && <Alert severity="info">{t('cost2.rules.readOnly')}</Alert>}
      {pools.length === 0 && <EmptyState>{t('cost2.shared.empty')}</EmptyState>}
      <Box component="fieldset" disabled={!canManage} sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
        <Stack spacing={2}>
          {pools.map((p, i) => (
            <PoolEditor key={p.id ?? `new-${i}`} pool={p} index={i} count={pools.length}
              onChange={(next) => change(pools.map((x, j) => (j === i ? next : x)))}
              onMove={(to) => change(moveItem(pools, i, to))}
              onRemove={() => change(pools.filter((_, j) => j !== i))} />
          ))}
        </Stack>
      </Box>
      {error && (
        <Box>
          <ProblemAlert error={error} testId="pools-error" title={error.title} />
          {error.fieldErrors.map((e) => <Typography key={e.field} variant="body2" color="error">{describeProblem(e.field, e.message, t)}</Typography>)}
        </Box>
      )}
      {save.isSuccess && !dirty && <Alert severity="success" data-testid="pools-saved">{t('cost2.shared.saved')}</Alert>}
      {canManage && (
        <Stack direction="row" spacing={1}>
          <Button variant="contained" disabled={!dirty || invalid || save.isPending} onClick={() => save.mutate(pools.map(cleanSharedCost))} data-testid="pools-save">
            {t('cost2.shared.save')}
          </Button>
          <Button disabled={!dirty} onClick={() => change(saved)}>{t('cost2.rules.discard')}</Button>
        </Stack>
      )}
    </Stack>
  );
}
