import { afterEach, describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { activeTenantId, childKind, switchTenant, tenantTree } from './tenant';
import { clearSession, getActiveTenant, tenantHeaders } from '../api/session';

afterEach(() => clearSession());

describe('tenants', () => {
  it('switching sets the header for a non-home tenant and empties the query cache', () => {
    const qc = new QueryClient();
    qc.setQueryData(['resources'], [1, 2, 3]);
    switchTenant(qc, 'child', 'home');
    expect(tenantHeaders()).toEqual({ 'X-Cloudwarden-Tenant': 'child' });
    expect(qc.getQueryData(['resources'])).toBeUndefined();
    expect(activeTenantId({ tenantId: 'home' })).toBe('child');
    switchTenant(qc, 'home', 'home');
    expect(getActiveTenant()).toBeNull();
    expect(tenantHeaders()).toEqual({});
    expect(activeTenantId({ tenantId: 'home', activeTenantId: 'server' })).toBe('server');
  });

  it('orders the tree parent first with depths', () => {
    const tree = tenantTree([
      { id: 'bu', name: 'BU', kind: 'BUSINESS_UNIT', parentId: 'c1' },
      { id: 'msp', name: 'MSP', kind: 'MSP' },
      { id: 'c2', name: 'Zeta', kind: 'CUSTOMER', parentId: 'msp' },
      { id: 'c1', name: 'Acme', kind: 'CUSTOMER', parentId: 'msp' },
    ]);
    expect(tree.map((n) => `${n.depth}:${n.name}`)).toEqual(['0:MSP', '1:Acme', '2:BU', '1:Zeta']);
  });

  it('knows which kind a child gets', () => {
    expect(childKind('MSP')).toBe('CUSTOMER');
    expect(childKind('CUSTOMER')).toBe('BUSINESS_UNIT');
    expect(childKind('BUSINESS_UNIT')).toBeNull();
  });
});
