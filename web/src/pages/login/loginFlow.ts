import { ApiError } from '../../api/errors';

/**
 * The sign-in steps. A password login may answer with a second-factor challenge (401 MFA_REQUIRED with an
 * mfaToken) or, when the tenant requires MFA and the user has none, with an enrolment token (403
 * MFA_ENROLMENT_REQUIRED); enrolment ends with the recovery codes shown once, then the user signs in again.
 */
export type Step =
  | { kind: 'password'; notice?: 'mfaEnrolled' | 'mfaExpired' }
  /** expiresAt: when the server's mfaToken runs out (epoch ms), from the problem's `expiresIn` */
  | { kind: 'mfa'; mfaToken: string; expiresAt?: number }
  | { kind: 'enrol'; enrolmentToken: string }
  | { kind: 'recovery'; codes: string[] };

export type FlowEvent =
  | { type: 'failed'; error: unknown }
  | { type: 'enrolled'; codes: string[] }
  | { type: 'acknowledged' }
  | { type: 'restart' };

/** The next step after an event; an error that is not a step change keeps the step (the form shows it). */
export function nextStep(step: Step, event: FlowEvent, now: number = Date.now()): Step {
  switch (event.type) {
    case 'failed': {
      const e = event.error;
      if (!(e instanceof ApiError)) return step;
      if (e.code === 'MFA_REQUIRED' && e.prop('mfaToken')) {
        const ttl = Number(e.properties.expiresIn);
        return Number.isFinite(ttl) && ttl > 0
          ? { kind: 'mfa', mfaToken: e.prop('mfaToken')!, expiresAt: now + ttl * 1000 }
          : { kind: 'mfa', mfaToken: e.prop('mfaToken')! };
      }
      if (e.code === 'MFA_ENROLMENT_REQUIRED' && e.prop('enrolmentToken'))
        return { kind: 'enrol', enrolmentToken: e.prop('enrolmentToken')! };
      // the 5-minute MFA token ran out: the server answers MFA_CODE_INVALID ("the MFA step expired") as for a
      // wrong code, so the console tells the two apart by the token's expiry and starts over with the password
      if (step.kind === 'mfa' && e.code === 'MFA_CODE_INVALID' && step.expiresAt !== undefined && now >= step.expiresAt)
        return { kind: 'password', notice: 'mfaExpired' };
      return step;
    }
    case 'enrolled':
      return step.kind === 'enrol' ? { kind: 'recovery', codes: event.codes } : step;
    case 'acknowledged':
      return step.kind === 'recovery' ? { kind: 'password', notice: 'mfaEnrolled' } : step;
    case 'restart':
      return { kind: 'password' };
    default:
      return step;
  }
}

/** Whether the error is an answer the flow handles by changing step (so no error is shown). */
export function isStepChange(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'MFA_REQUIRED' || error.code === 'MFA_ENROLMENT_REQUIRED');
}

/** The moment an ACCOUNT_LOCKED problem says the lock ends, if it says so. */
export function lockedUntil(error: unknown): Date | null {
  if (!(error instanceof ApiError) || error.code !== 'ACCOUNT_LOCKED') return null;
  const v = error.prop('lockedUntil');
  const d = v ? new Date(v) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
}

/** A typed TOTP code: six digits (spaces allowed); anything else is taken as a recovery code. */
export function isTotp(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s/g, ''));
}

/** Where to go after signing in: only same-origin paths, never back into the login pages. */
export function safeRedirect(from: string | null | undefined): string {
  if (!from || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/login')) return '/';
  return from;
}

const TENANT_KEY = 'cw.loginTenant';

/** The tenant of the SSO buttons: ?tenant= wins (and is remembered), else the remembered one. */
export function loginTenant(fromQuery: string | null): string | null {
  try {
    if (fromQuery) {
      localStorage.setItem(TENANT_KEY, fromQuery);
      return fromQuery;
    }
    return localStorage.getItem(TENANT_KEY);
  } catch {
    return fromQuery;
  }
}
