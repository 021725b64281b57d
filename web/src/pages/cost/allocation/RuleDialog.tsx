import { useState } from 'react';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
  Typography,
  useMediaQuery,
  useTheme,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { DIMENSIONS, type AllocationRule, type Assignment, type Dimension } from '../../../api/costAllocation';
import { ConditionsEditor, TagKeyHint } from './ConditionsEditor';
import { assignMode, type AssignMode } from './rules';

function AssignmentRow({ dimension, value, onChange }: { dimension: Dimension; value?: Assignment; onChange: (a?: Assignment) => void }) {
  const { t } = useTranslation();
  const mode = assignMode(value);
  const label = t(`cost2.dimensions.${dimension}`);
  const setMode = (m: AssignMode) => onChange(m === 'none' ? undefined : m === 'value' ? { value: value?.value ?? '' } : { fromTag: value?.fromTag ?? '' });
  return (
    <Box
      role="group"
      aria-label={label}
      sx={{ display: 'grid', gap: 1, gridTemplateColumns: { xs: '1fr', sm: '200px 1fr' }, alignItems: 'start' }}
    >
      <TextField
        select
        size="small"
        label={t('cost2.rules.assign.mode', { dimension: label })}
        value={mode}
        onChange={(e) => setMode(e.target.value as AssignMode)}
        slotProps={{ htmlInput: { 'data-testid': `rule-assign-${dimension}-mode` } }}
      >
        <MenuItem value="none">{t('cost2.rules.assign.none')}</MenuItem>
        <MenuItem value="value">{t('cost2.rules.assign.value')}</MenuItem>
        <MenuItem value="fromTag">{t('cost2.rules.assign.fromTag')}</MenuItem>
      </TextField>
      {mode === 'value' && (
        <TextField
          size="small"
          required
          label={t('cost2.rules.assign.valueLabel', { dimension: label })}
          value={value?.value ?? ''}
          onChange={(e) => onChange({ value: e.target.value })}
          slotProps={{ htmlInput: { 'data-testid': `rule-assign-${dimension}-value` } }}
        />
      )}
      {mode === 'fromTag' && (
        <TextField
          size="small"
          required
          label={t('cost2.rules.assign.tagLabel', { dimension: label })}
          value={value?.fromTag ?? ''}
          onChange={(e) => onChange({ fromTag: e.target.value })}
          helperText={<TagKeyHint tagKey={value?.fromTag ?? ''} />}
          slotProps={{ htmlInput: { 'data-testid': `rule-assign-${dimension}-tag` } }}
        />
      )}
    </Box>
  );
}

/** Adds or edits one rule of the draft list; nothing reaches the server until the list is saved. */
export function RuleDialog({
  open,
  initial,
  isNew,
  onCancel,
  onApply,
}: {
  open: boolean;
  initial: AllocationRule;
  isNew: boolean;
  onCancel: () => void;
  onApply: (rule: AllocationRule) => void;
}) {
  const { t } = useTranslation();
  const theme = useTheme();
  const fullScreen = useMediaQuery(theme.breakpoints.down('sm'));
  const [rule, setRule] = useState<AllocationRule>(initial);
  const nameMissing = !(rule.name ?? '').trim();
  const [touched, setTouched] = useState(false);
  return (
    <Dialog open={open} onClose={onCancel} fullScreen={fullScreen} maxWidth="lg" fullWidth aria-labelledby="rule-dialog-title">
      <DialogTitle id="rule-dialog-title">{isNew ? t('cost2.rules.dialog.add') : t('cost2.rules.dialog.edit')}</DialogTitle>
      <DialogContent>
        <Stack
          spacing={3}
          component="form"
          noValidate
          id="rule-form"
          sx={{ pt: 1 }}
          onSubmit={(e) => {
            e.preventDefault();
            setTouched(true);
            if (!nameMissing) onApply(rule);
          }}
        >
          <TextField
            label={t('cost2.rules.dialog.name')}
            value={rule.name ?? ''}
            required
            autoFocus
            error={touched && nameMissing}
            helperText={touched && nameMissing ? t('cost2.rules.dialog.nameRequired') : undefined}
            onChange={(e) => setRule({ ...rule, name: e.target.value })}
            slotProps={{ htmlInput: { 'data-testid': 'rule-name', maxLength: 200 } }}
          />
          <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
            <Typography component="legend" variant="h3" sx={{ mb: 1 }}>
              {t('cost2.rules.dialog.conditions')}
            </Typography>
            <ConditionsEditor idPrefix="rule" conditions={rule.conditions ?? []} onChange={(conditions) => setRule({ ...rule, conditions })} />
          </Box>
          <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
            <Typography component="legend" variant="h3" sx={{ mb: 1 }}>
              {t('cost2.rules.dialog.assignments')}
            </Typography>
            <Stack spacing={1.5}>
              {DIMENSIONS.map((d) => (
                <AssignmentRow
                  key={d}
                  dimension={d}
                  value={rule.assign?.[d]}
                  onChange={(a) => setRule({ ...rule, assign: { ...rule.assign, [d]: a } })}
                />
              ))}
            </Stack>
          </Box>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" form="rule-form" variant="contained" data-testid="rule-apply">
          {t('cost2.rules.dialog.apply')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
