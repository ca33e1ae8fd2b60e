import type { Sentence } from '../core/model/document';
import { RowHeights } from './row-heights';

/** Estimated height (px) of the row of a sentence of `length` tokens: it wraps about every 14. */
export function rowEstimate(length: number): number {
  return 18 + 32 * Math.max(1, Math.ceil(length / 14));
}

/** Row heights built ahead of showing a document, by its sentences array. */
const prepared = new WeakMap<readonly Sentence[], RowHeights>();

/**
 * The list's row heights: of every sentence (`visible` null) or of the sentences in `visible`.
 * Those of a whole document built by `prepareRowHeights` are taken from there; otherwise they
 * are estimated here in one pass (O(n)).
 */
export function rowHeightsFor(
  sentences: readonly Sentence[],
  visible: Int32Array | null,
): RowHeights {
  if (!visible) {
    const ready = prepared.get(sentences);
    if (ready && ready.count === sentences.length) return ready;
  }
  const count = visible ? visible.length : sentences.length;
  const est = new Uint16Array(count);
  for (let i = 0; i < count; i++) {
    const s = sentences[visible ? (visible[i] as number) : i];
    est[i] = rowEstimate(s?.length ?? 1);
  }
  return new RowHeights(est);
}

/**
 * Builds the row heights of a whole document in slices, before it is shown, so that showing
 * it does not: at 427,000 sentences (a 100 MB file) the one pass held the page for 57–756 ms
 * on a loaded machine.
 */
export async function prepareRowHeights(
  sentences: readonly Sentence[],
  pause: () => Promise<void>,
): Promise<void> {
  const rows = await RowHeights.sliced(
    sentences.length,
    (i) => rowEstimate(sentences[i]?.length ?? 1),
    pause,
  );
  prepared.set(sentences, rows);
}
