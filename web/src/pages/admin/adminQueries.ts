import { useQuery } from '@tanstack/react-query';
import { adminApi, BUILT_IN_ROLES, type PermissionView } from '../../api/identity';

export function useRoles() {
  return useQuery({ queryKey: ['admin', 'roles'], queryFn: adminApi.roles, staleTime: 60_000 });
}

/** The keys of the tenant's roles; the built-in ones while they load or if the list cannot be read. */
export function useRoleKeys(): string[] {
  const roles = useRoles();
  return roles.data?.map((r) => r.key) ?? [...BUILT_IN_ROLES];
}

export function usePermissions() {
  return useQuery({ queryKey: ['admin', 'permissions'], queryFn: adminApi.permissions, staleTime: 5 * 60_000 });
}

/** Permissions grouped by area: the part of the key before the colon (`identity:read-users` -> `identity`). */
export function groupPermissions(perms: readonly PermissionView[]): [string, PermissionView[]][] {
  const groups = new Map<string, PermissionView[]>();
  for (const p of perms) {
    const area = p.key.includes(':') ? p.key.slice(0, p.key.indexOf(':')) : 'other';
    groups.set(area, [...(groups.get(area) ?? []), p]);
  }
  return [...groups.entries()];
}

/** A custom role's key from its name: `custom:` and a slug. */
export function customRoleKey(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `custom:${slug || 'role'}`;
}
