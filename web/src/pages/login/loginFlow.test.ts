import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import { toApiError } from '../../api/errors';
import { isTotp, lockedUntil, loginTenant, nextStep, safeRedirect, type Step } from './loginFlow';

const problem = (status: number, body: Record<string, unknown>) => toApiError(status, body);

describe('the MFA step state machine', () => {
  const password: Step = { kind: 'password' };

  it('goes to the second factor when the password was right and MFA is required', () => {
    const e = problem(401, { code: 'MFA_REQUIRED', step: 'mfa_required', mfaToken: 'm1' });
    expect(nextStep(password, { type: 'failed', error: e })).toEqual({ kind: 'mfa', mfaToken: 'm1' });
  });

  it('stays on the password for wrong credentials and on the code for a wrong code', () => {
    expect(nextStep(password, { type: 'failed', error: problem(401, { code: 'INVALID_CREDENTIALS' }) })).toBe(password);
    const mfa: Step = { kind: 'mfa', mfaToken: 'm1' };
    expect(nextStep(mfa, { type: 'failed', error: problem(401, { code: 'MFA_CODE_INVALID' }) })).toBe(mfa);
  });

  it('starts over when a code is refused after the MFA token expired', () => {
    const e = problem(401, { code: 'MFA_REQUIRED', step: 'mfa_required', mfaToken: 'm1', expiresIn: 300 });
    const mfa = nextStep(password, { type: 'failed', error: e }, 1_000);
    expect(mfa).toEqual({ kind: 'mfa', mfaToken: 'm1', expiresAt: 301_000 });
    const refused = problem(401, { code: 'MFA_CODE_INVALID' });
    expect(nextStep(mfa, { type: 'failed', error: refused }, 300_999)).toBe(mfa);
    expect(nextStep(mfa, { type: 'failed', error: refused }, 301_000)).toEqual({ kind: 'password', notice: 'mfaExpired' });
  });

  it('enrols, shows the recovery codes, then asks for the password again', () => {
    const e = problem(403, { code: 'MFA_ENROLMENT_REQUIRED', enrolmentToken: 'e1' });
    const enrol = nextStep(password, { type: 'failed', error: e });
    expect(enrol).toEqual({ kind: 'enrol', enrolmentToken: 'e1' });
    const codes = nextStep(enrol, { type: 'enrolled', codes: ['a', 'b'] });
    expect(codes).toEqual({ kind: 'recovery', codes: ['a', 'b'] });
    expect(nextStep(codes, { type: 'acknowledged' })).toEqual({ kind: 'password', notice: 'mfaEnrolled' });
  });

  it('ignores MFA_REQUIRED without a token and events out of order', () => {
    expect(nextStep(password, { type: 'failed', error: problem(401, { code: 'MFA_REQUIRED' }) })).toBe(password);
    expect(nextStep(password, { type: 'enrolled', codes: ['x'] })).toBe(password);
    expect(nextStep(password, { type: 'failed', error: new Error('network') })).toBe(password);
  });
});

describe('login helpers', () => {
  it('reads lockedUntil from ACCOUNT_LOCKED only', () => {
    expect(lockedUntil(problem(423, { code: 'ACCOUNT_LOCKED', lockedUntil: '2026-11-22T21:00:00Z' }))?.toISOString()).toBe('2026-11-22T21:00:00.000Z');
    expect(lockedUntil(problem(423, { code: 'ACCOUNT_LOCKED' }))).toBeNull();
    expect(lockedUntil(new ApiError({ status: 401, code: 'INVALID_CREDENTIALS' }))).toBeNull();
  });

  it('tells a TOTP code from a recovery code', () => {
    expect(isTotp('123456')).toBe(true);
    expect(isTotp('123 456')).toBe(true);
    expect(isTotp('abcd-efgh')).toBe(false);
    expect(isTotp('12345')).toBe(false);
  });

  it('redirects only to same-origin paths outside the login pages', () => {
    expect(safeRedirect('/inventory?x=1')).toBe('/inventory?x=1');
    expect(safeRedirect('//evil.example')).toBe('/');
    expect(safeRedirect('https://evil.example')).toBe('/');
    expect(safeRedirect('/login/sso')).toBe('/');
    expect(safeRedirect(null)).toBe('/');
  });

  it('remembers the tenant of ?tenant= for the SSO buttons', () => {
    expect(loginTenant(null)).toBeNull();
    expect(loginTenant('acme')).toBe('acme');
    expect(loginTenant(null)).toBe('acme');
  });
});
