import type { SsoPreset, SsoProvider, SsoProviderInput } from '../../api/identity';

export const PRESETS: SsoPreset[] = ['ENTRA', 'GOOGLE', 'OKTA', 'GENERIC', 'GITHUB'];

/** What choosing a preset fills in: the kind, an issuer template, scopes and the groups claim. */
export function applyPreset(p: SsoProvider, preset: SsoPreset): SsoProvider {
  const base = { ...p, preset };
  switch (preset) {
    case 'ENTRA':
      return { ...base, kind: 'OIDC', issuer: 'https://login.microsoftonline.com/<tenant-id>/v2.0', scopes: 'openid profile email', groupsClaim: 'groups' };
    case 'GOOGLE':
      return { ...base, kind: 'OIDC', issuer: 'https://accounts.google.com', scopes: 'openid profile email', groupsClaim: '' };
    case 'OKTA':
      return { ...base, kind: 'OIDC', issuer: 'https://<org>.okta.com', scopes: 'openid profile email groups', groupsClaim: 'groups' };
    case 'GITHUB':
      return { ...base, kind: 'GITHUB', issuer: '', scopes: 'read:user user:email read:org', groupsClaim: 'teams' };
    default:
      return { ...base, kind: 'OIDC' };
  }
}

export function emptyProvider(): SsoProvider {
  return applyPreset({ name: '', kind: 'OIDC', preset: 'GENERIC', clientId: '', clientSecret: '', enabled: true, roleMappings: [] }, 'GENERIC');
}

/**
 * The body to send: only the members the server takes (not the view's id, redirectUri, ...), the secret only
 * when typed (empty on an edit keeps the stored one), scopes as a list.
 */
export function providerBody(p: SsoProvider): SsoProviderInput {
  const scopes = Array.isArray(p.scopes) ? p.scopes : (p.scopes ?? '').split(/[\s,]+/).filter(Boolean);
  return {
    name: p.name,
    kind: p.kind,
    preset: p.preset,
    issuer: p.issuer,
    clientId: p.clientId,
    scopes,
    groupsClaim: p.groupsClaim,
    defaultRole: p.defaultRole,
    enabled: p.enabled,
    roleMappings: p.roleMappings.filter((m) => m.claim.trim() && m.value.trim() && m.role),
    ...(p.clientSecret ? { clientSecret: p.clientSecret } : {}),
  };
}
