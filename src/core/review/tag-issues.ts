import type { DiagnosticCode } from '../diagnostics';
import type { Transaction } from '../edit/commands';
import type { CorpusDocument } from '../model/document';
import { isWritableTag } from '../scheme/tags';
import { repairTags, validateTags, type TagIssue } from '../scheme/validate';

/** Invalid tag sequences by sentence index (only sentences that have some). */
export type TagIssueIndex = ReadonlyMap<number, readonly TagIssue[]>;

/** Validates every sentence (quarantined ones are read-only and skipped). */
export function buildTagIssues(doc: CorpusDocument): TagIssueIndex {
  const m = new Map<number, readonly TagIssue[]>();
  doc.sentences.forEach((s, si) => {
    if (s.quarantined) return;
    const issues = validateTags(s.tags, doc.scheme.scheme);
    if (issues.length > 0) m.set(si, issues);
  });
  return m;
}

/**
 * The index after some sentences changed: only those are validated again. Returns the same
 * map when nothing changed, so subscribers can compare by reference.
 */
export function updateTagIssues(
  index: TagIssueIndex,
  doc: CorpusDocument,
  sentences: Iterable<number>,
): TagIssueIndex {
  let next: Map<number, readonly TagIssue[]> | null = null;
  for (const si of sentences) {
    const s = doc.sentences[si];
    const issues = s && !s.quarantined ? validateTags(s.tags, doc.scheme.scheme) : [];
    const had = index.get(si);
    if (!had && issues.length === 0) continue;
    if (had && sameIssues(had, issues)) continue;
    next ??= new Map(index);
    if (issues.length > 0) next.set(si, issues);
    else next.delete(si);
  }
  return next ?? index;
}

function sameIssues(a: readonly TagIssue[], b: readonly TagIssue[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (x, i) =>
        x.index === b[i]?.index &&
        x.code === b[i]?.code &&
        x.found === b[i]?.found &&
        x.message === b[i]?.message,
    )
  );
}

/** Issue counts by code, most frequent first. */
export function countTagIssues(index: TagIssueIndex): [DiagnosticCode, number][] {
  const counts = new Map<DiagnosticCode, number>();
  for (const issues of index.values())
    for (const i of issues) counts.set(i.code, (counts.get(i.code) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/**
 * Repairs whole sentences with `repairTags` (entities read as conlleval reads them, written
 * well-formed in the document's scheme) as one transaction. A sentence whose repair changes
 * nothing, or would write an unwritable tag, is left out. Null when nothing changes.
 */
export function repairSentences(
  doc: CorpusDocument,
  sentences: Iterable<number>,
  command = 'tags.repair',
): Transaction | null {
  const steps: Transaction['steps'][number][] = [];
  for (const si of [...new Set(sentences)].sort((a, b) => a - b)) {
    const s = doc.sentences[si];
    if (!s || s.quarantined) continue;
    const fixed = repairTags(s.tags, doc.scheme.scheme);
    let from = 0;
    let to = s.length;
    while (from < to && fixed[from] === s.tags[from]) from++;
    while (to > from && fixed[to - 1] === s.tags[to - 1]) to--;
    if (from === to) continue;
    const after = fixed.slice(from, to);
    if (!after.every(isWritableTag)) continue;
    steps.push({
      type: 'setTags',
      sentence: si,
      start: from,
      before: s.tags.slice(from, to),
      after,
    });
  }
  return steps.length > 0 ? { command, steps } : null;
}

/** The sentences that have an issue of `code` ("fix all of this kind"). */
export function sentencesWithIssue(index: TagIssueIndex, code: DiagnosticCode): number[] {
  const out: number[] = [];
  for (const [si, issues] of index) if (issues.some((i) => i.code === code)) out.push(si);
  return out.sort((a, b) => a - b);
}

/** Codes that come from checking tag sequences: the live list replaces their import copies. */
const SEQUENCE_CODES: ReadonlySet<string> = new Set<string>([
  'W_I_WITHOUT_B',
  'W_TYPE_MISMATCH',
  'W_B_WITHOUT_PREVIOUS',
  'W_UNCLOSED_ENTITY',
  'W_E_WITHOUT_NEXT',
  'W_E_WITHOUT_START',
  'W_LOWERCASE_PREFIX',
  'W_UNKNOWN_PREFIX',
  'W_EMPTY_TYPE',
]);

/** True for the codes `validateTags` reports (the live index replaces their import copies). */
export function isSequenceCode(code: string): boolean {
  return SEQUENCE_CODES.has(code);
}
