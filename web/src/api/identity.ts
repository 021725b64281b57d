// The identity API (issue 3): calls, and the types of its bodies taken from the generated schema
// (src/api/schema.d.ts, from openapi.json). springdoc marks no member as required, so `Shape` states which
// members the server always sends (non-null) and leaves the rest optional and nullable; a member the server
// drops or renames is then a type error here and in every page that reads it.
import { rawJson } from './client';
import type { components } from './schema';
import type { TokenResponse } from './session';

export type { TokenResponse };

type S = components['schemas'];

/** A generated schema with the members in `R` always present; the others optional and nullable. */
export type Shape<T, R extends keyof T = never> = { [K in R]-?: NonNullable<T[K]> } & {
  [K in Exclude<keyof T, R>]?: T[K] | null;
};

// --- public ------------------------------------------------------------------------------------

export type LoginRequest = Shape<S['LoginRequest'], 'username' | 'password'>;

export type MfaRequest = { mfaToken: string; code: string } | { mfaToken: string; recoveryCode: string };

export type SsoProviderOption = Shape<S['PublicProvider'], 'id' | 'name' | 'kind'>;

export type InvitationView = Shape<S['InvitationPreview'], 'email' | 'tenantName' | 'roles' | 'expiresAt'>;

const enc = encodeURIComponent;

export const authApi = {
  login: (body: LoginRequest) => rawJson<TokenResponse>('/api/v1/auth/login', { body }),
  loginMfa: (body: MfaRequest) => rawJson<TokenResponse>('/api/v1/auth/login/mfa', { body }),
  logout: (refreshToken: string) => rawJson<void>('/api/v1/auth/logout', { body: { refreshToken } }),
  signup: (body: { tenantId: string; email: string; password: string; displayName: string }) =>
    rawJson<void>('/api/v1/auth/signup', { body }),
  verifyEmail: (token: string) => rawJson<void>('/api/v1/auth/verify-email', { body: { token } }),
  requestReset: (email: string) => rawJson<void>('/api/v1/auth/password-reset', { body: { email } }),
  confirmReset: (token: string, newPassword: string) =>
    rawJson<void>('/api/v1/auth/password-reset/confirm', { body: { token, newPassword } }),
  invitation: (token: string) => rawJson<InvitationView>(`/api/v1/auth/invitations/${enc(token)}`),
  acceptInvitation: (token: string, body: { password: string; displayName: string }) =>
    rawJson<TokenResponse>(`/api/v1/auth/invitations/${enc(token)}/accept`, { body }),
  ssoProviders: (tenant: string) => rawJson<SsoProviderOption[]>(`/api/v1/auth/sso/providers?tenant=${enc(tenant)}`),
  ssoExchange: (code: string) => rawJson<TokenResponse>('/api/v1/auth/sso/exchange', { body: { code } }),
};

/** Where an SSO button goes (a full-page navigation: the server answers with a redirect to the IdP). */
export function ssoStartUrl(providerId: string, redirect: string): string {
  return `/api/v1/auth/sso/${enc(providerId)}/start?redirect=${enc(redirect)}`;
}

// --- self service ------------------------------------------------------------------------------

export type SessionView = Shape<S['SessionView'], 'id' | 'createdAt' | 'current'>;

/** `qrPng` is a data: URI of a PNG. */
export type TotpEnrolment = Shape<S['Enrolment'], 'secret' | 'otpauthUri' | 'qrPng'>;

/** The server declares this answer as a map of string lists; its one member is `recoveryCodes`. */
export interface RecoveryCodes {
  recoveryCodes: string[];
}

export type ApiKey = Shape<S['KeyView'], 'id' | 'name' | 'roles' | 'prefix' | 'createdAt'>;

export type ApiKeyCreate = Shape<S['CreateRequest'], 'name' | 'roles'>;

/** The answer to a key creation: the only time the secret `key` is shown. */
export type ApiKeyCreated = Shape<S['CreatedView'], 'id' | 'name' | 'roles' | 'prefix' | 'key'>;

