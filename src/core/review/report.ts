import type { DiagnosticCode } from '../diagnostics';
import type { CorpusDocument } from '../model/document';
import { extractChunks } from '../scheme/chunks';
import { SCHEME_NAMES, type Scheme } from '../scheme/schemes';
import { buildTagIssues, countTagIssues } from './tag-issues';

/** A corpus at a glance: sizes, entities per type and length, scheme, invalid sequences. */
export interface CorpusReport {
  readonly tokens: number;
  readonly sentences: number;
  readonly documents: number;
  readonly entities: number;
  /** Entity type → count, most frequent first (ties by name). Map: labels are untrusted keys. */
  readonly entitiesByType: ReadonlyMap<string, number>;
  /** Entity length in tokens → count, shortest first. */
  readonly lengths: ReadonlyMap<number, number>;
  /** Entity type → (length → count), types in `entitiesByType` order, lengths shortest first. */
  readonly lengthsByType: ReadonlyMap<string, ReadonlyMap<number, number>>;
  readonly scheme: Scheme;
  /** Display name, e.g. "IOB2 (BIO)". */
  readonly schemeName: string;
  /** Whether the scheme was detected or set by the user. */
  readonly schemeOverridden: boolean;
  /** Invalid tag sequences by code (validateTags), most frequent first (ties by code). */
  readonly invalid: ReadonlyMap<DiagnosticCode, number>;
  /** Sentences with at least one invalid sequence (quarantined ones are not checked). */
  readonly invalidSentences: number;
  /** 0-based indices of quarantined sentences (malformed lines; read-only, exported verbatim). */
  readonly quarantined: readonly number[];
}

function bump<K>(m: Map<K, number>, k: K): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

function byLength(m: ReadonlyMap<number, number>): Map<number, number> {
  return new Map([...m].sort((a, b) => a[0] - b[0]));
}

/**
 * Counts a document for `retag stats` and the statistics panel: entities read with the
 * document's chunk rules (all sentences, as `summarize` does); invalid sequences checked in
 * the document's scheme on sentences that are not quarantined.
 */
export function corpusReport(doc: CorpusDocument): CorpusReport {
  let tokens = 0;
  let entities = 0;
  let documents = 0;
  let lastDoc = -1;
  const types = new Map<string, number>();
  const lengths = new Map<number, number>();
  const perType = new Map<string, Map<number, number>>();
  const quarantined: number[] = [];
  doc.sentences.forEach((s, i) => {
    tokens += s.length;
    if (s.quarantined) quarantined.push(i);
    if (s.doc !== lastDoc) {
      documents += 1;
      lastDoc = s.doc;
    }
    for (const c of extractChunks(s.tags, doc.scheme.rules)) {
      const n = c.end - c.start;
      entities += 1;
      bump(types, c.type);
      bump(lengths, n);
      let m = perType.get(c.type);
      if (!m) perType.set(c.type, (m = new Map()));
      bump(m, n);
    }
  });
  const entitiesByType = new Map(
    [...types].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
  );
  const lengthsByType = new Map<string, ReadonlyMap<number, number>>();
  for (const t of entitiesByType.keys()) lengthsByType.set(t, byLength(perType.get(t)!));
  const issues = buildTagIssues(doc);
  return {
    tokens,
    sentences: doc.sentences.length,
    documents,
    entities,
    entitiesByType,
    lengths: byLength(lengths),
    lengthsByType,
    scheme: doc.scheme.scheme,
    schemeName: SCHEME_NAMES[doc.scheme.scheme],
    schemeOverridden: doc.scheme.overridden,
    invalid: new Map(countTagIssues(issues)),
    invalidSentences: issues.size,
    quarantined,
  };
}
