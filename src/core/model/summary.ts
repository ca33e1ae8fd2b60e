import { extractChunks } from '../scheme/chunks';
import { SCHEME_NAMES } from '../scheme/schemes';
import type { CorpusDocument } from './document';

/** Corpus counts, as the CLI summary and the UI show them. */
export interface Summary {
  readonly tokens: number;
  readonly sentences: number;
  readonly documents: number;
  readonly quarantined: number;
  readonly entities: number;
  /** Entities per type, most frequent first (ties by name). */
  readonly entitiesByType: readonly (readonly [string, number])[];
}

/** Counts tokens, sentences, documents and entities (read with the document's chunk rules). */
export function summarize(doc: CorpusDocument): Summary {
  let tokens = 0;
  let entities = 0;
  let quarantined = 0;
  let lastDoc = -1;
  let documents = 0;
  const byType = new Map<string, number>();
  for (const s of doc.sentences) {
    tokens += s.length;
    if (s.quarantined) quarantined += 1;
    if (s.doc !== lastDoc) {
      documents += 1;
      lastDoc = s.doc;
    }
    for (const c of extractChunks(s.tags, doc.scheme.rules)) {
      entities += 1;
      byType.set(c.type, (byType.get(c.type) ?? 0) + 1);
    }
  }
  const entitiesByType = [...byType].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return {
    tokens,
    sentences: doc.sentences.length,
    documents,
    quarantined,
    entities,
    entitiesByType,
  };
}

/** One line describing the file's dialect for people, e.g. "TAB-separated, 2 columns, …". */
export function describeDialect(doc: Pick<CorpusDocument, 'dialect' | 'text'>): string {
  const d = doc.dialect;
  const sep =
    d.separator === 'tab'
      ? 'TAB-separated'
      : d.separator === 'space'
        ? 'space-separated'
        : 'TAB- and space-separated lines';
  const parts = [
    sep,
    `${d.columns} column${d.columns === 1 ? '' : 's'} (token ${d.tokenColumn + 1}, tag ${d.tagColumn + 1})`,
  ];
  if (d.otherTagColumns.length > 0) {
    const cols = d.otherTagColumns.map((c) => c + 1).join(', ');
    parts.push(
      `column${d.otherTagColumns.length > 1 ? 's' : ''} ${cols} also look${d.otherTagColumns.length > 1 ? '' : 's'} like tags (--tag-column)`,
    );
  }
  if (d.sentenceMarkers > 0) parts.push('<s>/</s> sentence markers');
  else parts.push('blank-line sentence breaks');
  if (d.docStarts > 0) parts.push(`${d.docStarts} -DOCSTART- lines`);
  if (d.comments > 0) parts.push(`${d.comments} comment lines`);
  parts.push(
    d.lineEnding === 'none' ? 'single line' : `${d.lineEnding.toUpperCase()} line endings`,
  );
  if (d.bom) parts.push('BOM');
  if (!d.finalNewline && doc.text.length > 0) parts.push('no final newline');
  return parts.join(', ');
}

/** One line describing the scheme and how sure detection is, e.g. "IOB2 (BIO), detected: …". */
export function describeScheme(doc: CorpusDocument): string {
  const s = doc.scheme;
  const how = s.overridden
    ? `set by the user (detected ${SCHEME_NAMES[s.detected.scheme]})`
    : `detected, confidence ${s.detected.confidence.toFixed(3)}: ${s.detected.reason}`;
  return `${SCHEME_NAMES[s.scheme]}, ${how}; entities read with ${s.rules === 'bioes' ? 'the BIOES-aware conlleval rules' : 'the official conlleval rules'}`;
}
