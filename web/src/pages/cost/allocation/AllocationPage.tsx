import { Box, Tab, Tabs, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../api/queries';
import { useUrlState } from '../../../hooks/useUrlState';
import { can } from '../../../lib/permissions';
import { CostHeader } from '../CostSubNav';
import { CoverageCard } from './CoverageCard';
import { lastMonth, monthParam, monthRange } from './rules';
import { RulesTab } from './RulesTab';
import { SharedCostsTab } from './SharedCostsTab';

const TABS = ['rules', 'shared'] as const;
type AllocationTab = (typeof TABS)[number];

/**
 * /cost/allocation?month=YYYY-MM&tab=rules|shared&cov=any|team|…&pd=team|…: the tag-coverage KPI of the month,
 * the ordered allocation rules with their preview on that month, and the shared-cost pools.
 */
export default function AllocationPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, update] = useUrlState();
  const fallback = lastMonth();
  const month = monthParam(params.get('month'), fallback);
  const { from, to } = monthRange(month);
  const tab: AllocationTab = params.get('tab') === 'shared' ? 'shared' : 'rules';
  const coverageDimension = params.get('cov') ?? 'any';
  const canManage = can(me.data, 'cost:manage-allocation');
  return (
    <Box>
      <CostHeader
        title={t('cost2.allocation.title')}
        intro={t('cost2.allocation.intro')}
        actions={
          <TextField
            type="month"
            size="small"
            label={t('cost2.month')}
            value={month}
            onChange={(e) => {
              const v = e.target.value;
              update((p) => (monthParam(v, '') ? p.set('month', v) : p.delete('month')), { replace: true });
            }}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'allocation-month', max: new Date().toISOString().slice(0, 7) } }}
          />
        }
      />
      <CoverageCard
        from={from}
        to={to}
        dimension={coverageDimension}
        onDimension={(d) => update((p) => (d === 'any' ? p.delete('cov') : p.set('cov', d)), { replace: true })}
      />
      <Tabs
        value={tab}
        onChange={(_, v: AllocationTab) => update((p) => (v === 'rules' ? p.delete('tab') : p.set('tab', v)))}
        aria-label={t('cost2.allocation.tabs.label')}
        sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
        variant="scrollable"
        allowScrollButtonsMobile
      >
        {TABS.map((k) => (
          <Tab key={k} value={k} label={t(`cost2.allocation.tabs.${k}`)} id={`allocation-tab-${k}`} aria-controls={`allocation-panel-${k}`} data-testid={`allocation-tab-${k}`} />
        ))}
      </Tabs>
      {/* both panels stay mounted, so an unsaved draft survives a look at the other tab */}
      <Box role="tabpanel" id="allocation-panel-rules" aria-labelledby="allocation-tab-rules" hidden={tab !== 'rules'}>
        <RulesTab month={month} canManage={canManage} />
      </Box>
      <Box role="tabpanel" id="allocation-panel-shared" aria-labelledby="allocation-tab-shared" hidden={tab !== 'shared'}>
        <SharedCostsTab canManage={canManage} />
      </Box>
    </Box>
  );
}
