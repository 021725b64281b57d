import { describe, expect, it } from 'vitest';
import { toApiError } from '../api/errors';
import { passwordRuleStates, weakPasswordReason } from './passwordRules';

describe('password rule hints', () => {
  it('checks the length as the user types and leaves "not common" to the server', () => {
    expect(passwordRuleStates('short')).toEqual([
      { rule: 'minLength', met: false },
      { rule: 'notCommon', met: null },
    ]);
    expect(passwordRuleStates('twelve-chars')[0].met).toBe(true);
  });

  it('marks "not common" broken when the server says the password is too common', () => {
    const e = toApiError(400, { code: 'PASSWORD_TOO_WEAK', reason: 'TOO_COMMON' });
    const reason = weakPasswordReason(e);
    expect(reason).toBe('TOO_COMMON');
    expect(passwordRuleStates('password1234', reason)[1]).toEqual({ rule: 'notCommon', met: false });
  });

  it('only reads PASSWORD_TOO_WEAK', () => {
    expect(weakPasswordReason(toApiError(400, { code: 'VALIDATION_FAILED' }))).toBeNull();
    expect(weakPasswordReason(new Error('x'))).toBeNull();
  });
});
