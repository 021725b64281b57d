import { describe, expect, it } from 'vitest';
import { toApiError } from './errors';

describe('toApiError', () => {
  it('reads an RFC 9457 problem with code and field errors', () => {
    const e = toApiError(400, {
      type: 'https://cloudwarden.io/problems/validation-failed',
      title: 'Validation failed',
      status: 400,
      detail: 'The account is invalid.',
      code: 'VALIDATION_FAILED',
      errors: [
        { field: 'config.resources', message: 'must be at most 1000000' },
        { field: 'name', message: 'must not be blank' },
      ],
    });
    expect(e.status).toBe(400);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toBe('The account is invalid.');
    expect(e.fieldMap()).toEqual({ 'config.resources': 'must be at most 1000000', name: 'must not be blank' });
  });

  it('parses a text body and falls back to a code for the status', () => {
    expect(toApiError(404, '{"code":"ACCOUNT_NOT_FOUND","detail":"No such account"}').code).toBe('ACCOUNT_NOT_FOUND');
    const e = toApiError(502, '<html>Bad gateway</html>', 'Bad Gateway');
    expect(e.code).toBe('INTERNAL_ERROR');
    expect(e.title).toBe('Bad Gateway');
  });
});
