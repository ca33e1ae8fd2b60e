/** Anything thrown by a storage API, as far as classification needs it. */
interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
}

/**
 * True when a storage error means "out of space", in all its browser spellings:
 * QuotaExceededError (Chromium, Safari), NS_ERROR_DOM_QUOTA_REACHED / code 1014 (Firefox),
 * QUOTA_EXCEEDED_ERR / code 22 (old WebKit), or an AbortError wrapping one (a transaction
 * aborted because of quota reports the cause on `cause` or `inner`, as Dexie does).
 */
export function isQuotaError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 3) return false;
  const err = e as ErrorLike;
  const name = typeof err.name === 'string' ? err.name : '';
  if (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    name === 'QUOTA_EXCEEDED_ERR'
  ) {
    return true;
  }
  if (err.code === 22 || err.code === 1014) return true;
  if (typeof err.message === 'string' && /quota|storage is full|disk is full/i.test(err.message))
    return true;
  return isQuotaError(err.inner, depth + 1) || isQuotaError(err.cause, depth + 1);
}
