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
  it('recognises the real DOMException and each spelling on its own (reliability.md case 7)', () => {
    // Chromium and Safari: a DOMException named QuotaExceededError (legacy code 22)
    const dom = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(dom.code).toBe(22);
    expect(isQuotaError(dom)).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true); // Firefox, by name
    expect(isQuotaError({ name: 'Error', code: 22 })).toBe(true); // old WebKit, by code
    expect(isQuotaError({ name: 'QUOTA_EXCEEDED_ERR' })).toBe(true); // old WebKit, by name
    // a transaction aborted because a request ran out of space (IDBTransaction.error)
    const aborted = new DOMException('The transaction was aborted.', 'AbortError');
    expect(isQuotaError(Object.assign(aborted, { inner: dom }))).toBe(true);
    expect(isQuotaError(new Error('aborted', { cause: dom }))).toBe(true);
    // Dexie wraps twice: AbortError around AbortError around the quota error
    expect(
      isQuotaError({ name: 'AbortError', inner: { name: 'AbortError', inner: { code: 1014 } } }),
    ).toBe(true);
  });
  it('does not call an abort with another cause a quota error, and stops on cycles', () => {
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'ConstraintError' } })).toBe(false);
    expect(isQuotaError(new DOMException('Key already exists.', 'ConstraintError'))).toBe(false);
    expect(isQuotaError(new DOMException('Version change.', 'VersionError'))).toBe(false);
    const loop: { name: string; cause?: unknown } = { name: 'AbortError' };
    loop.cause = loop;
    expect(isQuotaError(loop)).toBe(false);
  });
});
