import { clearSpan, labelSpan, type Transaction } from '../edit/commands';
import { tokenText, type CorpusDocument } from '../model/document';
import { applySteps, type SetTagsStep } from '../model/edit';
import { foldWord } from './corpus-table';
import type { Finding, Occurrence, Variant } from './types';

/** True when the occurrence's tokens in `doc` are the finding's words, compared as it compared them. */
function wordsMatch(doc: CorpusDocument, o: Occurrence, f: Finding): boolean {
  const s = doc.sentences[o.sentence];
  if (!s || s.quarantined || o.start < 0 || o.end > s.length) return false;
  if (o.end - o.start !== f.words.length) return false;
  const form = f.folded ? foldWord : (w: string) => w;
  for (let i = 0; i < f.words.length; i++) {
    // Shown words are one form of the compared ones ("network" stands for "Networks" too).
    if (form(tokenText(doc, s, o.start + i)) !== form(f.words[i] ?? '')) return false;
  }
  return true;
}

/** Applies a transaction's steps (if any) to a document; null when a step does not apply. */
function step(doc: CorpusDocument, tr: Transaction | null): CorpusDocument | null {
  if (!tr) return doc;
  const r = applySteps(doc, tr.steps);
  return r.ok ? r.doc : null;
}

/**
 * Relabels one occurrence with clearSpan then labelSpan per entity of the variant, so entities
 * sticking out of the words keep their outside part, exactly as the editor's commands do.
 * Null when the variant cannot be written there (e.g. a type with a space).
 */
function relabel(doc: CorpusDocument, o: Occurrence, v: Variant): CorpusDocument | null {
  let cur = step(doc, clearSpan(doc, o.sentence, o.start, o.end));
  for (const c of v.chunks) {
    if (!cur) return null;
    const tr = labelSpan(cur, o.sentence, o.start + c.start, o.start + c.end, c.type);
    // After the clear the words hold no entity, so "nothing to change" means "cannot write".
    if (!tr) return null;
    cur = step(cur, tr);
  }
  return cur;
}

/**
 * One undoable transaction that rewrites the chosen occurrences (those of `doc`; others are
 * skipped by checking their words) to the given variant, in the document's own scheme; null if
 * nothing changes or the variant crosses the words' edges. One step per edited sentence, in
 * sentence order, each going from the current tags to the final ones.
 */
export function applyVariant(
  doc: CorpusDocument,
  finding: Finding,
  variant: number,
  occurrences: readonly Occurrence[],
): Transaction | null {
  const v = finding.variants[variant];
  if (!v || v.crossing) return null;
  let cur = doc;
  const sentences = new Set<number>();
  for (const o of occurrences) {
    if (!wordsMatch(doc, o, finding)) continue;
    const next = relabel(cur, o, v);
    if (!next || next === cur) continue;
    cur = next;
    sentences.add(o.sentence);
  }
  const steps: SetTagsStep[] = [];
  for (const si of [...sentences].sort((a, b) => a - b)) {
    const before = doc.sentences[si]!.tags;
    const after = cur.sentences[si]!.tags;
    let from = 0;
    let to = before.length;
    while (from < to && before[from] === after[from]) from++;
    while (to > from && before[to - 1] === after[to - 1]) to--;
    if (from === to) continue;
    steps.push({
      type: 'setTags',
      sentence: si,
      start: from,
      before: before.slice(from, to),
      after: after.slice(from, to),
    });
  }
  return steps.length > 0 ? { command: 'consistency.apply', steps } : null;
}

/** The tags of an occurrence's words after applying a variant to it alone (as they are, if it cannot). */
export function variantTags(
  doc: CorpusDocument,
  finding: Finding,
  variant: number,
  o: Occurrence,
): string[] {
  const tr = applyVariant(doc, finding, variant, [o]);
  const after = tr ? step(doc, tr) : doc;
  return (after ?? doc).sentences[o.sentence]!.tags.slice(o.start, o.end);
}
