// Test helper (not shipped): opens a small document in the store.
import type { CorpusDocument } from '../core/model/document';
import { conll, parseText } from '../core/testing/fixtures';
import { setDocument } from './editor-store';

/** Opens an IOB2 document built from sentence specs (`'John/B-PER runs/O'`) and returns it. */
export function openInStore(...sentences: string[]): CorpusDocument {
  const doc = parseText(conll(...sentences), { scheme: 'iob2' }).document;
  setDocument({
    docId: null,
    fileName: 'f',
    doc,
    options: {},
    diagnostics: [],
    diagnosticCounts: new Map(),
  });
  return doc;
}
