import type { ReactNode } from 'react';
import { Box, Button, Stack, Typography } from '@mui/material';
import { Link as RouterLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';

/** The Cost area's pages, in the order of its navigation. */
export const COST_PAGES = [
  { key: 'explorer', path: '/cost/explorer' },
  { key: 'imports', path: '/cost/imports' },
  { key: 'allocation', path: '/cost/allocation' },
  { key: 'chargeback', path: '/cost/chargeback' },
  { key: 'budgets', path: '/cost/budgets' },
] as const;

/** The page heading and the links between the Cost area's pages (the current one marked for screen readers). */
export function CostHeader({ title, intro, actions }: { title: string; intro?: string; actions?: ReactNode }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Box sx={{ mb: 2 }}>
      <Box component="nav" aria-label={t('cost2.area.label')} sx={{ mb: 1, overflowX: 'auto' }}>
        <Stack direction="row" spacing={0.5} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {COST_PAGES.map((p) => {
            const current = pathname === p.path || pathname.startsWith(`${p.path}/`);
            return (
              <li key={p.key}>
                <Button
                  component={RouterLink}
                  to={p.path}
                  size="small"
                  aria-current={current ? 'page' : undefined}
                  data-testid={`cost-nav-${p.key}`}
                  sx={{
                    borderRadius: 0,
                    borderBottom: 2,
                    borderColor: current ? 'primary.main' : 'transparent',
                    fontWeight: current ? 700 : 500,
                  }}
                >
                  {t(`cost2.area.${p.key}`)}
                </Button>
              </li>
            );
          })}
        </Stack>
      </Box>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} justifyContent="space-between" alignItems={{ sm: 'center' }}>
        <Typography variant="h1">{title}</Typography>
        {actions ? <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>{actions}</Stack> : null}
      </Stack>
      {intro ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, maxWidth: 900 }}>
          {intro}
        </Typography>
      ) : null}
    </Box>
  );
}
