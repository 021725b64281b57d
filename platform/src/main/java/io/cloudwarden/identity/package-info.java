/**
 * Identity owns tenants, users, authentication (password login, signed access tokens) and binds each
 * request to its tenant; the full tenancy, SSO, MFA and RBAC work builds on this module.
 */
@org.springframework.modulith.ApplicationModule
package io.cloudwarden.identity;
