import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useEditor, moveCursor, selectRange } from '../../store/editor-store';
import { chunkAt } from '../../core/edit/commands';
import { handleEditorKey } from './key-handler';
import { SentenceRow } from './SentenceRow';

/**
 * The corpus as a virtualized list of sentence rows: the DOM holds only the rows in view, at
 * any corpus size. The list itself subscribes to the sentence count only.
 */
export function SentenceList() {
  const count = useEditor((s) => s.doc?.sentences.length ?? 0);
  const docId = useEditor((s) => s.docId);
  const scrollRequest = useEditor((s) => s.scrollRequest);
  const parentRef = useRef<HTMLDivElement>(null);
  const dragging = useRef<number | null>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions React Compiler cannot memoize; this component is not compiled
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => parentRef.current,
    estimateSize: () => 48,
    overscan: 6,
  });

  useEffect(() => {
    if (count > 0) virtualizer.scrollToIndex(useEditor.getState().cursor.s, { align: 'auto' });
  }, [scrollRequest, count, docId, virtualizer]);

  // Point assistive technology at the cursor token without re-rendering the list.
  useEffect(
    () =>
      useEditor.subscribe((st) => {
        parentRef.current?.setAttribute(
          'aria-activedescendant',
          `tok-${st.cursor.s}-${st.cursor.t}`,
        );
      }),
    [],
  );

  const tokenAt = (e: MouseEvent) => {
    const el = (e.target as HTMLElement).closest('[data-t]');
    if (!el) return null;
    return { s: Number(el.getAttribute('data-s')), t: Number(el.getAttribute('data-t')) };
  };

  const onMouseDown = (e: MouseEvent) => {
    if (e.button !== 0) return;
    const chip = (e.target as HTMLElement).closest('[data-chip]');
    const row = (e.target as HTMLElement).closest('[data-s]');
    parentRef.current?.focus({ preventScroll: true });
    if (chip && row) {
      const s = Number(row.getAttribute('data-s'));
      const doc = useEditor.getState().doc;
      const c = doc ? chunkAt(doc, s, Number(chip.getAttribute('data-chip'))) : undefined;
      if (c) selectRange(s, c.start, c.end);
      e.preventDefault();
      return;
    }
    const p = tokenAt(e);
    if (!p) return;
    e.preventDefault();
    moveCursor(p, e.shiftKey, false);
    dragging.current = p.s;
  };

  const onMouseOver = (e: MouseEvent) => {
    if (dragging.current === null || (e.buttons & 1) === 0) {
      dragging.current = null;
      return;
    }
    const p = tokenAt(e);
    if (p && p.s === dragging.current) moveCursor(p, true, false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (handleEditorKey(e.nativeEvent)) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  return (
    <div
      ref={parentRef}
      role="grid"
      aria-label="Sentences"
      aria-rowcount={count}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onMouseDown={onMouseDown}
      onMouseOver={onMouseOver}
      onMouseUp={() => (dragging.current = null)}
      className="relative min-h-0 flex-1 overflow-auto outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-blue-600"
    >
      <div style={{ height: virtualizer.getTotalSize() }} className="relative w-full">
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            className="absolute left-0 top-0 w-full border-b border-slate-100 dark:border-slate-800"
            style={{ transform: `translateY(${item.start}px)` }}
          >
            <SentenceRow index={item.index} />
          </div>
        ))}
      </div>
    </div>
  );
}
