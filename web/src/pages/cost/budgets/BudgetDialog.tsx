import { useState } from 'react';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Link,
  MenuItem,
  Stack,
  Switch,
  TextField,
  Typography,
  useMediaQuery,
  useTheme,
} from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSavedFilters } from '../../../api/cost';
import { costApi, costKeys, type Budget, type BudgetPeriod, type BudgetScopeType } from '../../../api/costAllocation';
import { asApiError } from '../../../api/errors';
import { ProblemAlert } from '../../../components/AuthCard';
import i18n from '../../../i18n';
import { emptyForm, formProblems, fromBudget, PERIODS, SCOPE_TYPES, toBudget, type BudgetForm } from './budgets';

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1));
const monthName = (m: string) => new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, Number(m) - 1, 1)));

/** Creates a budget, or edits one; the server checks everything again and names each bad field. */
export function BudgetDialog({ budget, onClose, onSaved }: { budget?: Budget; onClose: () => void; onSaved: (b: Budget) => void }) {
  const { t } = useTranslation();
  const theme = useTheme();
  const fullScreen = useMediaQuery(theme.breakpoints.down('sm'));
  const qc = useQueryClient();
  const [form, setForm] = useState<BudgetForm>(() => (budget ? fromBudget(budget) : emptyForm()));
  const savedFilters = useSavedFilters();
  const [touched, setTouched] = useState(false);
  const set = (patch: Partial<BudgetForm>) => setForm((f) => ({ ...f, ...patch }));
  const save = useMutation({
    mutationFn: (body: Budget) => (budget?.id ? costApi.updateBudget(budget.id, body) : costApi.createBudget(body)),
    onSuccess: (b) => {
      void qc.invalidateQueries({ queryKey: costKeys.budgets });
      onSaved(b);
    },
  });
  const local = touched ? formProblems(form) : {};
  const server = save.error ? asApiError(save.error).fieldMap() : {};
  const problem = (field: string): string | undefined => {
    if (server[field]) return server[field];
    const k = local[field];
    return k ? t(`cost2.budgets.form.problems.${k}` as 'cost2.budgets.form.problems.required') : undefined;
  };
  const field = (name: string, extra?: { helper?: string }) => ({
    error: Boolean(problem(name)),
    helperText: problem(name) ?? extra?.helper,
  });
  const submit = () => {
    setTouched(true);
    if (Object.keys(formProblems(form)).length === 0) save.mutate(toBudget(form));
  };
  const scopeHelp = t(`cost2.budgets.form.scopeHelp.${form.scopeType}` as 'cost2.budgets.form.scopeHelp.TEAM');

  return (
    <Dialog open onClose={onClose} fullScreen={fullScreen} maxWidth="md" fullWidth aria-labelledby="budget-dialog-title">
      <DialogTitle id="budget-dialog-title">{budget ? t('cost2.budgets.form.editTitle') : t('cost2.budgets.form.createTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} component="form" id="budget-form" noValidate sx={{ pt: 1 }} onSubmit={(e) => (e.preventDefault(), submit())}>
          {save.error ? <ProblemAlert error={asApiError(save.error)} testId="budget-error" title={asApiError(save.error).title} /> : null}
          <TextField label={t('cost2.budgets.form.name')} required value={form.name} onChange={(e) => set({ name: e.target.value })} autoFocus
            {...field('name')} slotProps={{ htmlInput: { 'data-testid': 'budget-name', maxLength: 200 } }} />
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '220px 1fr' } }}>
            <TextField select label={t('cost2.budgets.form.scopeType')} value={form.scopeType} onChange={(e) => set({ scopeType: e.target.value as BudgetScopeType })}
              slotProps={{ htmlInput: { 'data-testid': 'budget-scope-type' } }}>
              {SCOPE_TYPES.map((s) => <MenuItem key={s} value={s}>{t(`cost2.budgets.scopeTypes.${s}`)}</MenuItem>)}
            </TextField>
            {form.scopeType === 'TENANT' ? (
              <Typography variant="body2" color="text.secondary" sx={{ alignSelf: 'center' }}>{scopeHelp}</Typography>
            ) : form.scopeType === 'SAVED_FILTER' ? (
              savedFilters.data && savedFilters.data.length === 0 ? (
                <Typography variant="body2" color="text.secondary" sx={{ alignSelf: 'center' }} data-testid="budget-no-saved-filters">
                  {t('cost2.budgets.form.noSavedFilters')}{' '}
                  <Link component={RouterLink} to="/cost/explorer">{t('cost2.budgets.form.openExplorer')}</Link>
                </Typography>
              ) : (
                <TextField select label={t('cost2.budgets.scopeTypes.SAVED_FILTER')} required value={form.savedFilterId}
                  onChange={(e) => set({ savedFilterId: e.target.value })} {...field('scope.savedFilterId', { helper: scopeHelp })}
                  slotProps={{ htmlInput: { 'data-testid': 'budget-saved-filter' } }}>
                  {(savedFilters.data ?? []).map((f) => (
                    <MenuItem key={f.id} value={f.id}>{f.name} — {(f.filters ?? []).join(', ') || t('cost2.budgets.form.noFilters')}</MenuItem>
                  ))}
                </TextField>
              )
            ) : (
              <TextField label={t(`cost2.budgets.scopeTypes.${form.scopeType}`)} required value={form.scopeValue} onChange={(e) => set({ scopeValue: e.target.value })}
                {...field('scope.value', { helper: scopeHelp })} slotProps={{ htmlInput: { 'data-testid': 'budget-scope-value' } }} />
            )}
          </Box>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr 120px' } }}>
            <TextField select label={t('cost2.budgets.form.period')} value={form.period} onChange={(e) => set({ period: e.target.value as BudgetPeriod })}
              slotProps={{ htmlInput: { 'data-testid': 'budget-period' } }}>
              {PERIODS.map((p) => <MenuItem key={p} value={p}>{t(`cost2.budgets.periods.${p}`)}</MenuItem>)}
            </TextField>
            <TextField label={t('cost2.budgets.form.amount')} required value={form.amount} onChange={(e) => set({ amount: e.target.value })} {...field('amount')}
              slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'budget-amount' } }} />
            <TextField label={t('cost2.budgets.form.currency')} required value={form.currency} onChange={(e) => set({ currency: e.target.value.toUpperCase() })} {...field('currency')}
              slotProps={{ htmlInput: { maxLength: 3, 'data-testid': 'budget-currency' } }} />
          </Box>
          {form.period === 'MONTHLY' && (
            <Box>
              <FormControlLabel control={<Switch checked={form.perMonth} onChange={(e) => set({ perMonth: e.target.checked })} />} label={t('cost2.budgets.form.perMonth')} />
              {form.perMonth && (
                <Box sx={{ display: 'grid', gap: 1, gridTemplateColumns: { xs: '1fr 1fr', sm: 'repeat(4, 1fr)' }, mt: 1 }}>
                  {MONTHS.map((m) => (
                    <TextField key={m} size="small" label={monthName(m)} value={form.monthly[m] ?? ''} placeholder={form.amount}
                      {...field(`monthlyAmounts.${m}`)} slotProps={{ htmlInput: { inputMode: 'decimal' } }}
                      onChange={(e) => set({ monthly: { ...form.monthly, [m]: e.target.value } })} />
                  ))}
                </Box>
              )}
            </Box>
          )}
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
            <TextField label={t('cost2.budgets.form.actualThresholds')} value={form.actual} onChange={(e) => set({ actual: e.target.value })}
              {...field('thresholds.actual', { helper: t('cost2.budgets.form.thresholdsHelp') })} slotProps={{ htmlInput: { 'data-testid': 'budget-thresholds-actual' } }} />
            <TextField label={t('cost2.budgets.form.projectedThresholds')} value={form.projected} onChange={(e) => set({ projected: e.target.value })}
              {...field('thresholds.projected', { helper: t('cost2.budgets.form.projectedHelp') })} slotProps={{ htmlInput: { 'data-testid': 'budget-thresholds-projected' } }} />
          </Box>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" form="budget-form" variant="contained" disabled={save.isPending} data-testid="budget-submit">
          {budget ? t('cost2.budgets.form.save') : t('cost2.budgets.form.create')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
