import type { CorpusDocument } from '../model/document';
import { encodeText, type RawPatch } from './decode';
import { textString, type DocText } from '../model/text';

/** One tag field to rewrite: source range [from, to) becomes `tag`. */
interface Splice {
  readonly from: number;
  readonly to: number;
  readonly tag: string;
}

/** The tag fields that differ from the file, in file order. */
function splices(doc: CorpusDocument): Splice[] {
  const { tokens } = doc;
  const out: Splice[] = [];
  for (const s of doc.sentences) {
    if (s.tags === s.originalTags) continue;
    for (let i = 0; i < s.length; i++) {
      const tag = s.tags[i] as string;
      if (tag === s.originalTags[i]) continue;
      const k = s.first + i;
      out.push({ from: tokens.tagStart[k] as number, to: tokens.tagEnd[k] as number, tag });
    }
  }
  return out;
}

function splice(text: DocText, edits: readonly Splice[]): string {
  if (edits.length === 0) return textString(text);
  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    parts.push(text.slice(at, e.from), e.tag);
    at = e.to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * Writes the document back as text: the source text with the tag field of every changed token
 * replaced, and nothing else touched (separators, line endings, comments, markers, BOM).
 */
export function serializeText(doc: CorpusDocument): string {
  return splice(doc.text, splices(doc));
}

/** Moves patch offsets by the length changes of the edits before them. */
function shiftPatches(patches: readonly RawPatch[], edits: readonly Splice[]): RawPatch[] {
  let delta = 0;
  let e = 0;
  return patches.map((p) => {
    while (e < edits.length && (edits[e] as Splice).from < p.start) {
      const ed = edits[e] as Splice;
      delta += ed.tag.length - (ed.to - ed.from);
      e += 1;
    }
    return { ...p, start: p.start + delta, end: p.end + delta };
  });
}

/**
 * Writes the document back as bytes, identical to the input except the edited tag fields.
 * Lines that did not decode as UTF-8 are written from their original bytes (they belong to
 * quarantined sentences, which are never edited, so no edit falls inside a patch).
 */
export function serialize(doc: CorpusDocument): Uint8Array {
  const edits = splices(doc);
  return encodeText(splice(doc.text, edits), shiftPatches(doc.patches, edits));
}
