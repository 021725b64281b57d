import { Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import {
  AppBar,
  Box,
  Drawer,
  IconButton,
  Link,
  Toolbar,
  Tooltip,
  Typography,
  useMediaQuery,
  useTheme,
} from '@mui/material';
import MenuIcon from '@mui/icons-material/Menu';
import FiberManualRecordIcon from '@mui/icons-material/FiberManualRecord';
import { Link as RouterLink, Outlet, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/queries';
import { clearSession, getActiveTenant, getRefreshToken, setActiveTenant, subscribeSession } from '../api/session';
import { authApi } from '../api/identity';
import { ApiError } from '../api/errors';
import { activeTenantId, switchTenant } from '../lib/tenant';
import { useEventStream, type StreamStatus } from '../hooks/useEventStream';
import { ErrorState, PageSkeleton } from '../components/States';
import { GlobalSearch } from './GlobalSearch';
import { NavList } from './NavList';
import { Notifications } from './Notifications';
import { TenantSwitcher } from './TenantSwitcher';
import { UserMenu } from './UserMenu';
import { visibleAreas } from './areas';
import { identityOf } from '../lib/permissions';

const DRAWER_WIDTH = 232;

function LiveIndicator({ status }: { status: StreamStatus }) {
  const { t } = useTranslation();
  const label = t(`topbar.live.${status}`);
  const color = status === 'open' ? '#66bb6a' : status === 'closed' ? '#9e9e9e' : '#ffb74d';
  return (
    <Tooltip title={label}>
      <Box
        role="status"
        aria-label={label}
        data-testid="live-status"
        data-status={status}
        sx={{ display: { xs: 'none', sm: 'flex' }, alignItems: 'center', px: 0.5 }}
      >
        <FiberManualRecordIcon sx={{ fontSize: 12, color }} aria-hidden />
      </Box>
    </Tooltip>
  );
}

export function AppShell() {
  const { t } = useTranslation();
  const theme = useTheme();
  const desktop = useMediaQuery(theme.breakpoints.up('md'), { noSsr: true });
  const [mobileOpen, setMobileOpen] = useState(false);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useMe();
  const username = me.data?.username ?? '';

  const perms = identityOf(me.data);
  const activeOverride = useSyncExternalStore(subscribeSession, getActiveTenant, getActiveTenant);
  const live = useEventStream(true, undefined, activeOverride ?? '');
  const active = activeTenantId(perms);
  const tenants = perms?.tenants ?? me.data?.tenants ?? [];
  const activeName = tenants.find((tn) => tn.id === active)?.name ?? me.data?.tenantName;

  // a remembered tenant the user may no longer act in: back to the home tenant
  useEffect(() => {
    if (me.error instanceof ApiError && me.error.code === 'TENANT_NOT_ACCESSIBLE' && getActiveTenant()) {
      setActiveTenant(null);
      qc.clear();
      void me.refetch();
    }
  }, [me, qc]);

  const logout = () => {
    const refreshToken = getRefreshToken();
    // the server ends the session (its refresh token family, its access tokens denylisted); the tab forgets it anyway
    if (refreshToken) void authApi.logout(refreshToken).catch(() => undefined);
    clearSession();
    qc.clear();
    navigate('/login', { replace: true });
  };

  const areas = visibleAreas(me.data?.areas, perms?.permissions);

  const nav = (
    <Box component="nav" aria-label={t('nav.label')} sx={{ overflowY: 'auto' }}>
      <NavList areas={areas} onNavigate={desktop ? undefined : () => setMobileOpen(false)} />
    </Box>
  );

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <Link
        href="#main"
        sx={{
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: (th) => th.zIndex.tooltip + 1,
          bgcolor: 'background.paper',
          color: 'primary.main',
          p: 1,
          borderRadius: 1,
          '&:focus': { top: 8 },
        }}
      >
        {t('app.skipToContent')}
      </Link>
      <AppBar
        component="header"
        position="fixed"
        elevation={0}
        enableColorOnDark
        // the bar's own dark colours in both modes, so its text is white in both (the dark theme's primary is a light
        // blue whose contrast text is black: black on #1b2330 was unreadable)
        sx={{ zIndex: (th) => th.zIndex.drawer + 1, bgcolor: theme.palette.mode === 'dark' ? '#1b2330' : '#0d3c78', color: '#fff' }}
      >
        <Toolbar sx={{ gap: { xs: 0.5, sm: 1.5 } }}>
          {!desktop && (
            <IconButton
              color="inherit"
              edge="start"
              aria-label={t('nav.openMenu')}
              aria-expanded={mobileOpen}
              aria-controls="nav-drawer"
              onClick={() => setMobileOpen(true)}
              data-testid="menu-button"
            >
              <MenuIcon />
            </IconButton>
          )}
          <Typography
            component={RouterLink}
            to="/"
            variant="h6"
            noWrap
            sx={{ color: 'inherit', textDecoration: 'none', fontWeight: 700, display: { xs: 'none', sm: 'block' } }}
          >
            {t('app.name')}
          </Typography>
          <TenantSwitcher
            tenantId={active}
            tenantName={activeName}
            tenants={tenants}
            onSwitch={(id) => {
              switchTenant(qc, id, me.data?.tenantId);
              // stay in the area, but leave a detail page: its object belongs to the previous tenant
              navigate('/' + (window.location.pathname.split('/')[1] ?? ''));
            }}
          />
          <Box sx={{ flex: 1, display: 'flex', justifyContent: 'center', minWidth: 0 }}>
            <GlobalSearch />
          </Box>
          <LiveIndicator status={live} />
          <Notifications />
          <UserMenu username={username} onLogout={logout} />
        </Toolbar>
      </AppBar>

      {desktop ? (
        <Drawer
          variant="permanent"
          sx={{
            width: DRAWER_WIDTH,
            flexShrink: 0,
            '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' },
          }}
        >
          <Toolbar />
          {nav}
        </Drawer>
      ) : (
        <Drawer
          id="nav-drawer"
          variant="temporary"
          open={mobileOpen}
          onClose={() => setMobileOpen(false)}
          ModalProps={{ keepMounted: true }}
          sx={{ zIndex: (th) => th.zIndex.modal, '& .MuiDrawer-paper': { width: DRAWER_WIDTH } }}
        >
          <Toolbar>
            <Typography variant="h6" component="p" sx={{ fontWeight: 700 }}>
              {t('app.name')}
            </Typography>
          </Toolbar>
          {nav}
        </Drawer>
      )}

      <Box
        component="main"
        id="main"
        tabIndex={-1}
        sx={{ flex: 1, minWidth: 0, p: { xs: 1.5, sm: 2, md: 3 }, outline: 'none' }}
      >
        <Toolbar />
        {me.isError ? (
          <ErrorState error={me.error} onRetry={() => void me.refetch()} />
        ) : (
          <Suspense fallback={<PageSkeleton />}>
            <Outlet key={activeOverride ?? 'home'} />
          </Suspense>
        )}
      </Box>
    </Box>
  );
}
