import { ApiError } from '../api/errors';

/** The server's password rules (issue 3): at least 12 characters, not one of the 10,000 most common. */
export const PASSWORD_MIN_LENGTH = 12;

export type PasswordRule = 'minLength' | 'notCommon';

export interface RuleState {
  rule: PasswordRule;
  /** true: met, false: broken, null: cannot be told in the browser (only the server knows the common list) */
  met: boolean | null;
}

/**
 * The rule hints shown under a new-password field. The length is checked as the user types; whether the
 * password is common is known only after the server answered PASSWORD_TOO_WEAK with a reason.
 */
export function passwordRuleStates(password: string, weakReason?: string | null): RuleState[] {
  const reason = (weakReason ?? '').toLowerCase();
  const commonRejected = /common|breach|dictionary|popular/.test(reason);
  return [
    { rule: 'minLength', met: password.length >= PASSWORD_MIN_LENGTH },
    { rule: 'notCommon', met: commonRejected ? false : null },
  ];
}

/** The reason of a PASSWORD_TOO_WEAK problem, or null for any other error. */
export function weakPasswordReason(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'PASSWORD_TOO_WEAK') return null;
  return error.prop('reason') ?? error.detail ?? 'weak';
}
