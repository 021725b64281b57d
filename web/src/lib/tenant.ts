import type { QueryClient } from '@tanstack/react-query';
import { getActiveTenant, setActiveTenant } from '../api/session';
import type { TenantRef } from '../api/identity';

/**
 * Acts in another tenant: every later call carries X-Cloudwarden-Tenant (none for the home tenant), and
 * the query cache is emptied so that nothing of the previous tenant is shown in the next one.
 */
export function switchTenant(qc: QueryClient, tenantId: string, homeTenantId?: string | null): void {
  setActiveTenant(tenantId, homeTenantId);
  qc.clear();
}

/** The tenant the console acts in: the one chosen in this tab, else the server's answer, else home. */
export function activeTenantId(me: { tenantId?: string; activeTenantId?: string } | undefined): string | undefined {
  return getActiveTenant() ?? me?.activeTenantId ?? me?.tenantId;
}

export interface TenantNode extends TenantRef {
  depth: number;
}

/** The tenants in tree order (each parent before its children), with their depth for indenting. */
export function tenantTree(tenants: readonly TenantRef[]): TenantNode[] {
  const ids = new Set(tenants.map((t) => t.id));
  const children = new Map<string, TenantRef[]>();
  const roots: TenantRef[] = [];
  for (const t of tenants) {
    if (t.parentId && ids.has(t.parentId)) {
      const list = children.get(t.parentId) ?? [];
      list.push(t);
      children.set(t.parentId, list);
    } else roots.push(t);
  }
  const out: TenantNode[] = [];
  const walk = (t: TenantRef, depth: number) => {
    out.push({ ...t, depth });
    for (const c of (children.get(t.id) ?? []).sort((a, b) => a.name.localeCompare(b.name))) walk(c, depth + 1);
  };
  roots.forEach((r) => walk(r, 0));
  return out;
}

/** The kind a new child of a tenant of this kind gets: MSP > CUSTOMER > BUSINESS_UNIT. */
export function childKind(kind: string | undefined): 'CUSTOMER' | 'BUSINESS_UNIT' | null {
  if (kind === 'MSP') return 'CUSTOMER';
  if (kind === 'CUSTOMER') return 'BUSINESS_UNIT';
  return null;
}
