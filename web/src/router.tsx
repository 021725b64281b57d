import { lazy, Suspense, useSyncExternalStore, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { getToken, subscribeSession } from './api/session';
import { setUnauthorizedHandler } from './api/client';
import { useMe } from './api/queries';
import { AppShell } from './shell/AppShell';
import { PageSkeleton } from './components/States';
import { queryClient } from './queryClient';
import type { AreaId } from './shell/areas';

const LoginPage = lazy(() => import('./pages/login/LoginPage'));
const OverviewPage = lazy(() => import('./pages/overview/OverviewPage'));
const InventoryPage = lazy(() => import('./pages/inventory/InventoryPage'));
const ResourcePage = lazy(() => import('./pages/resource/ResourcePage'));
const AccountsPage = lazy(() => import('./pages/accounts/AccountsPage'));
const AddAccountPage = lazy(() => import('./pages/accounts/AddAccountPage'));
const AccountPage = lazy(() => import('./pages/accounts/AccountPage'));
const CostExplorerPage = lazy(() => import('./pages/cost/ExplorerPage'));
const CostImportsPage = lazy(() => import('./pages/cost/ImportsPage'));
const CostImportPage = lazy(() => import('./pages/cost/ImportPage'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage'));
const NotFound = lazy(() => import('./pages/NotFound'));

function useToken(): string | null {
  return useSyncExternalStore(subscribeSession, getToken, getToken);
}

function RequireAuth({ children }: { children: ReactNode }) {
  const token = useToken();
  const location = useLocation();
  if (!token) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

/** A page of an area the server does not list for this user is not there. */
function RequireArea({ area, children }: { area: AreaId; children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return <PageSkeleton />;
  if (me.data && !(me.data.areas ?? []).map((a) => a.toLowerCase()).includes(area)) return <NotFound />;
  return <>{children}</>;
}

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={null}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <RequireArea area="overview"><OverviewPage /></RequireArea> },
      { path: 'inventory', element: <RequireArea area="inventory"><InventoryPage /></RequireArea> },
      { path: 'inventory/:id', element: <RequireArea area="inventory"><ResourcePage /></RequireArea> },
      { path: 'accounts', element: <RequireArea area="accounts"><AccountsPage /></RequireArea> },
      { path: 'accounts/new', element: <RequireArea area="accounts"><AddAccountPage /></RequireArea> },
      { path: 'accounts/:id', element: <RequireArea area="accounts"><AccountPage /></RequireArea> },
      { path: 'cost', element: <Navigate to="/cost/explorer" replace /> },
      { path: 'cost/explorer', element: <RequireArea area="cost"><CostExplorerPage /></RequireArea> },
      { path: 'cost/imports', element: <RequireArea area="cost"><CostImportsPage /></RequireArea> },
      { path: 'cost/imports/:id', element: <RequireArea area="cost"><CostImportPage /></RequireArea> },
      { path: 'audit', element: <RequireArea area="audit"><AuditPage /></RequireArea> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

setUnauthorizedHandler(() => {
  queryClient.clear();
  const { pathname, search } = window.location;
  if (pathname !== '/login') void router.navigate('/login', { replace: true, state: { from: pathname + search } });
});
