/**
 * Identity owns tenants, users, authentication (password login, signed access tokens) and binds each
 * request to its tenant; the full tenancy, SSO, MFA and RBAC work builds on this module.
 */
package io.cloudwarden.identity;
