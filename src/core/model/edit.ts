import { firstUnencodable } from '../format/decode';
import { isWritableTag } from '../scheme/tags';
import type { CorpusDocument, Sentence } from './document';

/**
 * The one kind of document change: replace a run of tags in one sentence. It carries its own
 * before and after, so it is plain JSON and inverting it is a swap.
 */
export interface SetTagsStep {
  readonly type: 'setTags';
  /** Sentence index in the document. */
  readonly sentence: number;
  /** First token index of the run. */
  readonly start: number;
  readonly before: readonly string[];
  readonly after: readonly string[];
}

/** Why a step cannot apply. */
export type StepError =
  | 'no-such-sentence'
  | 'out-of-range'
  | 'quarantined'
  | 'before-mismatch'
  | 'length-mismatch'
  | 'unwritable-tag';

/** Result of applying a step: a new document, or why not. */
export type StepResult = { ok: true; doc: CorpusDocument } | { ok: false; error: StepError };

/** Builds the step that sets tags [start, start+after.length) of a sentence to `after`. */
export function setTagsStep(
  doc: CorpusDocument,
  sentence: number,
  start: number,
  after: readonly string[],
): SetTagsStep {
  const s = doc.sentences[sentence];
  const before = s ? s.tags.slice(start, start + after.length) : [];
  return { type: 'setTags', sentence, start, before, after: after.slice() };
}

/**
 * Applies a step purely: the result shares every sentence but the edited one. Refuses steps
 * whose `before` does not match (stale), that touch a quarantined sentence, or whose new tags
 * would break the file's structure (empty, space, TAB, control characters); a tag equal to the
 * file's tag at that token is always accepted.
 */
export function applyStep(doc: CorpusDocument, step: SetTagsStep): StepResult {
  const s = doc.sentences[step.sentence];
  if (!s) return { ok: false, error: 'no-such-sentence' };
  if (s.quarantined) return { ok: false, error: 'quarantined' };
  if (step.before.length !== step.after.length) return { ok: false, error: 'length-mismatch' };
  if (step.start < 0 || step.start + step.after.length > s.length) {
    return { ok: false, error: 'out-of-range' };
  }
  for (let i = 0; i < step.before.length; i++) {
    if (s.tags[step.start + i] !== step.before[i]) return { ok: false, error: 'before-mismatch' };
  }
  // A tag the file already had at that token is always writable (undo must restore it).
  // A windows-1252 file can only take tags that encoding can write.
  const encoding = doc.patches[0]?.encoding ?? 'utf-8';
  for (let i = 0; i < step.after.length; i++) {
    const tag = step.after[i] as string;
    if (tag === s.originalTags[step.start + i]) continue;
    if (!isWritableTag(tag) || firstUnencodable(tag, encoding) !== null)
      return { ok: false, error: 'unwritable-tag' };
  }
  const tags = s.tags.slice();
  for (let i = 0; i < step.after.length; i++) tags[step.start + i] = step.after[i] as string;
  const next: Sentence = { ...s, tags };
  const sentences = doc.sentences.slice();
  sentences[step.sentence] = next;
  const out: CorpusDocument = { ...doc, sentences };
  lineage.set(out, { parent: new WeakRef(doc), sentence: step.sentence });
  return { ok: true, doc: out };
}

/**
 * Which document each step result came from, and the sentence it changed. The parent is held
 * weakly: a strong link would keep every earlier version (and its sentence array) alive.
 */
const lineage = new WeakMap<
  CorpusDocument,
  { parent: WeakRef<CorpusDocument>; sentence: number }
>();

/**
 * The sentences whose tags steps changed between `ancestor` and `doc`, when `doc` came from
 * `ancestor` through at most `limit` steps and every version between is still alive; else
 * null (then compare the two documents). A caller holding `ancestor` and asking in the same
 * task that made `doc` always gets an answer: a WeakRef's target lives until the task ends.
 */
export function stepsSince(
  doc: CorpusDocument,
  ancestor: CorpusDocument,
  limit = 10_000,
): number[] | null {
  const out: number[] = [];
  let cur: CorpusDocument | undefined = doc;
  while (cur !== ancestor) {
    const link: { parent: WeakRef<CorpusDocument>; sentence: number } | undefined =
      cur && lineage.get(cur);
    if (!link || out.length >= limit) return null;
    out.push(link.sentence);
    cur = link.parent.deref();
  }
  return out;
}

/** The step that undoes `step`. */
export function invertStep(step: SetTagsStep): SetTagsStep {
  return { ...step, before: step.after, after: step.before };
}

/** Applies steps in order; stops at the first that cannot apply. */
export function applySteps(doc: CorpusDocument, steps: readonly SetTagsStep[]): StepResult {
  let cur = doc;
  for (const step of steps) {
    const r = applyStep(cur, step);
    if (!r.ok) return r;
    cur = r.doc;
  }
  return { ok: true, doc: cur };
}
