// Hand-written types and calls of the identity API (issue 3), exactly as /work/briefs/identity-api.md
// describes them, until the server's openapi.json has them. Replace with generated aliases then.
import { rawJson } from './client';
import type { TokenResponse } from './session';

export type { TokenResponse };

// --- public ------------------------------------------------------------------------------------

export interface LoginRequest {
  username: string;
  password: string;
  totp?: string;
  recoveryCode?: string;
}

export type MfaRequest = { mfaToken: string; code: string } | { mfaToken: string; recoveryCode: string };

export interface SsoProviderOption {
  id: string;
  name: string;
  kind: 'OIDC' | 'GITHUB';
  preset?: SsoPreset;
}

export interface InvitationView {
  email: string;
  tenantName: string;
  roles: string[];
  expiresAt: string;
}

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

export interface SessionView {
  id: string;
  createdAt: string;
  lastUsedAt?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  current: boolean;
}

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
  /** a data: URI of a PNG */
  qrPng: string;
}

export interface RecoveryCodes {
  recoveryCodes: string[];
}

export interface ApiKey {
  id: string;
  name: string;
  roles: string[];
  prefix: string;
  createdAt: string;
  expiresAt?: string | null;
  lastUsedAt?: string | null;
  revokedAt?: string | null;
  createdBy?: string | null;
}

export interface ApiKeyCreate {
  name: string;
  roles: string[];
  expiresAt?: string | null;
}

/** The answer to a key creation: the only time the secret `key` is shown. */
export interface ApiKeyCreated {
  id: string;
  name: string;
  roles: string[];
  expiresAt?: string | null;
  prefix: string;
  key: string;
}

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

/** The identity members GET /api/v1/me gains with issue 3 (on top of the generated `Me`). */
export interface MeIdentity {
  permissions?: string[];
  tenants?: TenantRef[];
  activeTenantId?: string;
  mfaEnabled?: boolean;
}

// --- tenant administration ---------------------------------------------------------------------

export type TenantKind = 'MSP' | 'CUSTOMER' | 'BUSINESS_UNIT';

export interface TenantRef {
  id: string;
  name: string;
  kind?: TenantKind | string;
  parentId?: string | null;
  createdAt?: string;
}

export interface TenantSettings {
  mfaRequired: boolean;
  sessionLifetimeMinutes: number;
  selfSignupEnabled: boolean;
  allowedSsoProviders: string[];
  ipAllowList: string[];
  dataRetention: { auditOnlineDays: number; evidenceDays: number };
}

export type UserStatus = 'ACTIVE' | 'INVITED' | 'DEACTIVATED' | 'LOCKED';

export interface User {
  id: string;
  username: string;
  email?: string | null;
  displayName?: string | null;
  roles: string[];
  status: UserStatus;
  mfaEnabled: boolean;
  lastLoginAt?: string | null;
  createdAt: string;
}

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

export interface Invitation {
  id: string;
  email: string;
  roles: string[];
  expiresAt: string;
  status: string;
}

export interface PermissionView {
  key: string;
  description: string;
}

export interface Role {
  key: string;
  name: string;
  description?: string | null;
  builtIn: boolean;
  permissions: string[];
}

export interface RoleInput {
  key?: string;
  name: string;
  description: string;
  permissions: string[];
}

export type SsoPreset = 'ENTRA' | 'GOOGLE' | 'OKTA' | 'GENERIC' | 'GITHUB';

export interface RoleMapping {
  claim: string;
  value: string;
  role: string;
}

export interface SsoProvider {
  id?: string;
  name: string;
  kind: 'OIDC' | 'GITHUB';
  preset: SsoPreset;
  issuer?: string | null;
  clientId: string;
  /** write-only: never in an answer; empty on an update keeps the stored one */
  clientSecret?: string;
  scopes?: string | string[] | null;
  groupsClaim?: string | null;
  enabled: boolean;
  roleMappings: RoleMapping[];
}

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
  ssoProviders: () => rawJson<SsoProvider[]>('/api/v1/sso/providers'),
  createSso: (body: SsoProvider) => rawJson<SsoProvider>('/api/v1/sso/providers', { body }),
  updateSso: (id: string, body: SsoProvider) => rawJson<SsoProvider>(`/api/v1/sso/providers/${enc(id)}`, { method: 'PUT', body }),
  deleteSso: (id: string) => rawJson<void>(`/api/v1/sso/providers/${enc(id)}`, { method: 'DELETE' }),
  apiKeys: () => rawJson<ApiKey[]>('/api/v1/api-keys'),
  createApiKey: (body: ApiKeyCreate) => rawJson<ApiKeyCreated>('/api/v1/api-keys', { body }),
  revokeApiKey: (id: string) => rawJson<void>(`/api/v1/api-keys/${enc(id)}`, { method: 'DELETE' }),
};

