import { describe, expect, it } from 'vitest';
import { customRoleKey, groupPermissions } from './adminQueries';
import { adminTabFrom, adminTabsFor } from './adminTabs';
import { applyPreset, emptyProvider, providerBody } from './ssoPresets';
import { isCidr } from './TenantTab';
import { userActions } from './UsersTab';
import type { Me } from '../../api/types';

describe('admin logic', () => {
  it('offers the tabs the permissions allow, all of them without a permissions list', () => {
    expect(adminTabsFor({ permissions: ['tenant:read'] } as unknown as Me)).toEqual(['tenant']);
    expect(adminTabsFor({} as Me)).toHaveLength(6);
    expect(adminTabFrom('sso', ['users', 'sso'])).toBe('sso');
    expect(adminTabFrom('sso', ['users'])).toBe('users');
  });

  it('groups permissions by area and slugs custom role keys', () => {
    const groups = groupPermissions([
      { key: 'identity:read-users', description: '' },
      { key: 'cost:read', description: '' },
      { key: 'identity:manage-roles', description: '' },
    ]);
    expect(groups.map(([a, l]) => `${a}:${l.length}`)).toEqual(['identity:2', 'cost:1']);
    expect(customRoleKey('Cost Reviewers (EU)')).toBe('custom:cost-reviewers-eu');
    expect(customRoleKey('Prüfer')).toBe('custom:prufer');
  });

  it('fills presets and never sends an empty secret', () => {
    const entra = applyPreset(emptyProvider(), 'ENTRA');
    expect(entra.kind).toBe('OIDC');
    expect(applyPreset(entra, 'GITHUB').kind).toBe('GITHUB');
    const body = providerBody({ ...entra, name: 'x', clientId: 'c', clientSecret: '', scopes: 'openid  email', roleMappings: [{ claim: 'groups', value: '', role: 'ADMIN' }, { claim: 'groups', value: 'ops', role: 'OPERATOR' }] });
    expect(body).not.toHaveProperty('clientSecret');
    expect(body.scopes).toEqual(['openid', 'email']);
    expect(body.roleMappings).toEqual([{ claim: 'groups', value: 'ops', role: 'OPERATOR' }]);
    expect(providerBody({ ...entra, clientSecret: 's3cret' }).clientSecret).toBe('s3cret');
  });

  it('accepts IP addresses and CIDR blocks only', () => {
    for (const ok of ['10.0.0.0/8', '192.168.1.7', '2001:db8::/32', '::1']) expect(isCidr(ok), ok).toBe(true);
    for (const bad of ['10.0.0.0/33', '300.1.1.1', 'example.com', '10.0.0.0/8/1', '']) expect(isCidr(bad), bad).toBe(false);
  });

  it('offers the actions a user status allows', () => {
    expect(userActions('ACTIVE')).toEqual(['deactivate']);
    expect(userActions('LOCKED')).toEqual(['unlock', 'deactivate']);
    expect(userActions('DEACTIVATED')).toEqual(['reactivate']);
    expect(userActions('INVITED')).toEqual([]);
  });
});
