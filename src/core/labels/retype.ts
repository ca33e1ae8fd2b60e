import { replaceChunks, type Transaction } from '../edit/commands';
import type { CorpusDocument } from '../model/document';
import type { SetTagsStep } from '../model/edit';
import { extractChunks } from '../scheme/chunks';
import { isWritableTag } from '../scheme/tags';

/** What a corpus-wide type change does: its transaction and the counts the preview shows. */
export interface Retype {
  readonly tr: Transaction | null;
  /** Entities of the old type that change (or disappear). */
  readonly entities: number;
  readonly sentences: number;
  /** Entities of the old type left as they were (in read-only, quarantined sentences). */
  readonly skipped: number;
}

/**
 * Renames type `from` to `to` across the corpus (a merge when `to` already exists), or deletes
 * it (`to` null: its entities become O). Entities stay where they are; only tags next to them
 * are touched (IOB1/IOE1 boundaries), so invalid sequences elsewhere are never repaired. One
 * transaction: one undoable step.
 */
export function retypeEntities(doc: CorpusDocument, from: string, to: string | null): Retype {
  const command = to === null ? 'labels.delete' : 'labels.rename';
  if (from === '' || from === to || (to !== null && (to === '' || !isWritableTag(`B-${to}`))))
    return { tr: null, entities: 0, sentences: 0, skipped: 0 };
  const steps: SetTagsStep[] = [];
  let entities = 0;
  let sentences = 0;
  let skipped = 0;
  const rules = doc.scheme.rules;
  for (let si = 0; si < doc.sentences.length; si++) {
    const s = doc.sentences[si];
    if (!s) continue;
    // Cheap pre-filter: most sentences hold no tag of this type.
    let has = false;
    for (const tag of s.tags) {
      if (
        tag.length > from.length &&
        tag.endsWith(from) &&
        tag.charCodeAt(tag.length - from.length - 1) === 45
      ) {
        has = true;
        break;
      }
    }
    if (!has) continue;
    const old = extractChunks(s.tags, rules).filter((c) => c.type === from);
    if (old.length === 0) continue;
    if (s.quarantined) {
      skipped += old.length;
      continue;
    }
    const add = to === null ? [] : old.map((c) => ({ ...c, type: to }));
    const tr = replaceChunks(doc, si, old, add, command);
    if (!tr) continue;
    steps.push(...tr.steps);
    entities += old.length;
    sentences += 1;
  }
  return { tr: steps.length > 0 ? { command, steps } : null, entities, sentences, skipped };
}
