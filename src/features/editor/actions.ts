// What keys, clicks and buttons do: read the store, build a transaction with a core command,
// dispatch it. No editing logic lives here beyond choosing the command.
import {
  chunkAt,
  clearSpan,
  labelSpan,
  relabelEntity,
  removeEntity,
  resizeEntity,
  revertSentence,
} from '../../core/edit/commands';
import { offerOtherOccurrences, sentenceAtOffset } from '../../store/checks';
import {
  dispatch,
  moveCursor,
  selection,
  selectRange,
  useEditor,
  type LastAction,
} from '../../store/editor-store';

/** How long labelling must pause before "label the other occurrences" is offered. */
const OFFER_DELAY_MS = 400;
let offerTimer: ReturnType<typeof setTimeout> | undefined;

/** Labels the selection (or the token at the cursor) with `type`; relabels an entity under a bare cursor. */
export function applyLabel(type: string): boolean {
  const st = useEditor.getState();
  if (!st.doc) return false;
  const sel = selection(st);
  const action: LastAction = { kind: 'label', type };
  const under = chunkAt(st.doc, sel.s, sel.start);
  let ok: boolean;
  const relabel = !sel.explicit && under;
  if (relabel) ok = dispatch(relabelEntity(st.doc, sel.s, sel.start, type), action);
  else ok = dispatch(labelSpan(st.doc, sel.s, sel.start, sel.end, type), action);
  if (ok) {
    if (useEditor.getState().anchor) useEditor.setState({ anchor: null });
    const span = relabel
      ? { sentence: sel.s, start: under.start, end: under.end }
      : { sentence: sel.s, start: sel.start, end: sel.end };
    // Once labelling pauses: a scan of a 1M-token corpus must not slow a run of keypresses.
    clearTimeout(offerTimer);
    if (useEditor.getState().offer) useEditor.setState({ offer: null });
    const labelled = useEditor.getState().doc;
    offerTimer = setTimeout(() => {
      // not if anything changed since (an undo, another edit, another document)
      if (useEditor.getState().doc === labelled) void offerOtherOccurrences(span, type);
    }, OFFER_DELAY_MS);
  }
  return ok;
}

/** Removes the entity under the cursor, or clears every entity in an explicit selection. */
export function removeAtCursor(): boolean {
  const st = useEditor.getState();
  if (!st.doc) return false;
  const sel = selection(st);
  const tr = sel.explicit
    ? clearSpan(st.doc, sel.s, sel.start, sel.end)
    : removeEntity(st.doc, sel.s, sel.start);
  const ok = dispatch(tr, { kind: 'remove' });
  if (ok) useEditor.setState({ anchor: null });
  return ok;
}

/** Repeats the last label or remove at the cursor. */
export function repeatLast(): boolean {
  const last = useEditor.getState().lastAction;
  if (!last) return false;
  return last.kind === 'label' ? applyLabel(last.type) : removeAtCursor();
}

/** Moves one boundary of the entity under the cursor by one token. */
export function moveBoundary(edge: 'start' | 'end', delta: -1 | 1): boolean {
  const st = useEditor.getState();
  if (!st.doc) return false;
  const { s, t } = st.cursor;
  const c = chunkAt(st.doc, s, t);
  if (!c) return false;
  const start = edge === 'start' ? c.start + delta : c.start;
  const end = edge === 'end' ? c.end + delta : c.end;
  if (end <= start) return false;
  const ok = dispatch(resizeEntity(st.doc, s, t, start, end));
  if (ok) selectRange(s, start, end);
  return ok;
}

/** Selects the whole entity under the cursor. */
export function selectEntityAtCursor(): boolean {
  const st = useEditor.getState();
  if (!st.doc) return false;
  const c = chunkAt(st.doc, st.cursor.s, st.cursor.t);
  if (!c) return false;
  selectRange(st.cursor.s, c.start, c.end);
  return true;
}

/** Puts a sentence's tags back as they were in the file. */
export function revert(s: number): boolean {
  const doc = useEditor.getState().doc;
  return doc ? dispatch(revertSentence(doc, s)) : false;
}

/** Moves the cursor by tokens (crossing sentence ends) or sentences. */
export function step(
  kind:
    'left' | 'right' | 'up' | 'down' | 'home' | 'end' | 'pageUp' | 'pageDown' | 'first' | 'last',
  extend = false,
): void {
  const st = useEditor.getState();
  const doc = st.doc;
  if (!doc || doc.sentences.length === 0) return;
  const n = doc.sentences.length;
  const len = (s: number) => Math.max(1, doc.sentences[s]?.length ?? 1);
  let { s, t } = st.cursor;
  switch (kind) {
    case 'left':
      if (t > 0) t -= 1;
      else if (!extend && sentenceAtOffset(st, s, -1) !== s) {
        s = sentenceAtOffset(st, s, -1);
        t = len(s) - 1;
      }
      break;
    case 'right':
      if (t < len(s) - 1) t += 1;
      else if (!extend && sentenceAtOffset(st, s, 1) !== s) {
        s = sentenceAtOffset(st, s, 1);
        t = 0;
      }
      break;
    case 'up':
    case 'down':
    case 'pageUp':
    case 'pageDown': {
      const d = kind === 'up' ? -1 : kind === 'down' ? 1 : kind === 'pageUp' ? -10 : 10;
      s = sentenceAtOffset(st, s, d);
      t = Math.min(t, len(s) - 1);
      break;
    }
    case 'home':
      t = 0;
      break;
    case 'end':
      t = len(s) - 1;
      break;
    case 'first':
      s = st.visible ? (st.visible[0] ?? s) : 0;
      t = 0;
      break;
    case 'last':
      s = st.visible ? (st.visible[st.visible.length - 1] ?? s) : n - 1;
      t = 0;
      break;
  }
  moveCursor({ s, t }, extend);
}

/** Jumps to sentence `number` (1-based). False when out of range. */
export function goToSentence(number: number): boolean {
  const doc = useEditor.getState().doc;
  if (!doc || !Number.isInteger(number) || number < 1 || number > doc.sentences.length)
    return false;
  moveCursor({ s: number - 1, t: 0 });
  return true;
}

/** Jumps to the sentence holding file line `line` (for the problems panel). */
export function goToLine(line: number): boolean {
  const doc = useEditor.getState().doc;
  if (!doc || doc.sentences.length === 0) return false;
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((doc.sentences[mid]?.startLine ?? 0) <= line) lo = mid;
    else hi = mid - 1;
  }
  const s = doc.sentences[lo];
  if (!s) return false;
  let t = 0;
  for (let i = 0; i < s.length; i++) if ((doc.tokens.line[s.first + i] ?? 0) <= line) t = i;
  moveCursor({ s: lo, t });
  return true;
}
