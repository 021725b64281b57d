import { Tab, Tabs, Typography } from '@mui/material';
import { Link as RouterLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';

/** The Cost area's heading and its page tabs (links, so each page is deep-linkable). */
export function CostNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const current = pathname.startsWith('/cost/imports') ? 'imports' : 'explorer';
  return (
    <>
      <Typography variant="h1" sx={{ mb: 1 }}>
        {t('cost.title')}
      </Typography>
      <Tabs
        value={current}
        aria-label={t('cost.pages')}
        sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
        variant="scrollable"
        allowScrollButtonsMobile
      >
        <Tab value="explorer" label={t('cost.explorer.title')} component={RouterLink} to="/cost/explorer" data-testid="cost-nav-explorer" />
        <Tab value="imports" label={t('cost.imports.title')} component={RouterLink} to="/cost/imports" data-testid="cost-nav-imports" />
      </Tabs>
    </>
  );
}
