import { describe, expect, it } from 'vitest';
import { isQuotaError } from './quota';

describe('isQuotaError', () => {
  it('recognises every browser spelling of "out of space"', () => {
    expect(isQuotaError({ name: 'QuotaExceededError' })).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED', code: 1014 })).toBe(true);
    expect(isQuotaError({ name: 'Error', code: 1014 })).toBe(true);
    expect(isQuotaError({ name: 'QUOTA_EXCEEDED_ERR', code: 22 })).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError({ name: 'AbortError', cause: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError({ name: 'UnknownError', message: 'The quota has been exceeded.' })).toBe(
      true,
    );
  });
  it('does not call other errors quota errors', () => {
    expect(isQuotaError({ name: 'AbortError' })).toBe(false);
    expect(isQuotaError({ name: 'InvalidStateError' })).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });
});
