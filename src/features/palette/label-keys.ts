import { labelShortcuts } from '../keymap/registry';
// Custom label hotkeys, kept in localStorage as a JSON array of [label, key] pairs. Stored
// data is untrusted on the way back in: only string pairs with one-character keys survive.
const STORAGE_KEY = 'retag.labelKeys';

let cache: Map<string, string> | null = null;

/** The user's label → key bindings. */
export function customLabelKeys(): ReadonlyMap<string, string> {
  if (cache) return cache;
  cache = new Map();
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    if (Array.isArray(raw)) {
      for (const pair of raw) {
        if (
          Array.isArray(pair) &&
          typeof pair[0] === 'string' &&
          typeof pair[1] === 'string' &&
          pair[1].length === 1
        ) {
          cache.set(pair[0], pair[1]);
        }
      }
    }
  } catch {
    // unreadable preferences: use the defaults
  }
  return cache;
}

/** Binds a key to a label (removing it from any other label); persists the bindings. */
export function setLabelKey(label: string, key: string): void {
  const next = new Map([...customLabelKeys()].filter(([, k]) => k !== key));
  next.set(label, key);
  cache = next;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify([...next]));
  } catch {
    // storage full or blocked: the binding lasts for this session
  }
}

/** Label → the key it is on now (custom keys first, then the default digits). */
export function labelKeyMap(names: readonly string[]): Map<string, string> {
  return new Map(
    labelShortcuts(names, customLabelKeys()).map((s) => [
      s.id.slice('label:'.length),
      s.keys[0] ?? '',
    ]),
  );
}