/** The MFA enrolment endpoints accept the enrolment token of a login that requires MFA first. */
function enrolAuth(enrolmentToken?: string): Record<string, string> | undefined {
  return enrolmentToken ? { Authorization: `Bearer ${enrolmentToken}` } : undefined;
}

export const meApi = {
  sessions: () => rawJson<SessionView[]>('/api/v1/me/sessions'),
  revokeSession: (id: string) => rawJson<void>(`/api/v1/me/sessions/${enc(id)}`, { method: 'DELETE' }),
  startTotp: (enrolmentToken?: string) =>
    rawJson<TotpEnrolment>('/api/v1/me/mfa/totp', { method: 'POST', headers: enrolAuth(enrolmentToken) }),
  confirmTotp: (code: string, enrolmentToken?: string) =>
    rawJson<RecoveryCodes>('/api/v1/me/mfa/totp/confirm', { body: { code }, headers: enrolAuth(enrolmentToken) }),
  disableMfa: (code: string) => rawJson<void>('/api/v1/me/mfa', { method: 'DELETE', body: { code } }),
  regenerateRecoveryCodes: (code: string) => rawJson<RecoveryCodes>('/api/v1/me/mfa/recovery-codes', { body: { code } }),
  changePassword: (currentPassword: string, newPassword: string) =>
    rawJson<void>('/api/v1/me/password', { body: { currentPassword, newPassword } }),
  apiKeys: () => rawJson<ApiKey[]>('/api/v1/me/api-keys'),
  createApiKey: (body: ApiKeyCreate) => rawJson<ApiKeyCreated>('/api/v1/me/api-keys', { body }),
  revokeApiKey: (id: string) => rawJson<void>(`/api/v1/me/api-keys/${enc(id)}`, { method: 'DELETE' }),
};

/** The identity members of GET /api/v1/me (issue 3); `roles` are the signed-in token's role keys. */
export type MeIdentity = Shape<Pick<S['Me'], 'permissions' | 'roles' | 'activeTenantId' | 'mfaEnabled'>> & { tenants?: TenantRef[] };

// --- tenant administration ---------------------------------------------------------------------

export type TenantKind = 'MSP' | 'CUSTOMER' | 'BUSINESS_UNIT';

/** A tenant of /api/v1/tenants (with createdAt) or of /me's `tenants` (without). */
export type TenantRef = Shape<S['TenantView'], 'id' | 'name'>;

/** dataRetention members are null while the tenant uses the installation's default. */
export type TenantSettings = Shape<Omit<S['SettingsView'], 'dataRetention'>,
  'mfaRequired' | 'sessionLifetimeMinutes' | 'selfSignupEnabled' | 'allowedSsoProviders' | 'ipAllowList'> & {
  dataRetention: Shape<S['Retention']>;
};

export type UserStatus = 'ACTIVE' | 'INVITED' | 'DEACTIVATED' | 'LOCKED';

export type User = Shape<Omit<S['UserView'], 'status'>, 'id' | 'username' | 'roles' | 'mfaEnabled' | 'createdAt'> & {
  status: UserStatus;
};

export interface CursorPage<T> {
  items: T[];
  nextCursor?: string | null;
}

export interface UserQuery {
  q?: string;
  status?: string;
  role?: string;
  cursor?: string;
  limit?: number;
}

/** status: PENDING, ACCEPTED, REVOKED or EXPIRED */
export type Invitation = Shape<S['InvitationView'], 'id' | 'email' | 'roles' | 'expiresAt' | 'status'>;

export type PermissionView = Shape<S['PermissionView'], 'key' | 'description'>;

export type Role = Shape<S['RoleView'], 'key' | 'name' | 'builtIn' | 'permissions'>;

export type RoleInput = Shape<S['RoleCommand'], 'name' | 'description' | 'permissions'>;

export type SsoPreset = 'ENTRA' | 'GOOGLE' | 'OKTA' | 'GENERIC' | 'GITHUB';

