// Intl.Segmenter instances are costly to build; keep one per locale and granularity.

const cache = new Map<string, Intl.Segmenter>();

/** A cached `Intl.Segmenter` (throws RangeError for an invalid locale, as Intl does). */
export function segmenter(locale: string, granularity: 'word' | 'sentence'): Intl.Segmenter {
  const key = `${granularity}\u0000${locale}`;
  let s = cache.get(key);
  if (s === undefined) {
    s = new Intl.Segmenter(locale, { granularity });
    cache.set(key, s);
  }
  return s;
}
