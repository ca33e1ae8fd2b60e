import { useEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { rowOf } from '../../store/checks';
import { rowHeightsFor } from '../../store/row-layout';
import { useEditor, moveCursor, selectRange } from '../../store/editor-store';
import { chunkAt } from '../../core/edit/commands';
import { lineText } from '../../core/model/document';
import { handleEditorKey } from './key-handler';
import { SentenceRow } from './SentenceRow';
import { useVirtualRows } from './use-virtual-rows';

/**
 * Fills a token's tooltip on first hover: its file line (all columns, e.g. POS), its tag, what
 * it was in the file and any tag problem. Built lazily, so rendering a row stays cheap.
 */
function showTooltip(target: HTMLElement): void {
  const el = target.closest<HTMLElement>('[data-t]');
  // Rebuilt when the tag changed since the tooltip was made (React does not manage `title`).
  if (!el || (el.title && el.dataset.titled === el.dataset.tag)) return;
  const st = useEditor.getState();
  const doc = st.doc;
  const s = doc?.sentences[Number(el.dataset.s)];
  const t = Number(el.dataset.t);
  if (!doc || !s) return;
  const line = Number(el.dataset.line);
  const was = s.originalTags[t] !== s.tags[t] ? ` (was ${s.originalTags[t]})` : '';
  const issue = el.dataset.issue ? `${el.dataset.issue}\n` : '';
  el.title = `${issue}line ${line}: ${lineText(doc, line)}\ntag ${s.tags[t]}${was}`;
  el.dataset.titled = el.dataset.tag;
}

/**
 * The corpus as a virtualized list of sentence rows: the DOM holds only the rows in view, at
 * any corpus size. The list itself subscribes to the sentence count only.
 */
export function SentenceList() {
  const total = useEditor((s) => s.doc?.sentences.length ?? 0);
  const visible = useEditor((s) => s.visible);
  const count = visible ? visible.length : total;
  const docId = useEditor((s) => s.docId);
  const scrollRequest = useEditor((s) => s.scrollRequest);
  const parentRef = useRef<HTMLDivElement>(null);
  const dragging = useRef<number | null>(null);
  // Row heights, computed once per document and filter: the virtualizer keeps them in a Fenwick
  // tree, O(log n) per measured row. Those of a document as opened are prepared in slices
  // before it is shown; a filter, or All after an edit, estimates them here in one pass.
  const heights = useMemo(
    () => rowHeightsFor(useEditor.getState().doc?.sentences ?? [], visible),
    [docId, count, visible], // eslint-disable-line react-hooks/exhaustive-deps -- a new document is a new docId
  );
  const virtual = useVirtualRows({ heights, scrollRef: parentRef, overscan: 4 });
  const { scrollToIndex } = virtual;

  useEffect(() => {
    const st = useEditor.getState();
    if (count > 0) scrollToIndex(rowOf(st, st.cursor.s));
  }, [scrollRequest, count, docId, scrollToIndex]);

  // Point assistive technology at the cursor token without re-rendering the list.
  useEffect(() => {
    let active = '';
    return useEditor.subscribe((st) => {
      const id = `tok-${st.cursor.s}-${st.cursor.t}`;
      if (id === active) return; // every store change comes here; the cursor rarely moved
      active = id;
      parentRef.current?.setAttribute('aria-activedescendant', id);
    });
  }, []);

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
    showTooltip(e.target as HTMLElement);
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
      className="relative min-h-0 flex-1 overflow-auto outline-none [contain:strict] focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-blue-600"
    >
      {visible && visible.length === 0 && (
        <p className="p-4 text-sm">No sentence matches this filter.</p>
      )}
      <div style={{ height: virtual.total }} className="relative w-full">
        {virtual.rows.map((item) => (
          <div
            key={item.index}
            data-index={item.index}
            ref={virtual.measureRef}
            className="absolute left-0 top-0 w-full border-b border-slate-100 [contain:content] dark:border-slate-800"
            style={{ transform: `translateY(${item.start}px)` }}
          >
            <SentenceRow index={visible ? (visible[item.index] as number) : item.index} />
          </div>
        ))}
      </div>
    </div>
  );
}