export type RoleMapping = Shape<S['RoleMapping'], 'claim' | 'value' | 'role'>;

export type SsoKind = 'OIDC' | 'GITHUB';

/** A provider as the list answers it: never the secret; `redirectUri` is what to register with the IdP. */
export type SsoProviderView = Shape<Omit<S['ProviderView'], 'kind' | 'preset' | 'roleMappings'>,
  'id' | 'name' | 'clientId' | 'scopes' | 'enabled' | 'clientSecretSet' | 'redirectUri'> & {
  kind: SsoKind;
  preset: SsoPreset;
  roleMappings: RoleMapping[];
};

/** The create/update body: `clientSecret` is write-only (absent on an update keeps the stored one). */
export type SsoProviderInput = Shape<Omit<S['ProviderInput'], 'kind' | 'preset' | 'roleMappings'>, 'name' | 'clientId' | 'scopes' | 'enabled'> & {
  kind: SsoKind;
  preset: SsoPreset;
  roleMappings: RoleMapping[];
};

/** The editor's state: a body with the scopes as typed (space separated), plus the id of an edited provider. */
export type SsoProvider = Omit<SsoProviderInput, 'scopes'> & { id?: string; scopes?: string | string[] | null; redirectUri?: string | null };

/** Builds a query string of the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const adminApi = {
  tenants: () => rawJson<TenantRef[]>('/api/v1/tenants'),
  createTenant: (body: { name: string; kind: TenantKind }) => rawJson<TenantRef>('/api/v1/tenants', { body }),
  renameTenant: (id: string, name: string) => rawJson<TenantRef>(`/api/v1/tenants/${enc(id)}`, { method: 'PATCH', body: { name } }),
  settings: () => rawJson<TenantSettings>('/api/v1/tenant/settings'),
  saveSettings: (body: TenantSettings) => rawJson<TenantSettings>('/api/v1/tenant/settings', { method: 'PUT', body }),
  users: (q: UserQuery) => rawJson<CursorPage<User>>(`/api/v1/users${query({ ...q })}`),
  user: (id: string) => rawJson<User>(`/api/v1/users/${enc(id)}`),
  updateUser: (id: string, body: { displayName?: string; roles?: string[] }) =>
    rawJson<User>(`/api/v1/users/${enc(id)}`, { method: 'PATCH', body }),
  userAction: (id: string, action: 'deactivate' | 'reactivate' | 'unlock') =>
    rawJson<void>(`/api/v1/users/${enc(id)}/${action}`, { method: 'POST' }),
  invitations: () => rawJson<Invitation[]>('/api/v1/invitations'),
  invite: (body: { email: string; roles: string[]; displayName?: string }) => rawJson<Invitation>('/api/v1/invitations', { body }),
  revokeInvitation: (id: string) => rawJson<void>(`/api/v1/invitations/${enc(id)}`, { method: 'DELETE' }),
  permissions: () => rawJson<PermissionView[]>('/api/v1/permissions'),
  roles: () => rawJson<Role[]>('/api/v1/roles'),
  createRole: (body: RoleInput) => rawJson<Role>('/api/v1/roles', { body }),
  updateRole: (key: string, body: RoleInput) => rawJson<Role>(`/api/v1/roles/${enc(key)}`, { method: 'PUT', body }),
  deleteRole: (key: string) => rawJson<void>(`/api/v1/roles/${enc(key)}`, { method: 'DELETE' }),
  ssoProviders: () => rawJson<SsoProviderView[]>('/api/v1/sso/providers'),
  createSso: (body: SsoProviderInput) => rawJson<SsoProviderView>('/api/v1/sso/providers', { body }),
  updateSso: (id: string, body: SsoProviderInput) => rawJson<SsoProviderView>(`/api/v1/sso/providers/${enc(id)}`, { method: 'PUT', body }),
  deleteSso: (id: string) => rawJson<void>(`/api/v1/sso/providers/${enc(id)}`, { method: 'DELETE' }),
  apiKeys: () => rawJson<ApiKey[]>('/api/v1/api-keys'),
  createApiKey: (body: ApiKeyCreate) => rawJson<ApiKeyCreated>('/api/v1/api-keys', { body }),
  revokeApiKey: (id: string) => rawJson<void>(`/api/v1/api-keys/${enc(id)}`, { method: 'DELETE' }),
};

// --- access: JIT and reviews -------------------------------------------------------------------

export type AccessRequestStatus = 'PENDING' | 'APPROVED' | 'DENIED' | 'EXPIRED' | 'REVOKED';

/**
 * A JIT request and, once approved, its grant (the grants lists answer the same shape: `id` is the request's,
 * `active` whether it is in force, `expiresAt` when it ends).
 */
