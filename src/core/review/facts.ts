import type { CorpusDocument } from '../model/document';
import { extractChunks, type ChunkRules } from '../scheme/chunks';
import { buildTagIssues, updateTagIssues, type TagIssueIndex } from './tag-issues';

/**
 * What the editor derives from a whole document when it opens: entities per type and invalid
 * tag sequences per sentence. A worker computes them next to the parse, so a 10M-token file
 * does not spend seconds of the page's thread on them.
 */
export interface DocFacts {
  readonly labelCounts: ReadonlyMap<string, number>;
  readonly tagIssues: TagIssueIndex;
}

/** Entities per type (quarantined sentences included: they are shown, and exported as read). */
export function countLabels(doc: CorpusDocument): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of doc.sentences)
    for (const c of extractChunks(s.tags, doc.scheme.rules))
      counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
  return counts;
}

/** Moves `counts` from the entities of one sentence's tags `before` to those of `after`. */
export function shiftLabelCounts(
  counts: Map<string, number>,
  before: readonly string[],
  after: readonly string[],
  rules: ChunkRules,
): void {
  for (const c of extractChunks(before, rules)) counts.set(c.type, (counts.get(c.type) ?? 0) - 1);
  for (const c of extractChunks(after, rules)) counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
}

export function docFacts(doc: CorpusDocument): DocFacts {
  return { labelCounts: countLabels(doc), tagIssues: buildTagIssues(doc) };
}

/**
 * The facts of `after` from those of `before`: when both share one token table (tag edits
 * only, e.g. a replayed op log), only sentences whose tags differ are looked at again;
 * otherwise everything is computed afresh.
 */
export function updateFacts(
  facts: DocFacts,
  before: CorpusDocument,
  after: CorpusDocument,
): DocFacts {
  if (
    before.tokens !== after.tokens ||
    before.sentences.length !== after.sentences.length ||
    before.scheme.scheme !== after.scheme.scheme
  )
    return docFacts(after);
  const changed: number[] = [];
  let counts: Map<string, number> | null = null;
  after.sentences.forEach((s, i) => {
    const old = before.sentences[i];
    if (!old || old.tags === s.tags) return;
    changed.push(i);
    counts ??= new Map(facts.labelCounts);
    shiftLabelCounts(counts, old.tags, s.tags, after.scheme.rules);
  });
  if (changed.length === 0) return facts;
  const labelCounts = counts ?? new Map(facts.labelCounts);
  for (const [k, n] of labelCounts) if (n === 0) labelCounts.delete(k);
  return { labelCounts, tagIssues: updateTagIssues(facts.tagIssues, after, changed) };
}
