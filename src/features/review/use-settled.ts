import { useEffect, useState } from 'react';

/**
 * `value`, once it has stopped changing for `ms`: corpus-wide panels (statistics, the change
 * list) recompute after a run of keypresses, not during it.
 */
export function useSettled<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (settled === value) return;
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms, settled]);
  return settled;
}
