import { describe, expect, it } from 'vitest';
import { areaAllowed, visibleAreas } from './areas';

const ids = (a: { id: string }[]) => a.map((x) => x.id);

describe('area gating', () => {
  it('shows admin and access only when the server lists them', () => {
    expect(ids(visibleAreas(['overview', 'inventory']))).toEqual(['overview', 'inventory']);
    expect(ids(visibleAreas(['overview', 'admin', 'access']))).toEqual(['overview', 'access', 'admin']);
  });

  it('also asks the permissions when the server sends them', () => {
    expect(ids(visibleAreas(['admin', 'access'], ['self:manage']))).toEqual([]);
    expect(ids(visibleAreas(['admin', 'access'], ['tenant:read']))).toEqual(['admin']);
    expect(ids(visibleAreas(['admin', 'access'], ['identity:read-users', 'access:request']))).toEqual(['access', 'admin']);
    // an area without a permission rule is governed by the server's list alone
    expect(areaAllowed('inventory', ['inventory'], ['self:manage'])).toBe(true);
    expect(areaAllowed('admin', ['overview'], ['identity:read-users'])).toBe(false);
  });

  it('shows the cost area with cost:read', () => {
    expect(ids(visibleAreas(['overview', 'cost'], ['cost:read']))).toEqual(['overview', 'cost']);
    expect(ids(visibleAreas(['overview', 'cost'], ['inventory:read']))).toEqual(['overview']);
  });
});
