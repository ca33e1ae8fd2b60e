import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { RowHeights } from '../../store/row-heights';
import { motionOf, renderRange, type Motion } from './overscan';

/** How long after the last scroll event the view counts as at rest again. */
const SETTLE_MS = 150;

/** A row to render: its index and its top offset in the list. */
export interface VirtualRow {
  readonly index: number;
  readonly start: number;
}

/**
 * Virtualizes a list of variable-height rows: renders only the rows in view (plus `overscan`),
 * measures them with one ResizeObserver, and keeps offsets in a Fenwick tree, so a measurement
 * costs O(log n) at any list size. When a row above the view changes height, the scroll
 * position moves with it, so the content in view stays put. Rows off view are rendered as
 * `renderRange` says: fewer while the view moves, none while it jumps, all once it rests.
 */
export function useVirtualRows(options: {
  /** The rows' heights (estimates until measured); a new object means a new list. */
  readonly heights: RowHeights;
  readonly scrollRef: RefObject<HTMLElement | null>;
  readonly overscan: number;
}): {
  rows: VirtualRow[];
  total: number;
  measureRef: (node: HTMLElement | null) => (() => void) | undefined;
  scrollToIndex: (index: number) => void;
} {
  const { heights, scrollRef, overscan } = options;
  const [view, setView] = useState<{ top: number; height: number; motion: Motion }>({
    top: 0,
    height: 800,
    motion: 'still',
  });
  const [, setVersion] = useState(0);
  // The scroll position and height as last read in a frame callback. `scrollToIndex` uses them:
  // reading `scrollTop` right after React's commit would force a synchronous layout before the
  // frame that paints the edit (about 1.5 ms per cursor move).
  const seen = useRef({ top: 0, height: 0 });
  // How far the list itself scrolled since the last frame callback (to keep measured rows in
  // place, or to bring the cursor's row into view): not a move of the user's, so not a motion.
  // A cursor moved to the edge keeps the rows around it built, and nothing is re-rendered when
  // the view "comes to rest" afterwards.
  const ownShift = useRef(0);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let frame = 0;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const rest = () => {
      settle = undefined;
      setView((v) => (v.motion === 'still' ? v : { ...v, motion: 'still' }));
    };
    const read = () => {
      frame = 0;
      const top = el.scrollTop;
      const height = el.clientHeight;
      seen.current = { top, height };
      const shift = ownShift.current;
      ownShift.current = 0;
      setView((v) => {
        if (v.top === top && v.height === height) return v;
        // A resize, or the list's own shift, keeps the motion; the settle timer ends it.
        const from = v.top + shift;
        const motion = from === top ? v.motion : motionOf(from, top, height);
        return { top, height, motion };
      });
      if (settle !== undefined) clearTimeout(settle);
      settle = setTimeout(rest, SETTLE_MS);
    };
    const onScroll = () => {
      if (frame === 0) frame = requestAnimationFrame(read);
    };
    read();
    el.addEventListener('scroll', onScroll, { passive: true });
    const ro = new ResizeObserver(onScroll);
    ro.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      ro.disconnect();
      if (frame) cancelAnimationFrame(frame);
      if (settle !== undefined) clearTimeout(settle);
    };
  }, [scrollRef]);

  // One ResizeObserver for all rows, made on first use (in a ref callback, not during render).
  const observerRef = useRef<ResizeObserver | null>(null);
  const heightsRef = useRef(heights);
  useEffect(() => () => observerRef.current?.disconnect(), []);

  const measureRef = useCallback(
    (node: HTMLElement | null) => {
      if (!node) return undefined;
      heightsRef.current = heights;
      if (!observerRef.current) {
        observerRef.current = new ResizeObserver((entries) => {
          const el = scrollRef.current;
          const rows = heightsRef.current;
          if (!el) return;
          const first = rows.indexAt(el.scrollTop);
          let changed = false;
          let above = 0;
          for (const e of entries) {
            const target = e.target as HTMLElement;
            const i = Number(target.dataset.index);
            const h = e.borderBoxSize?.[0]?.blockSize ?? target.offsetHeight;
            if (!Number.isInteger(i) || h === 0) continue;
            const delta = rows.set(i, h);
            if (delta !== 0) {
              changed = true;
              if (i < first) above += delta;
            }
          }
          if (above !== 0) {
            const before = el.scrollTop;
            el.scrollTop += above;
            ownShift.current += el.scrollTop - before;
            // scrollToIndex reads this position: it must not undo the shift
            seen.current = { top: el.scrollTop, height: seen.current.height };
          }
          if (changed) setVersion((v) => v + 1);
        });
      }
      const observer = observerRef.current;
      observer.observe(node);
      return () => observer.unobserve(node);
    },
    // A new document means new heights: re-observe every row so it is measured again.
    [heights, scrollRef],
  );

  const scrollToIndex = useCallback(
    (index: number) => {
      const el = scrollRef.current;
      if (!el || index < 0 || index >= heights.count) return;
      const top = heights.offset(index);
      const bottom = top + heights.height(index);
      const view = seen.current;
      let to = view.top;
      if (top < view.top) to = top;
      else if (bottom > view.top + view.height) to = Math.max(0, bottom - view.height);
      if (to === view.top) return;
      el.scrollTop = to;
      seen.current = { top: el.scrollTop, height: el.clientHeight };
      ownShift.current += seen.current.top - view.top;
    },
    [heights, scrollRef],
  );

  const rows: VirtualRow[] = [];
  if (heights.count > 0) {
    const { start, end } = renderRange(
      heights.indexAt(view.top),
      heights.indexAt(view.top + view.height),
      heights.count,
      overscan,
      view.motion,
    );
    for (let i = start; i <= end; i++) rows.push({ index: i, start: heights.offset(i) });
  }
  return { rows, total: heights.total, measureRef, scrollToIndex };
}
