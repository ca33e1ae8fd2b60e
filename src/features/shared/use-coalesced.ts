import { useEffect, useRef, useState } from 'react';

/** How long values shown through `useCoalesced` may lag behind the store. */
export const COALESCE_MS = 100;

const due = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | null = null;

/** Catches every waiting value up in one task, so React renders them together: one frame. */
function flush(): void {
  timer = null;
  const fns = [...due];
  due.clear();
  for (const f of fns) f();
}

/**
 * `value` as last caught up: at most `COALESCE_MS` after it changed, and never more often than
 * once per `COALESCE_MS` however fast it changes. For what sits beside the edited row (counters,
 * label counts, the entity bar, review counts): a keypress paints its row alone, and a run of
 * keypresses repaints these once per 0.1 s, not once per key. Each extra frame costs the page
 * about 7 ms of main thread at 1M tokens, and as much again on the compositor.
 *
 * The clock is shared: every value waiting catches up in the same task, hence in one render.
 * (A throttle, not a debounce: a run of keypresses never holds the values back for longer.)
 */
export function useCoalesced<T>(value: T): T {
  const [shown, setShown] = useState(() => value);
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
    if (Object.is(shown, value)) return;
    const show = () => setShown(() => latest.current);
    due.add(show);
    timer ??= setTimeout(flush, COALESCE_MS);
    return () => void due.delete(show);
  }, [value, shown]);
  return shown;
}
