import { Chip, Stack, Typography } from '@mui/material';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SavedFilter } from '../../../api/cost';
import type { Budget, BudgetStatus } from '../../../api/costAllocation';
import { formatDateTime } from '../../../lib/format';
import { formatPercent } from '../money';
import { crossedThresholds } from './budgets';

/** "Team: payments", "Whole tenant", "Saved filter: Search compute" (the name when {@code savedFilters} knows it). */
export function scopeText(b: Budget, t: TFunction, savedFilters?: SavedFilter[]): string {
  const type = b.scope?.type ?? 'TENANT';
  if (type === 'TENANT') return t('cost2.budgets.scopeTypes.TENANT');
  if (type === 'SAVED_FILTER') {
    const f = savedFilters?.find((x) => x.id === b.scope?.savedFilterId);
    return `${t('cost2.budgets.scopeTypes.SAVED_FILTER')}: ${f?.name ?? b.scope?.savedFilterId ?? ''}`;
  }
  return `${t(`cost2.budgets.scopeTypes.${type}`)}: ${b.scope?.value ?? ''}`;
}

/** The crossed thresholds as chips ("Actual ≥ 80 %"), with when each was crossed; "none" otherwise. */
export function ThresholdChips({ status }: { status: BudgetStatus }) {
  const { t } = useTranslation();
  const crossed = crossedThresholds(status);
  if (crossed.length === 0) {
    return <Typography variant="body2" color="text.secondary">{t('cost2.budgets.noneCrossed')}</Typography>;
  }
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="threshold-chips">
      {crossed.map((c) => {
        const kind = c.kind === 'PROJECTED' ? 'PROJECTED' : 'ACTUAL';
        return (
          <Chip
            key={`${kind}-${c.percent}`}
            size="small"
            color={kind === 'ACTUAL' ? (Number(c.percent) >= 100 ? 'error' : 'warning') : 'info'}
            variant={kind === 'ACTUAL' ? 'filled' : 'outlined'}
            label={t(`cost2.budgets.crossedChip.${kind}`, { percent: formatPercent(c.percent, 2) })}
            title={c.crossedAt ? t('cost2.budgets.crossedAt', { when: formatDateTime(c.crossedAt) }) : undefined}
            data-testid="threshold-crossed"
          />
        );
      })}
    </Stack>
  );
}
