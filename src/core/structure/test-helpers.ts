// Test helpers for structural edits (not shipped in the app): compare a document with what
// parsing its text from scratch gives, and snapshot documents for equality checks.
import { parse } from '../format/parse';
import type { CorpusDocument } from '../model/document';
import { textString } from '../model/text';

const COLUMNS = ['tokenStart', 'tokenEnd', 'tagStart', 'tagEnd', 'line'] as const;

/** The document parsed again from its own text, with its scheme and column choices. */
export function reparse(doc: CorpusDocument): CorpusDocument {
  return parse(textString(doc.text), {
    scheme: doc.scheme.scheme,
    tokenColumn: doc.dialect.tokenColumn,
    tagColumn: doc.dialect.tagColumn,
  }).document;
}

/** What parse produces, as plain data (current tags and ids left out). */
export function parsedShape(doc: CorpusDocument) {
  return {
    text: textString(doc.text),
    lineStarts: Array.from(doc.lineStarts),
    tokens: Object.fromEntries(COLUMNS.map((c) => [c, Array.from(doc.tokens[c])])),
    sentences: doc.sentences.map((s) => ({
      first: s.first,
      length: s.length,
      originalTags: s.originalTags.slice(),
      doc: s.doc,
      startLine: s.startLine,
      endLine: s.endLine,
      quarantined: s.quarantined,
    })),
    dialect: doc.dialect,
  };
}

/** Everything a structural edit and its inverse must give back, as plain data. */
export function fullShape(doc: CorpusDocument) {
  return {
    ...parsedShape(doc),
    ids: doc.sentences.map((s) => s.id),
    tags: doc.sentences.map((s) => s.tags.slice()),
    patches: doc.patches.map((p) => [p.start, p.end, Array.from(p.bytes)]),
  };
}

/** Sentence ids are unique, and tags match lengths. */
export function invariantsHold(doc: CorpusDocument): boolean {
  const ids = new Set(doc.sentences.map((s) => s.id));
  return (
    ids.size === doc.sentences.length &&
    doc.sentences.every((s) => s.tags.length === s.length && s.originalTags.length === s.length)
  );
}
