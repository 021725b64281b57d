import type { Me } from '../../api/types';
import { can } from '../../lib/permissions';

export const ADMIN_TABS = ['users', 'roles', 'invitations', 'sso', 'apikeys', 'tenant'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

const NEEDS: Record<AdminTab, string[]> = {
  users: ['identity:read-users'],
  roles: ['identity:read-users'],
  invitations: ['identity:read-users'],
  sso: ['identity:manage-sso'],
  apikeys: ['identity:manage-api-keys'],
  tenant: ['tenant:read'],
};

/** The admin tabs this user may open (all of them when the server does not send permissions). */
export function adminTabsFor(me: Me | undefined): AdminTab[] {
  return ADMIN_TABS.filter((tab) => NEEDS[tab].some((p) => can(me, p)));
}

/** The tab of the URL if allowed, else the first allowed one. */
export function adminTabFrom(param: string | null, allowed: readonly AdminTab[]): AdminTab | undefined {
  return allowed.find((t) => t === param) ?? allowed[0];
}