export type AccessRequest = Shape<Omit<S['AccessRequestView'], 'status'>,
  'id' | 'userId' | 'username' | 'role' | 'durationMinutes' | 'reason' | 'active' | 'createdAt'> & { status: AccessRequestStatus };

/** An approved request; `expiresAt` is set once it is approved. */
export type AccessGrant = AccessRequest & { expiresAt: string };

export type ReviewDecision = 'PENDING' | 'CERTIFIED' | 'REVOKED';

/** A campaign; status OPEN or COMPLETED, `items`/`pending` its line counts. */
export type AccessReview = Shape<S['Review'], 'id' | 'name' | 'dueAt' | 'status' | 'createdAt' | 'items' | 'pending' | 'overdue'>;

export type ReviewItem = Shape<Omit<S['Item'], 'decision'>, 'id' | 'userId' | 'username' | 'role' | 'overdue'> & { decision: ReviewDecision };

export const accessApi = {
  request: (body: { role: string; durationMinutes: number; reason: string }) =>
    rawJson<AccessRequest>('/api/v1/access/requests', { body }),
  requests: (q: { status?: AccessRequestStatus; mine?: boolean }) => rawJson<AccessRequest[]>(`/api/v1/access/requests${query(q)}`),
  approve: (id: string, comment?: string) => rawJson<AccessRequest>(`/api/v1/access/requests/${enc(id)}/approve`, { body: { comment } }),
  deny: (id: string, comment: string) => rawJson<AccessRequest>(`/api/v1/access/requests/${enc(id)}/deny`, { body: { comment } }),
  /** withdraws a pending request or ends an active grant early (a grant's id is its request's) */
  revoke: (id: string) => rawJson<AccessRequest>(`/api/v1/access/requests/${enc(id)}/revoke`, { method: 'POST' }),
  grants: (state: 'ACTIVE' | 'EXPIRED') => rawJson<AccessGrant[]>(`/api/v1/access/grants${query({ state })}`),
  reviews: () => rawJson<AccessReview[]>('/api/v1/access/reviews'),
  review: (id: string) => rawJson<AccessReview>(`/api/v1/access/reviews/${enc(id)}`),
  createReview: (body: { name: string; scopeTenantId?: string; dueAt: string; reviewerIds?: string[] }) =>
    rawJson<AccessReview>('/api/v1/access/reviews', { body }),
  items: (id: string) => rawJson<ReviewItem[]>(`/api/v1/access/reviews/${enc(id)}/items`),
  decide: (id: string, itemId: string, decision: 'CERTIFIED' | 'REVOKED', comment: string) =>
    rawJson<ReviewItem>(`/api/v1/access/reviews/${enc(id)}/items/${enc(itemId)}/decision`, { body: { decision, comment } }),
  complete: (id: string) => rawJson<AccessReview>(`/api/v1/access/reviews/${enc(id)}/complete`, { method: 'POST' }),
  reportPath: (id: string) => `/api/v1/access/reviews/${enc(id)}/report`,
};

export const BUILT_IN_ROLES = ['VIEWER', 'OPERATOR', 'ENGINEER', 'FINOPS', 'SECURITY', 'AUDITOR', 'ADMIN', 'MSP_ADMIN'] as const;
