import type { CorpusDocument } from '../model/document';
import { tokenText } from '../model/document';
import type { Transaction } from './commands';

/** One line of a preview or change list: a run of tokens of one sentence, old tags → new tags. */
export interface ChangeRow {
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
  readonly tokens: readonly string[];
  readonly before: readonly string[];
  readonly after: readonly string[];
}

/**
 * What a transaction would change, as rows in document order (steps of one sentence that touch
 * the same tokens are merged, so the row shows the net effect). Expects a transaction built
 * for `doc`.
 */
export function previewTransaction(doc: CorpusDocument, tr: Transaction): ChangeRow[] {
  const bySentence = new Map<number, Map<number, { before: string; after: string }>>();
  for (const step of tr.steps) {
    let m = bySentence.get(step.sentence);
    if (!m) bySentence.set(step.sentence, (m = new Map()));
    step.after.forEach((tag, i) => {
      const t = step.start + i;
      const prev = m.get(t);
      m.set(t, { before: prev ? prev.before : (step.before[i] ?? ''), after: tag });
    });
  }
  const rows: ChangeRow[] = [];
  for (const si of [...bySentence.keys()].sort((a, b) => a - b)) {
    const s = doc.sentences[si];
    const m = bySentence.get(si);
    if (!s || !m) continue;
    const changed = [...m.keys()].filter((t) => m.get(t)?.before !== m.get(t)?.after);
    rows.push(
      ...runs(changed.sort((a, b) => a - b)).map(([start, end]) =>
        row(
          doc,
          si,
          start,
          end,
          (t) => m.get(t)?.before ?? '',
          (t) => m.get(t)?.after ?? '',
        ),
      ),
    );
  }
  return rows;
}

/** Maximal runs of consecutive numbers as [start, end) pairs; expects a sorted list. */
export function runs(sorted: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const t of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === t) last[1] = t + 1;
    else out.push([t, t + 1]);
  }
  return out;
}

function row(
  doc: CorpusDocument,
  si: number,
  start: number,
  end: number,
  before: (t: number) => string,
  after: (t: number) => string,
): ChangeRow {
  const s = doc.sentences[si];
  const tokens: string[] = [];
  const b: string[] = [];
  const a: string[] = [];
  for (let t = start; t < end; t++) {
    tokens.push(s ? tokenText(doc, s, t) : '');
    b.push(before(t));
    a.push(after(t));
  }
  return { sentence: si, start, end, tokens, before: b, after: a };
}

/** Every tag the annotator changed, against the file: one row per run of changed tokens. */
export function changeList(doc: CorpusDocument): ChangeRow[] {
  const rows: ChangeRow[] = [];
  doc.sentences.forEach((s, si) => {
    if (s.tags === s.originalTags) return;
    const changed: number[] = [];
    for (let t = 0; t < s.length; t++) if (s.tags[t] !== s.originalTags[t]) changed.push(t);
    for (const [start, end] of runs(changed)) {
      rows.push(
        row(
          doc,
          si,
          start,
          end,
          (t) => s.originalTags[t] ?? '',
          (t) => s.tags[t] ?? '',
        ),
      );
    }
  });
  return rows;
}

/** Undoes one change of the change list (back to the file's tags); null if it no longer applies. */
export function revertChange(doc: CorpusDocument, change: ChangeRow): Transaction | null {
  const s = doc.sentences[change.sentence];
  if (!s || s.quarantined) return null;
  const before = s.tags.slice(change.start, change.end);
  const after = s.originalTags.slice(change.start, change.end);
  if (before.length !== change.end - change.start) return null;
  if (before.every((t, i) => t === after[i])) return null;
  return {
    command: 'change.revert',
    steps: [{ type: 'setTags', sentence: change.sentence, start: change.start, before, after }],
  };
}

/**
 * The change list as JSON Lines, one change per line:
 * `{"file", "sentence", "line", "start", "end", "tokens", "before", "after"}` (0-based sentence
 * and token indices, end exclusive, 1-based file line of the first token).
 */
export function changesToJsonl(
  doc: CorpusDocument,
  file: string,
  rows: readonly ChangeRow[],
): string {
  return rows
    .map((r) => {
      const s = doc.sentences[r.sentence];
      const line = s ? (doc.tokens.line[s.first + r.start] ?? 0) : 0;
      return JSON.stringify({
        file,
        sentence: r.sentence,
        line,
        start: r.start,
        end: r.end,
        tokens: r.tokens,
        before: r.before,
        after: r.after,
      });
    })
    .map((l) => l + '\n')
    .join('');
}
