import { Box, Button, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import { useTranslation } from 'react-i18next';
import type { Condition, ConditionField, ConditionOp } from '../../../api/costAllocation';
import { emptyCondition, FIELDS, normaliseTagKey, opTakesValues, OPS, splitValues, tagKeyVariants } from './rules';

/** The tag key's hint: how the server normalises it, with spellings that all match. */
export function TagKeyHint({ tagKey }: { tagKey: string }) {
  const { t } = useTranslation();
  if (!tagKey.trim()) return <>{t('cost2.rules.condition.keyEmptyHelp')}</>;
  return <>{t('cost2.rules.condition.keyHelp', { normalised: normaliseTagKey(tagKey), variants: tagKeyVariants(tagKey).slice(0, 5).join(', ') })}</>;
}

/** The list of conditions of a rule or a shared-cost pool (all must match). */
export function ConditionsEditor({
  idPrefix,
  conditions,
  onChange,
  errors,
}: {
  idPrefix: string;
  conditions: Condition[];
  onChange: (next: Condition[]) => void;
  /** server field errors by condition index (0-based) */
  errors?: Record<number, string>;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Condition>) => onChange(conditions.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <Stack spacing={1.5}>
      {conditions.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('cost2.rules.condition.none')}
        </Typography>
      )}
      {conditions.map((c, i) => {
        const n = i + 1;
        const takesValues = opTakesValues(c.op);
        return (
          <Box
            key={i}
            role="group"
            aria-label={t('cost2.rules.condition.n', { n })}
            data-testid={`${idPrefix}-condition-${i}`}
            sx={{ display: 'grid', gap: 1, gridTemplateColumns: { xs: '1fr', md: '180px 180px 160px 1fr auto' }, alignItems: 'start' }}
          >
            <TextField
              select
              size="small"
              label={t('cost2.rules.condition.field')}
              value={c.field ?? 'TAG'}
              onChange={(e) => set(i, { field: e.target.value as ConditionField })}
              slotProps={{ htmlInput: { 'data-testid': `${idPrefix}-field-${i}` } }}
            >
              {FIELDS.map((f) => (
                <MenuItem key={f} value={f}>
                  {t(`cost2.rules.fields.${f}`)}
                </MenuItem>
              ))}
            </TextField>
            {c.field === 'TAG' ? (
              <TextField
                size="small"
                label={t('cost2.rules.condition.key')}
                value={c.key ?? ''}
                required
                onChange={(e) => set(i, { key: e.target.value })}
                helperText={<TagKeyHint tagKey={c.key ?? ''} />}
                slotProps={{ htmlInput: { 'data-testid': `${idPrefix}-key-${i}` } }}
              />
            ) : (
              <Box sx={{ display: { xs: 'none', md: 'block' } }} />
            )}
            <TextField
              select
              size="small"
              label={t('cost2.rules.condition.op')}
              value={c.op ?? 'EQUALS'}
              onChange={(e) => set(i, { op: e.target.value as ConditionOp })}
              slotProps={{ htmlInput: { 'data-testid': `${idPrefix}-op-${i}` } }}
            >
              {OPS.map((o) => (
                <MenuItem key={o} value={o}>
                  {t(`cost2.rules.ops.${o}`)}
                </MenuItem>
              ))}
            </TextField>
            {takesValues ? (
              <TextField
                size="small"
                label={t('cost2.rules.condition.values')}
                value={(c.values ?? []).join(', ')}
                onChange={(e) => set(i, { values: e.target.value.split(',').map((v, k, all) => (k < all.length - 1 ? v.trim() : v.trimStart())) })}
                onBlur={(e) => set(i, { values: splitValues(e.target.value) })}
                error={Boolean(errors?.[i])}
                helperText={errors?.[i] ?? t(c.op === 'GLOB' ? 'cost2.rules.condition.globHelp' : c.op === 'REGEX' ? 'cost2.rules.condition.regexHelp' : 'cost2.rules.condition.valuesHelp')}
                slotProps={{ htmlInput: { 'data-testid': `${idPrefix}-values-${i}` } }}
              />
            ) : (
              <Box sx={{ display: { xs: 'none', md: 'block' } }}>
                {errors?.[i] && (
                  <Typography variant="caption" color="error">
                    {errors[i]}
                  </Typography>
                )}
              </Box>
            )}
            <IconButton
              aria-label={t('cost2.rules.condition.remove', { n })}
              onClick={() => onChange(conditions.filter((_, j) => j !== i))}
              data-testid={`${idPrefix}-remove-condition-${i}`}
              sx={{ justifySelf: 'start' }}
            >
              <DeleteOutlineIcon />
            </IconButton>
          </Box>
        );
      })}
      <Box>
        <Button size="small" startIcon={<AddIcon />} onClick={() => onChange([...conditions, emptyCondition()])} data-testid={`${idPrefix}-add-condition`}>
          {t('cost2.rules.condition.add')}
        </Button>
      </Box>
    </Stack>
  );
}
