// What the app tells the user about how safe their saved work is (beyond "Saved"): whether the
// browser may evict it (storage not persistent, Safari's 7-day rule), how full the storage is,
// and what a restored document's last save and export were.
import { create } from 'zustand';

/** Warn once usage passes this share of the quota, before writes start to fail. */
export const USAGE_WARNING = 0.8;
/** Usage is read again at most this often (each read asks the browser to add up its files). */
const USAGE_CHECK_MS = 10_000;

export interface StorageNotice {
  /** `navigator.storage.persisted()` after asking for persistence; null: unknown / no API. */
  readonly persisted: boolean | null;
  /** Safari removes script-written storage after 7 days without a visit. */
  readonly safari: boolean;
  /** From `navigator.storage.estimate()` (0 when unknown). */
  readonly usage: number;
  readonly quota: number;
  /** The user hid the persistence notice (for this page). */
  readonly hidden: boolean;
  /** A restored document: when its last edit was saved, and when it was last exported. */
  readonly savedAt: number;
  readonly exportedAt: number;
  /** The document object last exported (any edit replaces it), or null. */
  readonly exportedDoc: unknown;
}

export const useStorageNotice = create<StorageNotice>(() => ({
  persisted: null,
  safari: false,
  usage: 0,
  quota: 0,
  hidden: false,
  savedAt: 0,
  exportedAt: 0,
  exportedDoc: null,
}));

/** True for Safari (WebKit without Chrome, Chromium, Edge or Firefox in the user agent). */
export function isSafari(userAgent: string): boolean {
  return /Safari\//.test(userAgent) && !/Chrome\/|Chromium\/|CriOS\/|Edg\/|FxiOS\//.test(userAgent);
}

/** Share of the quota used; 0 when unknown. */
export function usageShare(n: Pick<StorageNotice, 'usage' | 'quota'>): number {
  return n.quota > 0 ? n.usage / n.quota : 0;
}

/** Asks the browser to keep this site's storage (no eviction), and records the answer. */
export async function checkPersistence(): Promise<void> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  const safari = typeof navigator !== 'undefined' && isSafari(navigator.userAgent);
  let persisted: boolean | null = null;
  try {
    if (storage?.persisted) {
      persisted = await storage.persisted();
      if (!persisted && storage.persist) persisted = await storage.persist();
    }
  } catch {
    persisted = null;
  }
  useStorageNotice.setState({ persisted, safari });
}

let lastUsageCheck = 0;

/** Reads usage and quota (at most every USAGE_CHECK_MS unless `force`). */
export async function checkUsage(force = false): Promise<void> {
  const now = Date.now();
  if (!force && now - lastUsageCheck < USAGE_CHECK_MS) return;
  lastUsageCheck = now;
  try {
    const e = await navigator.storage?.estimate?.();
    if (e) useStorageNotice.setState({ usage: e.usage ?? 0, quota: e.quota ?? 0 });
  } catch {
    // no estimate: no warning, the write path still reports a full disk
  }
}
