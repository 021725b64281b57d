import type { Me } from '../api/types';
import type { MeIdentity } from '../api/identity';

/** GET /api/v1/me with the members issue 3 adds (permissions, tenants with kind and parent, active tenant, MFA). */
export type MeFull = Omit<Me, 'tenants'> & MeIdentity;

export function identityOf(me: Me | undefined): MeFull | undefined {
  return me as MeFull | undefined;
}

/**
 * Whether the user holds a permission. Without a `permissions` list (a server before issue 3) the
 * answer is `fallback`: the server still refuses what is not allowed, the console only hides less.
 */
export function can(me: Me | undefined, permission: string, fallback = true): boolean {
  const perms = identityOf(me)?.permissions;
  return perms ? perms.includes(permission) : fallback;
}
