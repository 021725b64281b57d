import { Box, Tab, Tabs, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/queries';
import { useUrlState } from '../../hooks/useUrlState';
import { can } from '../../lib/permissions';
import JitTab from './JitTab';
import ReviewsTab from './ReviewsTab';

const TABS = ['jit', 'reviews'] as const;
type AccessTab = (typeof TABS)[number];

/** /access?tab=jit|reviews: just-in-time elevation and access reviews. */
export default function AccessPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, update] = useUrlState();
  const tab: AccessTab = params.get('tab') === 'reviews' ? 'reviews' : 'jit';
  return (
    <Box>
      <Typography variant="h1" sx={{ mb: 2 }}>{t('identity.access.title')}</Typography>
      <Tabs
        value={tab}
        onChange={(_, v: AccessTab) => update((p) => (v === 'jit' ? p.delete('tab') : p.set('tab', v)))}
        aria-label={t('identity.access.tabs.label')}
        sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
      >
        {TABS.map((k) => (
          <Tab key={k} value={k} label={t(`identity.access.tabs.${k}`)} id={`access-tab-${k}`} aria-controls={`access-panel-${k}`} data-testid={`access-tab-${k}`} />
        ))}
      </Tabs>
      <Box role="tabpanel" id={`access-panel-${tab}`} aria-labelledby={`access-tab-${tab}`}>
        {tab === 'jit' ? <JitTab /> : <ReviewsTab canRun={can(me.data, 'access:review')} />}
      </Box>
    </Box>
  );
}
