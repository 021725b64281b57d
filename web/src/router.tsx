import { lazy, Suspense, useSyncExternalStore, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { getToken, subscribeSession } from './api/session';
import { setUnauthorizedHandler } from './api/client';
import { useMe } from './api/queries';
import { AppShell } from './shell/AppShell';
import { PageSkeleton } from './components/States';
import { queryClient } from './queryClient';
import { areaAllowed, type AreaId } from './shell/areas';
import { identityOf } from './lib/permissions';

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
const publicPages = () => import('./pages/login/PublicPages');
const SsoCallbackPage = lazy(() => publicPages().then((m) => ({ default: m.SsoCallbackPage })));
const ResetRequestPage = lazy(() => publicPages().then((m) => ({ default: m.ResetRequestPage })));
const ResetConfirmPage = lazy(() => publicPages().then((m) => ({ default: m.ResetConfirmPage })));
const SignupPage = lazy(() => publicPages().then((m) => ({ default: m.SignupPage })));
const VerifyEmailPage = lazy(() => publicPages().then((m) => ({ default: m.VerifyEmailPage })));
const InvitePage = lazy(() => publicPages().then((m) => ({ default: m.InvitePage })));
const ProfilePage = lazy(() => import('./pages/profile/ProfilePage'));
const AdminPage = lazy(() => import('./pages/admin/AdminPage'));
const AccessPage = lazy(() => import('./pages/access/AccessPage'));
const ReviewPage = lazy(() => import('./pages/access/ReviewPage'));
const AllocationPage = lazy(() => import('./pages/cost/allocation/AllocationPage'));
const ChargebackPage = lazy(() => import('./pages/cost/chargeback/ChargebackPage'));
const BudgetsPage = lazy(() => import('./pages/cost/budgets/BudgetsPage'));
const BudgetPage = lazy(() => import('./pages/cost/budgets/BudgetPage'));

/** A page reachable without a session. */
function publicRoute(path: string, page: ReactNode) {
  return { path, element: <Suspense fallback={null}>{page}</Suspense> };
}

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
  if (me.data && !areaAllowed(area, me.data.areas, identityOf(me.data)?.permissions)) return <NotFound />;
  return <>{children}</>;
}

export const router = createBrowserRouter([
  publicRoute('/login', <LoginPage />),
  publicRoute('/login/sso', <SsoCallbackPage />),
  publicRoute('/login/reset', <ResetRequestPage />),
  publicRoute('/login/reset/confirm', <ResetConfirmPage />),
  publicRoute('/signup', <SignupPage />),
  publicRoute('/verify-email', <VerifyEmailPage />),
  publicRoute('/invite/:token', <InvitePage />),
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
      { path: 'cost/allocation', element: <RequireArea area="cost"><AllocationPage /></RequireArea> },
      { path: 'cost/chargeback', element: <RequireArea area="cost"><ChargebackPage /></RequireArea> },
      { path: 'cost/budgets', element: <RequireArea area="cost"><BudgetsPage /></RequireArea> },
      { path: 'cost/budgets/:id', element: <RequireArea area="cost"><BudgetPage /></RequireArea> },
      { path: 'profile', element: <ProfilePage /> },
      { path: 'admin', element: <RequireArea area="admin"><AdminPage /></RequireArea> },
      { path: 'access', element: <RequireArea area="access"><AccessPage /></RequireArea> },
      { path: 'access/reviews/:id', element: <RequireArea area="access"><ReviewPage /></RequireArea> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

setUnauthorizedHandler(() => {
  queryClient.clear();
  const { pathname, search } = window.location;
  if (pathname !== '/login') void router.navigate('/login', { replace: true, state: { from: pathname + search } });
});
