import { Box, Tab, Tabs, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/identity';
import { useMe } from '../../api/queries';
import { ApiKeysPanel } from '../../components/ApiKeysPanel';
import { EmptyState, PageSkeleton } from '../../components/States';
import { useUrlState } from '../../hooks/useUrlState';
import { can, identityOf } from '../../lib/permissions';
import { activeTenantId } from '../../lib/tenant';
import { useRoleKeys } from './adminQueries';
import { adminTabFrom, adminTabsFor, type AdminTab } from './adminTabs';
import InvitationsTab from './InvitationsTab';
import RolesTab from './RolesTab';
import SsoTab from './SsoTab';
import TenantTab from './TenantTab';
import UsersTab from './UsersTab';

function TenantApiKeys() {
  const roles = useRoleKeys();
  return (
    <ApiKeysPanel
      source={{ queryKey: ['admin', 'api-keys'], list: adminApi.apiKeys, create: adminApi.createApiKey, revoke: adminApi.revokeApiKey }}
      roleOptions={roles}
      showCreatedBy
    />
  );
}

/** /admin?tab=users|roles|invitations|sso|apikeys|tenant: the tenant's identity administration. */
export default function AdminPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, update] = useUrlState();
  if (me.isPending) return <PageSkeleton />;
  const tabs = adminTabsFor(me.data);
  const tab = adminTabFrom(params.get('tab'), tabs);
  const canManageUsers = can(me.data, 'identity:manage-users');

  return (
    <Box>
      <Typography variant="h1" sx={{ mb: 2 }}>{t('identity.admin.title')}</Typography>
      {!tab ? (
        <EmptyState>{t('identity.admin.nothing')}</EmptyState>
      ) : (
        <>
          <Tabs
            value={tab}
            onChange={(_, v: AdminTab) =>
              update((p) => {
                for (const k of ['tab', 'q', 'status', 'role', 'c']) p.delete(k);
                if (v !== tabs[0]) p.set('tab', v);
              })
            }
            variant="scrollable"
            allowScrollButtonsMobile
            aria-label={t('identity.admin.tabs.label')}
            sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
          >
            {tabs.map((k) => (
              <Tab key={k} value={k} label={t(`identity.admin.tabs.${k}`)} id={`admin-tab-${k}`} aria-controls={`admin-panel-${k}`} data-testid={`admin-tab-${k}`} />
            ))}
          </Tabs>
          <Box role="tabpanel" id={`admin-panel-${tab}`} aria-labelledby={`admin-tab-${tab}`}>
            {tab === 'users' && <UsersTab canManage={canManageUsers} />}
            {tab === 'roles' && <RolesTab canManage={can(me.data, 'identity:manage-roles')} />}
            {tab === 'invitations' && <InvitationsTab canManage={canManageUsers} />}
            {tab === 'sso' && <SsoTab />}
            {tab === 'apikeys' && <TenantApiKeys />}
            {tab === 'tenant' && (
              <TenantTab
                canEdit={can(me.data, 'tenant:manage-settings')}
                canManageChildren={can(me.data, 'tenant:manage-children')}
                activeTenantId={activeTenantId(identityOf(me.data))}
              />
            )}
          </Box>
        </>
      )}
    </Box>
  );
}
