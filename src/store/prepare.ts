import type { CorpusDocument } from '../core/model/document';
import { rememberQuarantined } from './checks';
import { countChanges, type ChangeCounts } from './editor-store';
import { prepareRowHeights } from './row-layout';

/** Sentences per slice: ~2–5 ms of work each on this project's 2-core machines. */
const SLICE = 50_000;

/**
 * Computes, in slices with `pause()` between them, what showing a whole document would
 * otherwise compute in one task: its change counts (for `setDocument`), its quarantined
 * sentences (for the filter counts) and the list's row heights. At 427,000 sentences (a 100 MB
 * file) those passes together held the page for 0.1–0.9 s on a loaded machine.
 */
export async function prepareToShow(
  doc: CorpusDocument,
  pause: () => Promise<void>,
): Promise<ChangeCounts> {
  const changedBySentence = new Map<number, number>();
  let changedTags = 0;
  const quarantined: number[] = [];
  const { sentences } = doc;
  for (let from = 0; from < sentences.length; from += SLICE) {
    if (from > 0) await pause();
    const to = Math.min(sentences.length, from + SLICE);
    changedTags += countChanges(doc, from, to, changedBySentence);
    for (let i = from; i < to; i++) if (sentences[i]?.quarantined) quarantined.push(i);
  }
  rememberQuarantined(doc, quarantined);
  await pause();
  await prepareRowHeights(sentences, pause);
  return { changedBySentence, changedTags };
}
