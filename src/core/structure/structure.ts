import type { CorpusDocument } from '../model/document';
import { splitEol } from './line-kind';
import { badSplitPoint, editable, fieldsOf, replaceFields, tokenAt } from './access';
import { prepare } from './prepare';
import { buildRewrite, commitRewrite, fullLine } from './rewrite';
import {
  joinSentencesTags,
  mergeTokensTags,
  splitSentenceTags,
  splitTokenTags,
  type SchemeCtx,
} from './retag';
import type { StructureError, StructureStep } from './steps';

export {
  describeStructure,
  invertStructure,
  isStructureStep,
  sentenceShift,
  type JoinSentencesStep,
  type MergeTokensStep,
  type SplitSentenceStep,
  type SplitTokenStep,
  type StructureError,
  type StructureStep,
} from './steps';

/** Result of applying a structural step: a new document, or why not. */
export type StructureResult =
  { ok: true; doc: CorpusDocument } | { ok: false; error: StructureError };

const ctxOf = (doc: CorpusDocument): SchemeCtx => ({
  scheme: doc.scheme.scheme,
  rules: doc.scheme.rules,
});

/** A step if `prepare` accepts it on `doc`, else the reason. */
function checked(doc: CorpusDocument, step: StructureStep): StructureStep | StructureError {
  const p = prepare(doc, step);
  return typeof p === 'string' ? p : step;
}

/** The line ending to write after line n: its own, else the one before it, else the file's. */
function eolAfter(doc: CorpusDocument, n: number): string {
  for (let m = n; m >= Math.max(1, n - 1); m--) {
    const { eol } = splitEol(fullLine(doc, m));
    if (eol !== '') return eol;
  }
  return doc.dialect.lineEnding === 'crlf' ? '\r\n' : '\n';
}

/**
 * The step that splits token `token` of a sentence at UTF-16 offset `at` (0 < at < length) into
 * two lines; both parts join the token's entity, re-encoded in the document's scheme.
 */
export function splitTokenStep(
  doc: CorpusDocument,
  sentence: number,
  token: number,
  at: number,
): StructureStep | StructureError {
  const s = editable(doc, sentence);
  if (typeof s === 'string') return s;
  if (!Number.isInteger(token) || token < 0 || token >= s.length) return 'out-of-range';
  const k = s.first + token;
  const text = tokenAt(doc, k);
  if (badSplitPoint(text, at)) return 'bad-split-point';
  const ctx = ctxOf(doc);
  const orig = splitTokenTags(s.originalTags, token, ctx);
  const o1 = orig[token] as string;
  const o2 = orig[token + 1] as string;
  const { n, ts, te, gs, ge } = fieldsOf(doc, k);
  const { content } = splitEol(fullLine(doc, n));
  // Line 1's BOM belongs to the file, not to the line: the copy goes without it.
  const skip = n === 1 && content.charCodeAt(0) === 0xfeff ? 1 : 0;
  const line = replaceFields(
    content.slice(skip),
    ts - skip,
    te - skip,
    text.slice(at),
    gs - skip,
    ge - skip,
    o2,
  );
  if (line === null) return 'unsupported-line';
  return checked(doc, {
    type: 'splitToken',
    sentence,
    token,
    at,
    text,
    line,
    eol: eolAfter(doc, n),
    before: s.tags.slice(),
    after: splitTokenTags(s.tags, token, ctx),
    originalBefore: [s.originalTags[token] as string],
    originalAfter: [o1, o2],
  });
}

/**
 * The step that merges token `token` and `token + 1` of a sentence into one line (the first
 * line's fields, the two texts concatenated); the merged token keeps the first one's entity, or
 * else takes the second one's.
 */
export function mergeTokensStep(
  doc: CorpusDocument,
  sentence: number,
  token: number,
): StructureStep | StructureError {
  const s = editable(doc, sentence);
  if (typeof s === 'string') return s;
  if (!Number.isInteger(token) || token < 0 || token + 1 >= s.length) return 'out-of-range';
  const k = s.first + token;
  const n1 = doc.tokens.line[k] as number;
  const n2 = doc.tokens.line[k + 1] as number;
  const t1 = tokenAt(doc, k);
  const ctx = ctxOf(doc);
  return checked(doc, {
    type: 'mergeTokens',
    sentence,
    token,
    at: t1.length,
    text: t1 + tokenAt(doc, k + 1),
    line: splitEol(fullLine(doc, n2)).content,
    eol: splitEol(fullLine(doc, n1)).eol,
    before: s.tags.slice(),
    after: mergeTokensTags(s.tags, token, ctx),
    originalBefore: s.originalTags.slice(token, token + 2),
    originalAfter: [mergeTokensTags(s.originalTags, token, ctx)[token] as string],
  });
}

/**
 * The step that starts a new sentence at token `token` (0 < token < length): a blank line, or
 * `</s>` and `<s>` lines in the marker dialect. The new sentence gets the id above every id in
 * the document.
 */
export function splitSentenceStep(
  doc: CorpusDocument,
  sentence: number,
  token: number,
): StructureStep | StructureError {
  const s = editable(doc, sentence);
  if (typeof s === 'string') return s;
  if (!Number.isInteger(token) || token < 0 || token > s.length) return 'out-of-range';
  if (token === 0 || token === s.length) return 'bad-split-point';
  const prevLine = doc.tokens.line[s.first + token - 1] as number;
  const eol = eolAfter(doc, prevLine);
  let id = -1;
  for (const x of doc.sentences) if (x.id > id) id = x.id;
  const [a, b] = splitSentenceTags(s.tags, token, ctxOf(doc));
  return checked(doc, {
    type: 'splitSentence',
    sentence,
    token,
    id: id + 1,
    breakLines: doc.dialect.sentenceMarkers > 0 ? `</s>${eol}<s>${eol}` : eol,
    before: s.tags.slice(),
    after: [...a, ...b],
  });
}

/**
 * The step that joins sentence `sentence` and the next one; only break lines (blank, `<s>`,
 * `</s>`) may lie between them, and they are removed.
 */
export function joinSentencesStep(
  doc: CorpusDocument,
  sentence: number,
): StructureStep | StructureError {
  const s = editable(doc, sentence);
  if (typeof s === 'string') return s;
  const t = editable(doc, sentence + 1);
  if (typeof t === 'string') return t;
  const nLast = doc.tokens.line[s.first + s.length - 1] as number;
  const nFirst = doc.tokens.line[t.first] as number;
  return checked(doc, {
    type: 'joinSentences',
    sentence,
    token: s.length,
    id: t.id,
    breakLines: doc.text.slice(doc.lineStarts[nLast], doc.lineStarts[nFirst - 1]),
    before: [...s.tags, ...t.tags],
    after: joinSentencesTags(s.tags, t.tags, ctxOf(doc)),
  });
}

/**
 * Applies a structural step purely: rewrites the affected lines of the text and moves the
 * token table, line starts, patches and later sentences, so the result equals what parsing
 * the new text gives (plus the current tags). Refuses stale steps and quarantined sentences.
 */
export function applyStructure(doc: CorpusDocument, step: StructureStep): StructureResult {
  const p = prepare(doc, step);
  if (typeof p === 'string') return { ok: false, error: p };
  const built = buildRewrite(doc, p.plan);
  return {
    ok: true,
    doc: commitRewrite(doc, p.plan, built, p.from, p.count, p.sentences, p.layout),
  };
}
