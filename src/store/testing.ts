// Test helper (not shipped): opens a small document in the store.
import type { CorpusDocument } from '../core/model/document';
import { conll, parseText } from '../core/testing/fixtures';
import { setDocument, type ChangeCounts } from './editor-store';

/** Opens a document in the store (no file, no diagnostics), with its change counts if given. */
export function showInStore(doc: CorpusDocument, changes?: ChangeCounts): void {
  setDocument({
    docId: null,
    fileName: 'f',
    doc,
    options: {},
    diagnostics: [],
    diagnosticCounts: new Map(),
    ...(changes ? { changes } : {}),
  });
}

/** Opens an IOB2 document built from sentence specs (`'John/B-PER runs/O'`) and returns it. */
export function openInStore(...sentences: string[]): CorpusDocument {
  const doc = parseText(conll(...sentences), { scheme: 'iob2' }).document;
  showInStore(doc);
  return doc;
}