// --- access: JIT and reviews -------------------------------------------------------------------

export type AccessRequestStatus = 'PENDING' | 'APPROVED' | 'DENIED' | 'EXPIRED' | 'REVOKED';

/** A JIT request (the contract lists its endpoints; the fields beyond the request body are the obvious ones). */
export interface AccessRequest {
  id: string;
  requesterId?: string;
  requesterName?: string;
  role: string;
  durationMinutes: number;
  reason: string;
  status: AccessRequestStatus;
  createdAt?: string;
  decidedBy?: string | null;
  comment?: string | null;
}

export interface AccessGrant {
  id: string;
  requestId?: string;
  userId?: string;
  username?: string;
  role: string;
  grantedAt?: string;
  expiresAt: string;
  revokedAt?: string | null;
}

export type ReviewDecision = 'PENDING' | 'CERTIFIED' | 'REVOKED';

export interface AccessReview {
  id: string;
  name: string;
  scopeTenantId?: string | null;
  dueAt: string;
  status?: string;
  createdAt?: string;
  completedAt?: string | null;
  overdue?: boolean;
}

export interface ReviewItem {
  id: string;
  userId: string;
  username: string;
  role: string;
  lastActivityAt?: string | null;
  decision: ReviewDecision;
  overdue: boolean;
}

/** Lists come back as arrays or as a CursorPage; the console accepts both. */
export function itemsOf<T>(v: T[] | CursorPage<T> | undefined | null): T[] {
  if (!v) return [];
  return Array.isArray(v) ? v : (v.items ?? []);
}

export const accessApi = {
  request: (body: { role: string; durationMinutes: number; reason: string }) =>
    rawJson<AccessRequest>('/api/v1/access/requests', { body }),
  requests: (q: { status?: AccessRequestStatus; mine?: boolean }) =>
    rawJson<AccessRequest[] | CursorPage<AccessRequest>>(`/api/v1/access/requests${query(q)}`).then(itemsOf),
  approve: (id: string, comment?: string) => rawJson<void>(`/api/v1/access/requests/${enc(id)}/approve`, { body: { comment } }),
  deny: (id: string, comment: string) => rawJson<void>(`/api/v1/access/requests/${enc(id)}/deny`, { body: { comment } }),
  revoke: (id: string) => rawJson<void>(`/api/v1/access/requests/${enc(id)}/revoke`, { method: 'POST' }),
  grants: (state: 'ACTIVE' | 'EXPIRED') =>
    rawJson<AccessGrant[] | CursorPage<AccessGrant>>(`/api/v1/access/grants${query({ state })}`).then(itemsOf),
  reviews: () => rawJson<AccessReview[] | CursorPage<AccessReview>>('/api/v1/access/reviews').then(itemsOf),
  review: (id: string) => rawJson<AccessReview>(`/api/v1/access/reviews/${enc(id)}`),
  createReview: (body: { name: string; scopeTenantId?: string; dueAt: string; reviewerIds?: string[] }) =>
    rawJson<AccessReview>('/api/v1/access/reviews', { body }),
  items: (id: string) =>
    rawJson<ReviewItem[] | CursorPage<ReviewItem>>(`/api/v1/access/reviews/${enc(id)}/items`).then(itemsOf),
  decide: (id: string, itemId: string, decision: 'CERTIFIED' | 'REVOKED', comment: string) =>
    rawJson<void>(`/api/v1/access/reviews/${enc(id)}/items/${enc(itemId)}/decision`, { body: { decision, comment } }),
  complete: (id: string) => rawJson<void>(`/api/v1/access/reviews/${enc(id)}/complete`, { method: 'POST' }),
  reportPath: (id: string) => `/api/v1/access/reviews/${enc(id)}/report`,
};

export const BUILT_IN_ROLES = ['VIEWER', 'OPERATOR', 'ENGINEER', 'FINOPS', 'SECURITY', 'AUDITOR', 'ADMIN', 'MSP_ADMIN'] as const;
